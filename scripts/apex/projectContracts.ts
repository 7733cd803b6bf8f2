import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileLwcTypeScript } from '../deploy/compileLwc';
import { listPackageFiles, lwcBundleOf } from '../deploy/files';
import { importedApexClasses, runtimeImports } from '../deploy/lwcImports';
import { readSfdxProject } from '../deploy/sfdxProject';
import { isZodSchema, type ZodLike } from './contractTypes';
import type { ContractName, TypeScriptController } from './parity';

export const SERVER_CLASSES_DIR = 'force-app/server/classes';
export const CONTRACTS_DIR = 'force-app/server/contracts';

/** Contract file (without `.ts`) → the Apex class holding its shapes as inner classes. */
export const CONTRACT_APEX_CLASSES: Readonly<Record<string, string>> = {
    QwilConnectorController: 'QwilTabContract',
    clientState: 'QwilTabContract',
    // beginWrite belongs to QwilConnectorController; the chats and groups contracts only borrow its fields.
    exactlyOnce: 'QwilTabContract',
    QwilContactGroupsController: 'QwilContactGroupsContract',
    QwilChatsController: 'QwilChatsContract',
    QwilLinkClientsController: 'QwilLinkClientsContract'
};

/** `Class.method` for every `@salesforce/apex/Class.method` the project's LWCs (TypeScript or JavaScript) import at runtime. */
export function lwcApexImports(projectDir: string): string[] {
    const { packageDirectories } = readSfdxProject(projectDir);
    const modules = listPackageFiles(projectDir, packageDirectories).filter(
        (file) =>
            lwcBundleOf(file) &&
            /\.(ts|js)$/.test(file) &&
            !file.endsWith('.d.ts') &&
            !file.split('/').includes('__tests__')
    );
    const imports = modules.flatMap((file) => {
        const source = readFileSync(join(projectDir, file), 'utf8');
        const code = file.endsWith('.ts') ? compileLwcTypeScript(source, file) : source;
        const bundleRoot = lwcBundleOf(file)?.root ?? '';
        return runtimeImports(code, file).map((specifier) => ({ file, bundleRoot, specifier }));
    });
    return [...importedApexClasses(imports)].flatMap(([apexClass, { methods }]) =>
        methods.map((method) => `${apexClass}.${method}`)
    );
}

/** Every exported TypeScript controller (`{ name, methods }`) of `force-app/server/classes`. */
export function typeScriptControllers(projectDir: string): TypeScriptController[] {
    return typeScriptModules(join(projectDir, SERVER_CLASSES_DIR)).flatMap(({ exports }) =>
        Object.values(exports).filter(isController)
    );
}

/** Each exported object or union schema of the contract files → its Apex inner class. */
export function contractNames(projectDir: string): Map<ZodLike, ContractName> {
    const names = new Map<ZodLike, ContractName>();
    for (const { file, exports } of typeScriptModules(join(projectDir, CONTRACTS_DIR))) {
        const apexClass = CONTRACT_APEX_CLASSES[basename(file, '.ts')];
        if (apexClass === undefined) continue;
        for (const [name, value] of Object.entries(exports)) {
            if (isZodSchema(value) && ['object', 'union'].includes(value._zod.def.type) && !names.has(value)) {
                names.set(value, { apexClass, name });
            }
        }
    }
    return names;
}

function typeScriptModules(dir: string): { file: string; exports: Record<string, unknown> }[] {
    return (
        readdirSync(dir)
            .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
            .sort()
            // Loaded at run time: the check runs under tsx (CLI) or babel-jest, which both load TypeScript.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            .map((file) => ({ file, exports: require(join(dir, file)) as Record<string, unknown> }))
    );
}

function isController(value: unknown): value is TypeScriptController {
    if (typeof value !== 'object' || value === null) return false;
    const { name, methods } = value as Partial<TypeScriptController>;
    return typeof name === 'string' && typeof methods === 'object' && methods !== null;
}
