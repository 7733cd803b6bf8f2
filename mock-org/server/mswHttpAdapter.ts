import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { getResponse, type RequestHandler } from 'msw';

/** Maps the local path after the listener's prefix (and the query) to the URL the handlers serve, or null. */
export type UpstreamUrl = (pathAfterPrefix: string, search: string) => string | null;

/** `<prefix>/<host>/<path>` → `https://<host>/<path>`: the host travels with the request. */
export const hostInPath: UpstreamUrl = (pathAfterPrefix, search) => {
    const [, host, ...rest] = pathAfterPrefix.split('/');
    return host ? `https://${host}/${rest.join('/')}${search}` : null;
};

/** `<prefix>/<path>` → `<origin>/<path>`. */
export const fixedOrigin =
    (origin: string): UpstreamUrl =>
    (pathAfterPrefix, search) =>
        `${origin}${pathAfterPrefix}${search}`;

/**
 * Serves msw handlers over node:http, so the very handlers the tests use serve the dev server.
 * The body is streamed through unless the caller has already read it (`body`).
 */
export function createMswRequestListener(
    handlers: () => readonly RequestHandler[],
    prefix: string,
    upstreamUrl: UpstreamUrl
) {
    return async (request: IncomingMessage, response: ServerResponse, body?: Buffer): Promise<void> => {
        const local = new URL(request.url ?? '/', 'http://localhost');
        const target = upstreamUrl(local.pathname.slice(prefix.length), local.search);
        if (!target) {
            response
                .writeHead(404, { 'content-type': 'application/json' })
                .end(JSON.stringify({ message: `Nothing is served at ${local.pathname}` }));
            return;
        }
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) {
            if (value !== undefined && name !== 'host')
                headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
        const upstreamRequest = new Request(target, {
            method: request.method,
            headers,
            body: hasBody ? (body ?? (Readable.toWeb(request) as ReadableStream)) : undefined,
            duplex: 'half'
        } as RequestInit);
        const mocked = await getResponse([...handlers()], upstreamRequest);
        if (!mocked) {
            response
                .writeHead(404, { 'content-type': 'application/json' })
                .end(JSON.stringify({ message: `No mock for ${request.method} ${target}` }));
            return;
        }
        response.writeHead(mocked.status, mocked.statusText, Object.fromEntries(mocked.headers));
        response.end(Buffer.from(await mocked.arrayBuffer()));
    };
}

/** A callout transport that sends requests for matching hosts to a local adapter instead of the network. */
export function createHostRoutingTransport(hostPattern: RegExp, localBaseUrl: string) {
    return async (request: Request): Promise<Response> => {
        const url = new URL(request.url);
        if (!hostPattern.test(url.hostname)) return fetch(request);
        const routed = `${localBaseUrl}/${url.host}${url.pathname}${url.search}`;
        const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
        return fetch(routed, { method: request.method, headers: request.headers, body, signal: request.signal });
    };
}
