import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** Every file below `dir`, as paths relative to it with `/` separators, in a stable order. */
export function listFiles(dir: string): string[] {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((relativePath) => statSync(join(dir, relativePath)).isFile())
        .map((relativePath) => relativePath.split(sep).join('/'))
        .sort();
}

/** The LWC bundle a file belongs to (`…/lwc/<bundle>/…`), or undefined for files outside bundles. */
export function lwcBundleOf(relativePath: string): { root: string; name: string } | undefined {
    const segments = relativePath.split('/');
    const lwcIndex = segments.indexOf('lwc');
    const name = segments[lwcIndex + 1];
    if (lwcIndex < 0 || name === undefined || lwcIndex + 2 >= segments.length) return undefined;
    return { root: segments.slice(0, lwcIndex + 2).join('/'), name };
}

/** Every file of the given package directories below `rootDir`, relative to `rootDir`. */
export function listPackageFiles(rootDir: string, packageDirectories: readonly string[]): string[] {
    return packageDirectories.flatMap((directory) =>
        listFiles(join(rootDir, directory)).map((path) => `${directory}/${path}`)
    );
}

/** Writes `relativePath` below `rootDir`, creating its folders. */
export function writeProjectFile(rootDir: string, relativePath: string, content: string | Buffer): void {
    mkdirSync(dirname(join(rootDir, relativePath)), { recursive: true });
    writeFileSync(join(rootDir, relativePath), content);
}
