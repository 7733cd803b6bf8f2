import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.map': 'application/json',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2'
};

/** Streams a file under `root`; false when the path escapes the root or names no file. */
export function serveFile(root: string, relativePath: string, response: ServerResponse): boolean {
    const file = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(relativePath)}`)}`);
    if (!file.startsWith(`${path.resolve(root)}${path.sep}`)) return false;
    try {
        if (!statSync(file).isFile()) return false;
    } catch {
        return false;
    }
    response.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache'
    });
    createReadStream(file).pipe(response);
    return true;
}
