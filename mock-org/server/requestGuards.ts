// The checks every request passes before a route sees it. Each says what it stops.
import type { IncomingMessage } from 'node:http';
import { CSRF_FORM_FIELD, CSRF_HEADER } from '../ui/pages/csrf';
import { ClientError } from './httpErrors';
import { readForm } from './requestBody';
import { Sessions, type Session } from './sessions';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `host:port` values the server answers to: its loopback names and the address it listens on. */
export function ownHosts(listenHost: string, port: number): ReadonlySet<string> {
    const listenName = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
    return new Set([...LOOPBACK_NAMES, listenName].map((name) => `${name.toLowerCase()}:${port}`));
}

/**
 * Stops DNS rebinding: a page on `attacker.example` whose name is re-pointed at 127.0.0.1 reaches
 * this server as the same origin as itself, but its requests name the attacker's host.
 */
export function requireOwnHost(request: IncomingMessage, hosts: ReadonlySet<string>): void {
    if (!hosts.has((request.headers.host ?? '').toLowerCase()))
        throw new ClientError(400, 'This server answers only to its own host names (localhost, 127.0.0.1).');
}

/**
 * The request's path and query. The target must be a path (`//host/x` stays a path, not a host);
 * a malformed percent-escape such as `/assets/%` is the client's error, not the server's.
 */
export function requestUrl(request: IncomingMessage): URL {
    const target = request.url ?? '/';
    if (!target.startsWith('/')) throw new ClientError(400, 'The request target must be a path.');
    const url = new URL(`http://localhost${target}`);
    try {
        decodeURIComponent(url.pathname);
    } catch {
        throw new ClientError(400, 'The address has a malformed percent-escape.');
    }
    return url;
}

const FORGERY_REFUSED = 'Refused: the request did not come from a page of this server.';

/**
 * Stops cross-site request forgery by a page on another origin (another port of localhost is
 * another origin, and the same site, so the session cookie alone would go with its requests):
 * browsers send `Origin` and `Sec-Fetch-Site` with every POST, and they must name this server.
 * Clients that send neither (scripts, tests) still need the session's token.
 */
export function requireSameOrigin(request: IncomingMessage): void {
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') throw new ClientError(403, FORGERY_REFUSED);
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${request.headers.host ?? ''}`)
        throw new ClientError(403, FORGERY_REFUSED);
}

const isForm = (request: IncomingMessage) =>
    (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

/**
 * The session's anti-forgery token, which only a page this server sent can know: in the form's
 * hidden field for a form post, in the `X-CSRF-Token` header for everything else.
 */
export async function requireCsrfToken(request: IncomingMessage, session: Session): Promise<void> {
    const header = request.headers[CSRF_HEADER.toLowerCase()];
    const token = isForm(request)
        ? (await readForm(request))[CSRF_FORM_FIELD]
        : Array.isArray(header)
          ? undefined
          : header;
    if (!Sessions.tokenMatches(session, token))
        throw new ClientError(
            403,
            'Refused: the page that sent this request has expired or is not from this server. Reload the page and try again.'
        );
}

/** Both checks, for every request that changes state. */
export async function requireSameOriginRequest(request: IncomingMessage, session: Session): Promise<void> {
    requireSameOrigin(request);
    await requireCsrfToken(request, session);
}
