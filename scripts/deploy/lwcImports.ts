import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseSync, traverse } from '@babel/core';
import { lwcBundleOf } from './files';

const PLATFORM_MODULE = /^(lwc$|lightning\/|@salesforce\/)/;
const CUSTOM_MODULE = /^c\/([A-Za-z][A-Za-z0-9_]*)$/;

/** The module specifiers a JavaScript module imports at runtime (static, re-exports, literal `import()`). */
export function runtimeImports(code: string, filename: string): string[] {
    const ast = parseSync(code, {
        filename,
        babelrc: false,
        configFile: false,
        sourceType: 'module',
        plugins: [[require.resolve('@babel/plugin-syntax-decorators'), { decoratorsBeforeExport: true }]]
    });
    if (!ast) throw new Error(`${filename}: Babel returned no syntax tree`);
    const specifiers: string[] = [];
    traverse(ast, {
        ImportDeclaration({ node }) {
            specifiers.push(node.source.value);
        },
        ExportNamedDeclaration({ node }) {
            if (node.source) specifiers.push(node.source.value);
        },
        ExportAllDeclaration({ node }) {
            specifiers.push(node.source.value);
        },
        CallExpression({ node }) {
            const [argument] = node.arguments;
            if (node.callee.type === 'Import' && argument?.type === 'StringLiteral') specifiers.push(argument.value);
        }
    });
    return specifiers;
}

/** One runtime import of a JavaScript module in an LWC bundle. */
export interface LwcImport {
    /** The importing module, relative to the project root. */
    file: string;
    bundleRoot: string;
    specifier: string;
}

/** The runtime imports of every JavaScript module of the LWC bundles among `files` (relative to `rootDir`). */
export function collectLwcImports(rootDir: string, files: readonly string[]): LwcImport[] {
    return files.flatMap((file) => {
        const bundle = lwcBundleOf(file);
        if (!bundle || !file.endsWith('.js')) return [];
        return runtimeImports(readFileSync(join(rootDir, file), 'utf8'), file).map((specifier) => ({
            file,
            bundleRoot: bundle.root,
            specifier
        }));
    });
}

/**
 * Checks each import against what the platform can load: `lwc`, `lightning/*`, `@salesforce/*`,
 * `c/<bundle>` for a bundle among `files`, or a file of `rootDir` inside the importing bundle.
 * Returns one message per offending import, naming the file as `sourceOf` tells (the TypeScript
 * a module was compiled from).
 */
export function findImportViolations(
    imports: readonly LwcImport[],
    rootDir: string,
    files: readonly string[],
    sourceOf: (file: string) => string
): string[] {
    const bundleNames = new Set(files.map((file) => lwcBundleOf(file)?.name).filter((name) => name !== undefined));
    return imports.flatMap(({ file, bundleRoot, specifier }) => {
        const problem = importProblem(specifier, file, bundleRoot, bundleNames, rootDir);
        return problem ? [`${sourceOf(file)}: import '${specifier}' ${problem}`] : [];
    });
}

const APEX_METHOD = /^@salesforce\/apex\/(\w+)\.(\w+)$/;

export interface ApexClassUse {
    methods: string[];
    bundles: string[];
}

/** Apex class → the methods LWCs import from it (`@salesforce/apex/<Class>.<method>`) and the importing bundles. */
export function importedApexClasses(imports: readonly LwcImport[]): Map<string, ApexClassUse> {
    const uses = new Map<string, { methods: Set<string>; bundles: Set<string> }>();
    for (const { specifier, bundleRoot } of imports) {
        const [, apexClass, method] = APEX_METHOD.exec(specifier) ?? [];
        if (!apexClass || !method) continue;
        const use = uses.get(apexClass) ?? { methods: new Set<string>(), bundles: new Set<string>() };
        use.methods.add(method);
        use.bundles.add(posix.basename(bundleRoot));
        uses.set(apexClass, use);
    }
    return new Map(
        [...uses].map(([apexClass, { methods, bundles }]) => [
            apexClass,
            { methods: [...methods].sort(), bundles: [...bundles].sort() }
        ])
    );
}

function importProblem(
    specifier: string,
    file: string,
    bundleRoot: string,
    bundleNames: ReadonlySet<string>,
    rootDir: string
): string | undefined {
    if (PLATFORM_MODULE.test(specifier)) return undefined;
    const customModule = CUSTOM_MODULE.exec(specifier);
    if (customModule) {
        return bundleNames.has(customModule[1] ?? '') ? undefined : 'names no LWC bundle in the output';
    }
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
        const target = posix.join(posix.dirname(file), specifier);
        if (!target.startsWith(`${bundleRoot}/`)) return 'leaves its bundle; share code through a c/ module instead';
        const exists = [target, `${target}.js`].some((candidate) => existsSync(join(rootDir, candidate)));
        return exists ? undefined : 'names no file in the bundle';
    }
    return (
        'is not available on the platform (only lwc, lightning/*, @salesforce/*, c/* and files of the same bundle are); ' +
        'bundle npm code into a c/ module or drop it'
    );
}
