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
        ImportDeclaration: ({ node }) => void specifiers.push(node.source.value),
        ExportNamedDeclaration: ({ node }) => void (node.source && specifiers.push(node.source.value)),
        ExportAllDeclaration: ({ node }) => void specifiers.push(node.source.value),
        CallExpression: ({ node }) => {
            const [argument] = node.arguments;
            if (node.callee.type === 'Import' && argument?.type === 'StringLiteral') specifiers.push(argument.value);
        }
    });
    return specifiers;
}

/**
 * Checks every JavaScript module of the LWC bundles among `files` (relative to `rootDir`) against
 * what the platform can load: `lwc`, `lightning/*`, `@salesforce/*`, `c/<bundle>` for a bundle
 * among `files`, or a file inside the importing bundle. Returns one message per offending import,
 * naming the file as `sourceOf` tells (the TypeScript a module was compiled from).
 */
export function findImportViolations(
    rootDir: string,
    files: readonly string[],
    sourceOf: (file: string) => string = (file) => file
): string[] {
    const bundleNames = new Set(files.map((file) => lwcBundleOf(file)?.name).filter((name) => name !== undefined));
    const violations: string[] = [];
    for (const file of files.filter((path) => path.endsWith('.js'))) {
        const bundle = lwcBundleOf(file);
        if (!bundle) continue;
        for (const specifier of runtimeImports(readFileSync(join(rootDir, file), 'utf8'), file)) {
            const problem = importProblem(specifier, file, bundle.root, bundleNames, rootDir);
            if (problem) violations.push(`${sourceOf(file)}: import '${specifier}' ${problem}`);
        }
    }
    return violations;
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
    return 'is not available on the platform (only lwc, lightning/*, @salesforce/*, c/* and files of the same bundle are); bundle npm code into a c/ module or drop it';
}
