import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** System keys start `sys_`, Master User keys `mst_` (our choice: Qwil does not publish its key format). */
export function newKeyId(prefix: 'sys' | 'mst'): string {
    return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function newSecret(): string {
    return randomBytes(24).toString('base64url');
}

export function newSalt(): string {
    return randomBytes(16).toString('hex');
}

export function hashSecret(salt: string, secret: string): string {
    return createHash('sha256').update(`${salt}:${secret}`).digest('hex');
}

export function secretMatches(salt: string, expectedHash: string, secret: string): boolean {
    return timingSafeEqual(Buffer.from(hashSecret(salt, secret), 'hex'), Buffer.from(expectedHash, 'hex'));
}
