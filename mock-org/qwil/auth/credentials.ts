import { QwilError } from '../errors';

export interface Credentials {
    key: string;
    secret: string;
}

/**
 * A named credential sends the key pair in Qwil's headers (merge fields) and/or as Basic auth
 * (username = key, password = secret). When both arrive they must agree.
 */
export function readCredentials(headers: Headers): Credentials {
    const fromHeaders = readKeyHeaders(headers);
    const fromBasic = readBasic(headers.get('authorization'));
    if (fromHeaders && fromBasic && (fromHeaders.key !== fromBasic.key || fromHeaders.secret !== fromBasic.secret)) {
        throw new QwilError('RU001', 'X-SYS-API-KEY headers and the Authorization header name different credentials');
    }
    const credentials = fromHeaders ?? fromBasic;
    if (!credentials) {
        throw new QwilError('RU001', 'Missing credentials: send X-SYS-API-KEY and X-SYS-API-KEY-SECRET, or Basic authorization');
    }
    return credentials;
}

function readKeyHeaders(headers: Headers): Credentials | null {
    const key = headers.get('x-sys-api-key');
    const secret = headers.get('x-sys-api-key-secret');
    if (key === null && secret === null) return null;
    if (!key || !secret) throw new QwilError('RU001', 'X-SYS-API-KEY and X-SYS-API-KEY-SECRET must be sent together');
    return { key, secret };
}

function readBasic(authorization: string | null): Credentials | null {
    if (authorization === null) return null;
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new QwilError('RU001', 'Authorization header is not Basic credentials');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw new QwilError('RU001', 'Basic credentials must be key:secret');
    return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
