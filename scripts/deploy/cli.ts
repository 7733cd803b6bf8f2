import { join, relative } from 'node:path';
import { buildDeploy, DeployBuildError, type DeployBuildResult } from './buildDeploy';
import { CONNECTOR_COMPONENTS } from './connectorComponents';
import { checkMetadata, type MetadataCheckResult } from './metadataCheck';

// `tsx scripts/deploy/cli.ts build` writes the deployable project; `check` also validates it.
const OUT_DIR = join('.build', 'deploy');

async function main(command: string | undefined): Promise<number> {
    if (command !== 'build' && command !== 'check') {
        console.error('Usage: tsx scripts/deploy/cli.ts build|check');
        return 2;
    }
    const projectDir = process.cwd();
    const outDir = join(projectDir, OUT_DIR);
    try {
        printBuild(buildDeploy(projectDir, outDir), projectDir);
    } catch (error) {
        if (!(error instanceof DeployBuildError)) throw error;
        console.error(error.message);
        return 1;
    }
    if (command === 'build') return 0;
    const check = await checkMetadata(outDir, CONNECTOR_COMPONENTS);
    printCheck(check);
    return check.problems.length === 0 ? 0 : 1;
}

function printBuild(result: DeployBuildResult, projectDir: string): void {
    const outDir = relative(projectDir, result.outDir);
    console.log(`Deploy build: ${outDir} (${result.packageDirectories.join(', ')})`);
    const { compiledFiles, copiedFiles } = result;
    console.log(`  compiled ${compiledFiles.length} LWC TypeScript files to JavaScript, copied ${copiedFiles} files`);
    for (const note of result.notes) console.log(`  note: ${note}`);
    const sourceDirs = result.packageDirectories.map((directory) => `--source-dir ${directory}`).join(' ');
    console.log(`  deploy with: cd ${outDir} && sf project deploy start ${sourceDirs} --target-org <alias>`);
}

function printCheck(check: MetadataCheckResult): void {
    const countsByType = new Map<string, number>();
    for (const { type } of check.packageComponents) countsByType.set(type, (countsByType.get(type) ?? 0) + 1);
    const counts = [...countsByType].map(([type, count]) => `${type} ${count}`).join(', ');
    console.log(
        `Metadata check: ${check.xmlFileCount} XML files; package.xml (API ${check.apiVersion}): ${counts || 'empty'}`
    );
    if (check.problems.length === 0) {
        console.log('  OK: XML well-formed, source checks passed, every expected component in package.xml');
        return;
    }
    for (const problem of check.problems) console.error(`  - ${problem}`);
    console.error(`Metadata check failed: ${check.problems.length} problem(s)`);
}

main(process.argv[2]).then(
    (exitCode) => {
        process.exitCode = exitCode;
    },
    (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
    }
);
