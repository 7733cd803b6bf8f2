import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ForceIgnore } from '@salesforce/source-deploy-retrieve';
import { compileLwcTypeScript } from './compileLwc';
import { listPackageFiles, lwcBundleOf, writeProjectFile } from './files';
import { collectLwcImports, findImportViolations, importedApexClasses, type LwcImport } from './lwcImports';
import { dropMissingClassAccesses } from './permissionSetAccess';
import { PROJECT_FILE, readSfdxProject } from './sfdxProject';

const FORCE_IGNORE_FILE = '.forceignore';

export interface DeployBuildResult {
    outDir: string;
    packageDirectories: string[];
    compiledFiles: string[];
    copiedFiles: number;
    notes: string[];
}

/** The build found problems that would make the output undeployable; each names the file and the cause. */
export class DeployBuildError extends Error {
    constructor(readonly problems: string[]) {
        super(`Deploy build failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
        this.name = 'DeployBuildError';
    }
}

/**
 * Writes a deployable SFDX source-format project to `outDir`: sfdx-project.json and .forceignore,
 * every package-directory file that .forceignore accepts, and each LWC's TypeScript compiled to
 * JavaScript. Tests, `.ts`/`.d.ts` sources and everything .forceignore denies (the server methods
 * among them) stay behind. Throws DeployBuildError if an LWC imports what the platform cannot load.
 */
export function buildDeploy(projectDir: string, outDir: string): DeployBuildResult {
    const { packageDirectories } = readSfdxProject(projectDir);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    for (const file of [PROJECT_FILE, FORCE_IGNORE_FILE]) {
        if (existsSync(join(projectDir, file))) copyFileSync(join(projectDir, file), join(outDir, file));
    }

    const forceIgnore = new ForceIgnore(join(projectDir, FORCE_IGNORE_FILE));
    const result: DeployBuildResult = { outDir, packageDirectories, compiledFiles: [], copiedFiles: 0, notes: [] };
    const problems: string[] = [];
    for (const file of listPackageFiles(projectDir, packageDirectories)) {
        const source = join(projectDir, file);
        if (isLwcTypeScriptSource(file)) {
            const jsFile = file.replace(/\.ts$/, '.js');
            if (existsSync(join(projectDir, jsFile))) {
                problems.push(`${file}: ${basename(jsFile)} exists beside it; keep one of the two`);
            }
            writeProjectFile(outDir, jsFile, compileLwcTypeScript(readFileSync(source, 'utf8'), source));
            result.compiledFiles.push(file);
        } else if (!file.endsWith('.ts') && forceIgnore.accepts(source)) {
            writeProjectFile(outDir, file, readFileSync(source));
            result.copiedFiles += 1;
        }
    }

    const outputFiles = listPackageFiles(outDir, packageDirectories);
    const apexClasses = new Set(
        outputFiles.filter((file) => file.endsWith('.cls')).map((file) => basename(file, '.cls'))
    );
    const imports = collectLwcImports(outDir, outputFiles);
    const sourceOf = (file: string): string => {
        const typeScriptSource = file.replace(/\.js$/, '.ts');
        return result.compiledFiles.includes(typeScriptSource) ? typeScriptSource : file;
    };
    result.notes.push(
        ...removeGrantsForMissingClasses(outDir, outputFiles, apexClasses),
        ...missingApexNotes(imports, apexClasses)
    );
    problems.push(...findImportViolations(imports, outDir, outputFiles, sourceOf));
    if (problems.length > 0) throw new DeployBuildError(problems);
    return result;
}

function isLwcTypeScriptSource(file: string): boolean {
    return (
        file.endsWith('.ts') &&
        !file.endsWith('.d.ts') &&
        !file.split('/').includes('__tests__') &&
        lwcBundleOf(file) !== undefined
    );
}

// A build of a branch without some Apex class (or a class left out by .forceignore) is still correct
// for what it holds: these notes say what that means for a deployment instead of failing the build.

/**
 * The permission set in source grants the connector's Apex classes, which the mock org enforces too.
 * An org rejects a permission set granting a class it does not have, so the output leaves out
 * grants for classes it does not contain (none, when every class is in the package).
 */
function removeGrantsForMissingClasses(
    outDir: string,
    outputFiles: readonly string[],
    apexClasses: ReadonlySet<string>
): string[] {
    return outputFiles
        .filter((file) => file.endsWith('.permissionset-meta.xml'))
        .flatMap((file) => {
            const { xml, droppedClasses } = dropMissingClassAccesses(
                readFileSync(join(outDir, file), 'utf8'),
                apexClasses
            );
            if (droppedClasses.length === 0) return [];
            writeProjectFile(outDir, file, xml);
            return [
                `${file}: left out Apex class access to ${droppedClasses.join(', ')}: the output holds no such Apex class`
            ];
        });
}

/** An org rejects an LWC importing an Apex method it does not have ("Unable to find Apex action class …"). */
function missingApexNotes(imports: readonly LwcImport[], apexClasses: ReadonlySet<string>): string[] {
    return [...importedApexClasses(imports)]
        .filter(([apexClass]) => !apexClasses.has(apexClass))
        .map(
            ([apexClass, { methods, bundles }]) =>
                `Apex class ${apexClass} (${methods.join(', ')}), imported by LWC ${bundles.join(', ')}, ` +
                'is not in the output: an org rejects the importing bundles, and the record pages placing them'
        );
}
