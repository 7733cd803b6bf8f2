import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { getResponse, type RequestHandler } from 'msw';

/**
 * Serves msw handlers over node:http. A request to `<prefix>/<host>/<path>` is answered as the
 * handlers would answer `https://<host>/<path>`, so the very handlers the tests use serve the dev server.
 */
export function createMswRequestListener(handlers: () => readonly RequestHandler[], prefix: string) {
    return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
        const local = new URL(request.url ?? '/', 'http://localhost');
        const [, host, ...rest] = local.pathname.slice(prefix.length).split('/');
        if (!host) {
            response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `Expected ${prefix}/<host>/<path>` }));
            return;
        }
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) {
            if (value !== undefined && name !== 'host') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
        const upstreamRequest = new Request(`https://${host}/${rest.join('/')}${local.search}`, {
            method: request.method,
            headers,
            body: hasBody ? (Readable.toWeb(request) as ReadableStream) : undefined,
            duplex: 'half'
        } as RequestInit);
        const mocked = await getResponse([...handlers()], upstreamRequest);
        if (!mocked) {
            response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `No mock for ${request.method} https://${host}/${rest.join('/')}` }));
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
