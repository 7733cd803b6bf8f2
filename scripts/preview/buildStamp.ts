import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a preview build read, each file with the SHA-256 of its content. The build is current while
 * every one of these files still has the same content: Rollup names every module it loaded, and the
 * configuration and package-lock.json (the plugins' versions) are added to them.
 */
export interface BuildStamp {
    files: Record<string, string>;
}

function contentHash(file: string): string {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The stamp of these files, paths relative to `root` so a moved clone keeps its stamp. */
export function stampOf(root: string, files: Iterable<string>): BuildStamp {
    const stamped: Record<string, string> = {};
    for (const file of [...new Set(files)].sort()) {
        stamped[path.relative(root, path.resolve(root, file))] = contentHash(path.resolve(root, file));
    }
    return { files: stamped };
}

/** Reads the stamp; undefined when there is none or it is not one (a build then runs). */
export function readStamp(stampFile: string): BuildStamp | undefined {
    if (!existsSync(stampFile)) return undefined;
    try {
        const parsed: unknown = JSON.parse(readFileSync(stampFile, 'utf8'));
        const files = (parsed as Partial<BuildStamp> | null)?.files;
        if (typeof files !== 'object' || files === null) return undefined;
        const entries = Object.entries(files);
        if (entries.length === 0 || entries.some(([, hash]) => typeof hash !== 'string')) return undefined;
        return { files: Object.fromEntries(entries) as Record<string, string> };
    } catch {
        return undefined;
    }
}

/** The first stamped file that is gone or has changed, or undefined when the stamp still holds. */
export function firstChangedInput(root: string, stamp: BuildStamp): string | undefined {
    return Object.entries(stamp.files).find(([file, hash]) => {
        const absolute = path.resolve(root, file);
        return !existsSync(absolute) || contentHash(absolute) !== hash;
    })?.[0];
}

export function writeStamp(stampFile: string, stamp: BuildStamp): void {
    mkdirSync(path.dirname(stampFile), { recursive: true });
    const partial = `${stampFile}.partial`;
    writeFileSync(partial, `${JSON.stringify(stamp, null, 1)}\n`);
    renameSync(partial, stampFile);
}

export function removeStamp(stampFile: string): void {
    rmSync(stampFile, { force: true });
}
