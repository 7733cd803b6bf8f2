import { transformSync } from '@babel/core';

/**
 * Strips TypeScript from one LWC module and keeps its decorators (`@api`, `@wire`, `@track`)
 * untouched, because the platform's LWC compiler must see them. Imports used only as types are
 * dropped, so server contracts imported for their types never reach the org.
 */
export function compileLwcTypeScript(source: string, filename: string): string {
    const result = transformSync(source, {
        filename,
        babelrc: false,
        configFile: false,
        comments: true,
        presets: [
            [require.resolve('@babel/preset-typescript'), { allowDeclareFields: true, onlyRemoveTypeImports: false }]
        ],
        plugins: [[require.resolve('@babel/plugin-syntax-decorators'), { decoratorsBeforeExport: true }]]
    });
    if (result?.code == null) throw new Error(`${filename}: Babel produced no output`);
    return `${result.code}\n`;
}
