import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readApexClasses } from './apexSource';
import { runApexLs } from './apexLs';
import { ensureJava } from './java';
import { checkParity, type ParityInput } from './parity';
import { BLOCKING_SEVERITIES, runPmd } from './pmd';
import { unjustifiedSuppressions } from './suppressions';
import { testClassProblems } from './testClasses';

export interface ApexCheckSection {
    name: string;
    /** One line saying what was checked and found. */
    summary: string;
    problems: string[];
}

/** What parity needs besides the Apex: read from the project by `projectContracts`, or given by a test. */
export type TypeScriptSide = Omit<ParityInput, 'apexClasses'>;

/**
 * The offline checks of the project's Apex: apex-ls type check, PMD through Code Analyzer (with
 * justified suppressions), parity with the TypeScript server methods, and test classes that assert.
 * Throws when Java is missing and cannot be installed; never skips a check.
 */
export async function checkApex(projectDir: string, typeScript: TypeScriptSide): Promise<ApexCheckSection[]> {
    ensureJava();
    const { classes, problems: syntaxProblems } = readApexClasses(projectDir);
    const apexFiles = [...new Set(classes.map((apexClass) => apexClass.file))];

    const apexLsIssues = runApexLs(projectDir);
    const apexLs: ApexCheckSection = {
        name: 'apex-ls',
        summary: `apex-ls: ${apexLsIssues.length} error(s) in ${apexFiles.length} class file(s)`,
        problems: apexLsIssues.map(({ file, line, category, message }) => `${file}:${line}: ${category}: ${message}`)
    };

    const violations = await runPmd(
        projectDir,
        apexFiles.map((file) => join(projectDir, file))
    );
    const blocking = violations.filter((violation) => BLOCKING_SEVERITIES.includes(violation.severity));
    const suppressions = apexFiles.flatMap((file) =>
        unjustifiedSuppressions(readFileSync(join(projectDir, file), 'utf8'), file)
    );
    const pmd: ApexCheckSection = {
        name: 'pmd',
        summary:
            `PMD: ${blocking.length} violation(s) at severity 1-2, ${violations.length - blocking.length} at severity 3-5 (not blocking), ` +
            `${suppressions.length} unjustified suppression(s)`,
        problems: [
            ...blocking.map(
                ({ file, line, rule, severity, message }) =>
                    `${file}:${line}: ${rule} (severity ${severity}): ${message}`
            ),
            ...suppressions
        ]
    };

    const result = checkParity({ ...typeScript, apexClasses: classes });
    const parity: ApexCheckSection = {
        name: 'parity',
        summary: `parity: ${result.matched.length} of ${result.lwcImported.length} LWC-imported methods matched`,
        problems: [
            ...syntaxProblems.map(({ file, line, message }) => `${file}:${line}: syntax: ${message.slice(0, 200)}`),
            ...result.problems
        ]
    };

    const testProblems = testClassProblems(classes);
    const tests: ApexCheckSection = {
        name: 'tests',
        summary: `tests: ${classes.length} class(es), ${testProblems.length} problem(s) with test classes and assertions`,
        problems: testProblems
    };
    return [apexLs, pmd, parity, tests];
}
