import { execFile } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../../mock-org/projectRoot';
import { SLOW_TEST_TIMEOUT_MS } from '../../../../mock-org/testing/testLimits';

// A callout's timeout must fire whatever the garbage collector does. The callouts run in a child
// process started with --expose-gc, which collects garbage until every callout has ended.
const SCRIPT = path.join(__dirname, 'fixtures', 'neverAnsweredCallouts.ts');
/** Only a bound on a hung child (the failure this test exists for), never a measure of speed. */
const HUNG_AFTER_MS = SLOW_TEST_TIMEOUT_MS / 2;

function runWithForcedCollection(): Promise<string[]> {
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            ['--expose-gc', '--require', 'tsx/cjs', SCRIPT],
            { cwd: PROJECT_ROOT, timeout: HUNG_AFTER_MS },
            (error, stdout, stderr) => {
                if (error) {
                    reject(
                        new Error(
                            error.killed
                                ? 'Some callouts never ended: their timeout did not fire after garbage collection'
                                : `The callout script failed: ${stderr}`
                        )
                    );
                    return;
                }
                resolve(JSON.parse(stdout) as string[]);
            }
        );
    });
}

describe('callouts always end', () => {
    it(
        'a callout to a server that never answers ends with "Read timed out" even after forced garbage collection, within the 120 s callout total',
        async () => {
            const outcomes = await runWithForcedCollection();
            expect(outcomes).toHaveLength(20);
            expect(new Set(outcomes)).toEqual(new Set(['System.CalloutException: Read timed out']));
        },
        SLOW_TEST_TIMEOUT_MS
    );
});
