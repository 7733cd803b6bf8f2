import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT, removeTemporaryDirectories, temporaryDirectory } from '../../testing/projectFixture';

const SCRIPT = 'scripts/org/verify.sh';

// A Salesforce CLI stand-in that logs each call and fails the one named in FAIL_ON.
const FAKE_SF = `#!/usr/bin/env bash
echo "sf $*" >> "$CALLS"
if [ -n "\${FAIL_ON:-}" ] && [[ "$*" == "$FAIL_ON"* ]]; then echo "sf failed: $*" >&2; exit 1; fi
`;
const FAKE_NPM = `#!/usr/bin/env bash
echo "npm $*" >> "$CALLS"
`;

afterAll(removeTemporaryDirectories);

/** Runs verify.sh from a copy of the project layout, with `sf` and `npm` replaced by loggers. */
function verify(failOn?: string): { status: number | null; calls: string[]; stdout: string } {
    const project = temporaryDirectory();
    const bin = join(project, 'bin');
    for (const dir of ['scripts/org', 'config', '.build/deploy', 'bin'])
        mkdirSync(join(project, dir), { recursive: true });
    copyFileSync(join(REPOSITORY_ROOT, SCRIPT), join(project, SCRIPT));
    copyFileSync(
        join(REPOSITORY_ROOT, 'config/project-scratch-def.json'),
        join(project, 'config/project-scratch-def.json')
    );
    writeFileSync(join(bin, 'sf'), FAKE_SF);
    writeFileSync(join(bin, 'npm'), FAKE_NPM);
    chmodSync(join(bin, 'sf'), 0o755);
    chmodSync(join(bin, 'npm'), 0o755);
    const calls = join(project, 'calls.log');
    writeFileSync(calls, '');
    const run = spawnSync('bash', [join(project, SCRIPT), 'my-hub'], {
        encoding: 'utf8',
        env: { PATH: `${bin}:/usr/bin:/bin`, CALLS: calls, FAIL_ON: failOn ?? '' }
    });
    return { status: run.status, calls: readFileSync(calls, 'utf8').trim().split('\n'), stdout: run.stdout };
}

describe('scripts/org/verify.sh', () => {
    it('is valid bash', () => {
        expect(spawnSync('bash', ['-n', join(REPOSITORY_ROOT, SCRIPT)]).status).toBe(0);
    });

    it('builds, creates a scratch org from the Dev Hub, deploys, assigns the permission set, runs the tests and deletes the org', () => {
        const { status, calls } = verify();
        expect(status).toBe(0);
        expect(calls.map((call) => call.replace(/qwil-verify-\d+/g, '<org>'))).toEqual([
            'npm run --silent check:metadata',
            'sf org create scratch --definition-file config/project-scratch-def.json --alias <org> --duration-days 1 --wait 30 --target-dev-hub my-hub',
            'sf project deploy start --source-dir force-app --target-org <org> --wait 30',
            'sf org assign permset --name Qwil_Messenger_User --target-org <org>',
            'sf apex run test --target-org <org> --test-level RunLocalTests --code-coverage --result-format human --wait 30',
            'sf org delete scratch --target-org <org> --no-prompt'
        ]);
    });

    it('deletes the org when a step fails, and fails itself', () => {
        const { status, calls } = verify('project deploy start');
        expect(status).not.toBe(0);
        expect(calls.at(-1)).toMatch(/^sf org delete scratch --target-org qwil-verify-\d+ --no-prompt$/);
        expect(calls.some((call) => call.startsWith('sf apex run test'))).toBe(false);
    });
});
