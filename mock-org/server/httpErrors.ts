import type { ServerResponse } from 'node:http';

/** A request the server refuses: answered with its status and message, never logged as a server failure. */
export class ClientError extends Error {
    override readonly name = 'ClientError';

    constructor(
        readonly status: 400 | 401 | 403 | 413 | 415,
        message: string
    ) {
        super(message);
    }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

export function sendHtml(response: ServerResponse, status: number, markup: string): void {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(markup);
}

export function redirect(response: ServerResponse, location: string): void {
    response.writeHead(303, { location }).end();
}
