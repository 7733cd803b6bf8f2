import type { IncomingMessage, ServerResponse } from 'node:http';

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
    response
        .writeHead(status, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff'
        })
        .end(JSON.stringify(body));
}

/** Pages may be framed by this server's own pages only: a page on another origin cannot overlay a Setup form and trick a click. */
const PAGE_HEADERS = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "frame-ancestors 'self'",
    'x-frame-options': 'SAMEORIGIN'
};

export function sendHtml(response: ServerResponse, status: number, markup: string): void {
    response.writeHead(status, PAGE_HEADERS).end(markup);
}

export function redirect(response: ServerResponse, location: string): void {
    response.writeHead(303, { location }).end();
}

/** A refused request is answered with its reason and not logged; anything else is a server failure, logged without request data in the format string. */
export function answerFailure(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    if (error instanceof ClientError) {
        if (response.headersSent) return void response.end();
        // A body left unread (over the limit, or refused before reading): close rather than drain it.
        if (!request.complete) response.setHeader('connection', 'close');
        return sendJson(response, error.status, { message: error.message });
    }
    console.error('%s %s failed:', request.method, request.url, error);
    if (!response.headersSent)
        sendJson(response, 500, { message: 'The mock org failed to handle this request; see the server log.' });
    else response.end();
}
