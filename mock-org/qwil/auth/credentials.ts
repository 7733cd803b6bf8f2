import { QwilError } from '../errors';

/** System API keys (entity-service) or Master User API keys (chat-service). */
export type KeyKind = 'system' | 'master';

export interface Credentials {
    kind: KeyKind;
    key: string;
    secret: string;
}

/** Qwil's header pair for each kind of key. */
export const KEY_HEADERS: Record<KeyKind, { key: string; secret: string }> = {
    system: { key: 'X-SYS-API-KEY', secret: 'X-SYS-API-KEY-SECRET' },
    master: { key: 'X-MASTER-USER-API-KEY', secret: 'X-MASTER-USER-API-KEY-SECRET' }
};

/**
 * A named credential sends the key pair in Qwil's headers (custom headers or merge fields) and/or as
 * Basic auth (username = key, password = secret). When both arrive they must agree. Basic alone
 * cannot say which kind of key it carries, so it counts as a System key (our choice).
 */
export function readCredentials(headers: Headers): Credentials {
    const system = readKeyHeaders(headers, 'system');
    const master = readKeyHeaders(headers, 'master');
    if (system && master)
        throw new QwilError(
            'RU001',
            'Send one API key: System API key headers or Master User API key headers, not both'
        );
    const fromHeaders = system ?? master;
    const fromBasic = readBasic(headers.get('authorization'));
    if (fromHeaders && fromBasic && (fromHeaders.key !== fromBasic.key || fromHeaders.secret !== fromBasic.secret)) {
        throw new QwilError(
            'RU001',
            `${KEY_HEADERS[fromHeaders.kind].key} headers and the Authorization header name different credentials`
        );
    }
    const credentials = fromHeaders ?? (fromBasic && { kind: 'system' as const, ...fromBasic });
    if (!credentials) {
        throw new QwilError(
            'RU001',
            'Missing credentials: send X-SYS-API-KEY and X-SYS-API-KEY-SECRET, or Basic authorization'
        );
    }
    return credentials;
}

function readKeyHeaders(headers: Headers, kind: KeyKind): Credentials | null {
    const names = KEY_HEADERS[kind];
    const key = headers.get(names.key);
    const secret = headers.get(names.secret);
    if (key === null && secret === null) return null;
    if (!key || !secret) throw new QwilError('RU001', `${names.key} and ${names.secret} must be sent together`);
    return { kind, key, secret };
}

function readBasic(authorization: string | null): { key: string; secret: string } | null {
    if (authorization === null) return null;
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new QwilError('RU001', 'Authorization header is not Basic credentials');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw new QwilError('RU001', 'Basic credentials must be key:secret');
    return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
