import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';

export interface ApexLsIssue {
    file: string;
    line: number;
    category: string;
    message: string;
}

/** The PMD engine package ships apex-ls 6 (built for Java 17) with the platform types for API 65. */
export function apexLsClassPath(): string {
    const enginePackage = dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json'));
    return join(enginePackage, 'dist', 'java-lib', '*');
}

interface ApexLsReport {
    files: { path: string; messages: { start: { line: number }; category: string; message: string }[] }[];
}

/**
 * Type-checks the SFDX project's Apex with apex-ls (`CheckForIssues`, no cache) and returns every
 * error it reports (syntax, type and missing-symbol errors), with project-relative paths.
 */
export function runApexLs(projectDir: string): ApexLsIssue[] {
    const run = spawnSync(
        'java',
        [
            '-cp',
            apexLsClassPath(),
            'io.github.apexdevtools.apexls.CheckForIssues',
            '-n',
            '-f',
            'json',
            '-w',
            projectDir
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    );
    // CheckForIssues exits 0 when clean and 4 when it reports issues; anything else is a failed run.
    if (run.error || (run.status !== 0 && run.status !== 4)) {
        const detail = run.error?.message ?? `${run.stderr}${run.stdout}`.trim().split('\n').slice(0, 5).join(' | ');
        throw new Error(`apex-ls did not run (exit ${run.status ?? 'none'}): ${detail}`);
    }
    let report: ApexLsReport;
    try {
        report = JSON.parse(run.stdout) as ApexLsReport;
    } catch {
        throw new Error(`apex-ls printed no JSON report: ${run.stdout.slice(0, 300)}`);
    }
    return report.files.flatMap(({ path, messages }) =>
        messages.map(({ start, category, message }) => ({
            file: relative(projectDir, path),
            line: start.line,
            category,
            message
        }))
    );
}
