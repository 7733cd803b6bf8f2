import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The local admin token for scripts that drive the mock Qwil's control surface over HTTP. */
export const ADMIN_TOKEN_FILE = 'mock-qwil-admin-token';

/**
 * The ignored local state (secrets, mock Qwil state) is readable by its owner only: the directory
 * 700, every file in it 600, whatever the umask or an earlier version left.
 */
export function makeLocalStatePrivate(dataDir: string): void {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    for (const entry of readdirSync(dataDir)) {
        const file = path.join(dataDir, entry);
        if (statSync(file).isFile()) chmodSync(file, 0o600);
    }
}

/** The token in `<dataDir>/mock-qwil-admin-token`, generated (mode 600) on first start. */
export function loadOrCreateAdminToken(dataDir: string): string {
    const file = path.join(dataDir, ADMIN_TOKEN_FILE);
    if (existsSync(file)) {
        const stored = readFileSync(file, 'utf8').trim();
        if (stored.length >= 32) return stored;
    }
    const token = randomBytes(32).toString('base64url');
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return token;
}

/** The token a script on this machine reads to use the control surface; null before the first start. */
export function readAdminToken(dataDir: string): string | null {
    const file = path.join(dataDir, ADMIN_TOKEN_FILE);
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}
