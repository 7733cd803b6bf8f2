import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { apexClasses } from '../../force-app/server';
import type { ApexClassDefinition } from '../../force-app/server/platform/auraEnabled';

const ROOT = join(__dirname, '..', '..');
const CONTRACTS_DIR = join(ROOT, 'force-app', 'server', 'contracts');
/** The declarations components import `@salesforce/apex/<Class>.<method>` through; written by this script only. */
export const APEX_TYPES_FILE = join(ROOT, 'force-app', 'types', 'apex.d.ts');

interface ContractModule {
    /** The file name without `.ts`, e.g. `QwilChatsController` or `exactlyOnce`. */
    readonly file: string;
    /** The type alias the declarations use for the module, e.g. `ChatsContract`. */
    readonly alias: string;
    readonly exports: Readonly<Record<string, unknown>>;
}

/** `QwilChatsController` → `ChatsContract`, `exactlyOnce` → `ExactlyOnceContract`. */
function aliasOf(file: string): string {
    const name = file.replace(/^Qwil/, '').replace(/Controller$/, '');
    return `${name.charAt(0).toUpperCase()}${name.slice(1)}Contract`;
}

function loadContracts(): ContractModule[] {
    return readdirSync(CONTRACTS_DIR)
        .filter((name) => name.endsWith('.ts'))
        .map((name) => basename(name, '.ts'))
        .sort()
        .map((file) => ({
            file,
            alias: aliasOf(file),
            // Every file of the folder, whatever its name, so a new contract file needs no change here.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exports: require(join(CONTRACTS_DIR, file)) as Record<string, unknown>
        }));
}

/** The contract export that is this very schema, looked for in the controller's own contract file first. */
function typeOf(schema: z.ZodType, controller: string, contracts: readonly ContractModule[], where: string): string {
    const ordered = [...contracts].sort((a, b) => Number(b.file === controller) - Number(a.file === controller));
    for (const contract of ordered) {
        const name = Object.keys(contract.exports).find((key) => contract.exports[key] === schema);
        if (name) return `${contract.alias}['${name}']`;
    }
    if (schema instanceof z.ZodNull) return "import('zod').ZodNull";
    throw new Error(`${where}: its schema is not an export of force-app/server/contracts; export it there by name`);
}

function declarations(classes: readonly ApexClassDefinition[], contracts: readonly ContractModule[]): string {
    const used = new Set<string>();
    const modules = classes.flatMap((apexClass) =>
        Object.entries(apexClass.methods).map(([name, method]) => {
            const where = `${apexClass.name}.${name}`;
            const params = typeOf(method.params, apexClass.name, contracts, `${where} parameters`);
            const result = typeOf(method.result, apexClass.name, contracts, `${where} result`);
            for (const type of [params, result]) used.add(type.split('[')[0] ?? type);
            return [
                `declare module '@salesforce/apex/${where}' {`,
                `    const method: ApexMethod<${params}, ${result}>;`,
                '    export default method;',
                '}'
            ].join('\n');
        })
    );
    const aliases = contracts
        .filter((contract) => used.has(contract.alias))
        .map((contract) => `type ${contract.alias} = typeof import('../server/contracts/${contract.file}');`);
    return [
        '// Generated from the controllers by scripts/contracts/apexTypes.ts: do not edit by hand (`npx tsx',
        '// scripts/contracts/apexTypes.ts` writes it; its test fails when it differs). Each method points at its',
        '// parameter and result schemas in force-app/server/contracts, where they are declared once.',
        '',
        "type ApexMethod<Params extends import('zod').ZodType, Result extends import('zod').ZodType> = (",
        "    params: import('zod').input<Params>",
        ") => Promise<import('zod').output<Result>>;",
        ...aliases,
        '',
        ...modules,
        ''
    ].join('\n');
}

/** The declarations as the project's Prettier settings format them. */
function formatted(source: string): string {
    return execFileSync(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--stdin-filepath', APEX_TYPES_FILE], {
        cwd: ROOT,
        input: source,
        encoding: 'utf8'
    });
}

/** What force-app/types/apex.d.ts should hold for the controllers as they are. */
export function expectedApexTypes(classes: readonly ApexClassDefinition[] = apexClasses): string {
    return formatted(declarations(classes, loadContracts()));
}

function main(args: readonly string[]): void {
    const expected = expectedApexTypes();
    if (args.includes('--check')) {
        if (readFileSync(APEX_TYPES_FILE, 'utf8') !== expected) {
            console.error(
                'force-app/types/apex.d.ts differs from the controllers: run npx tsx scripts/contracts/apexTypes.ts'
            );
            process.exitCode = 1;
        }
        return;
    }
    writeFileSync(APEX_TYPES_FILE, expected);
}

if (require.main === module) main(process.argv.slice(2));
