import type { CheckResult } from '../../../../force-app/server/health/checkResult';

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

/** One line per check, with its fix on the next line when it does not pass. */
export function formatHealthReport(results: readonly CheckResult[]): string {
    const lines = results.flatMap((result) => [
        `${MARK[result.status]}  ${result.title}: ${result.detail}`,
        ...(result.fix ? [`      Fix: ${result.fix}`] : [])
    ]);
    const count = (status: CheckResult['status']) => results.filter((result) => result.status === status).length;
    return [...lines, '', `${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed.`].join('\n');
}
