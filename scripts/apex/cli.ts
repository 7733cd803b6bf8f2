import { checkApex } from './checkApex';
import { preferShortRunJvm } from './java';
import { contractNames, lwcApexImports, typeScriptControllers } from './projectContracts';

// `npm run check:apex`: the offline checks of the Apex twin; exits non-zero on any problem.
async function main(): Promise<number> {
    preferShortRunJvm();
    const projectDir = process.cwd();
    const sections = await checkApex(projectDir, {
        lwcImports: lwcApexImports(projectDir),
        controllers: typeScriptControllers(projectDir),
        contractNames: contractNames(projectDir)
    });
    for (const { summary, problems } of sections) {
        console.log(summary);
        for (const problem of problems) console.log(`  - ${problem}`);
    }
    const failed = sections.filter((section) => section.problems.length > 0);
    if (failed.length > 0) console.error(`Apex checks failed: ${failed.map((section) => section.name).join(', ')}`);
    return failed.length === 0 ? 0 : 1;
}

main().then(
    (exitCode) => {
        process.exitCode = exitCode;
    },
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
    }
);
