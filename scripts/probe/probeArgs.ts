import { parseArgs } from 'node:util';
import { QWIL_CHAT_SERVICE_NAMED_CREDENTIAL, QWIL_NAMED_CREDENTIAL } from '../../force-app/server/qwil/qwilTransport';
import { createFileCredentialStore } from '../../mock-org/platform/callouts/credentialStore';
import type { ProbeCredentials } from './qwilProbe';

export const PROBE_USAGE = `Usage: npm run probe:qwil -- --url https://<region>.qwil.io [--email <staff primary email>] [--store <file>]

Reads the System API key and secret from standard input (two lines: key, then secret;
two more lines, a Master User API key and its secret, make chat-service calls with it),
or with --store from a local named credential store (.local/named-credentials.json).
Makes only read-only GET requests and prints, for each call the connector makes, the
status, whether the answer parses with the connector's schema, and which assumptions
it confirms or refutes. The secret is never printed.`;

export interface ProbeArgs {
    readonly url: string;
    readonly email: string | undefined;
    readonly store: string | undefined;
    readonly help: boolean;
}

/** The System API key, and the Master User API key when there is one. */
export interface ProbeKeys {
    readonly system: ProbeCredentials;
    readonly master?: ProbeCredentials;
}

/** A bad command line or credential input: the message says what to fix. */
export class ProbeUsageError extends Error {
    override readonly name = 'ProbeUsageError';
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The secret travels in clear over http, so http is allowed only to this machine (a local stand-in). */
function checkedUrl(raw: string): string {
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new ProbeUsageError(`--url is not a URL: ${raw}`);
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
        if (url.search || url.hash || url.username || url.password)
            throw new ProbeUsageError('--url takes no query, fragment or credentials: give https://<region>.qwil.io');
        return url.toString().replace(/\/+$/, '');
    }
    throw new ProbeUsageError(`--url must be https (http only to this machine), got ${url.protocol}//${url.host}`);
}

export function parseProbeArgs(argv: readonly string[]): ProbeArgs {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            options: {
                url: { type: 'string' },
                email: { type: 'string' },
                store: { type: 'string' },
                help: { type: 'boolean', short: 'h' }
            },
            strict: true,
            allowPositionals: false
        });
    } catch (error) {
        throw new ProbeUsageError(error instanceof Error ? error.message : String(error));
    }
    const { url, email, store, help = false } = parsed.values;
    if (help) return { url: '', email: undefined, store: undefined, help };
    if (!url) throw new ProbeUsageError('--url is required, e.g. --url https://eu.qwil.io');
    if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email))
        throw new ProbeUsageError(`--email is not an email address: ${email}`);
    return { url: checkedUrl(url), email, store, help };
}

/** Key then secret of the System API key, optionally followed by those of a Master User API key; blank space is ignored. */
export function credentialsFromText(input: string): ProbeKeys {
    const lines = input
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    if (lines.length !== 2 && lines.length !== 4) {
        throw new ProbeUsageError(
            `standard input must hold two lines, the key and then the secret, or four with a Master User key and secret after them (got ${lines.length} non-empty lines)`
        );
    }
    const [key = '', secret = '', masterKey, masterSecret] = lines;
    return {
        system: { key, secret },
        ...(masterKey && masterSecret ? { master: { key: masterKey, secret: masterSecret } } : {})
    };
}

/** The connector's named credential principals in a local store file; the chat-service one is optional. */
export function credentialsFromStore(file: string): ProbeKeys {
    let system;
    let master;
    try {
        const store = createFileCredentialStore(file);
        system = store.get(QWIL_NAMED_CREDENTIAL);
        master = store.get(QWIL_CHAT_SERVICE_NAMED_CREDENTIAL);
    } catch (error) {
        throw new ProbeUsageError(error instanceof Error ? error.message : String(error));
    }
    if (!system)
        throw new ProbeUsageError(`${file} holds no principal for the named credential ${QWIL_NAMED_CREDENTIAL}`);
    const keyOf = (principal: { username: string; password: string }) => ({
        key: principal.username,
        secret: principal.password
    });
    return { system: keyOf(system), ...(master ? { master: keyOf(master) } : {}) };
}
