import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockOrg } from '../../platform/mockOrg';
import type { PageChrome } from '../../ui/pages/viewModels';
import { pageChrome } from '../recordViews';

const MAX_FORM_BYTES = 100_000;

export type FormInput = Readonly<Record<string, string | undefined>>;

/** A URL-encoded form body; a repeated name keeps its first value. */
export async function readForm(request: IncomingMessage): Promise<FormInput> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > MAX_FORM_BYTES) throw new Error(`Form body over ${MAX_FORM_BYTES} bytes`);
        chunks.push(chunk as Buffer);
    }
    const form: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) if (!(name in form)) form[name] = value;
    return form;
}

export function sendHtml(response: ServerResponse, status: number, markup: string): void {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(markup);
}

export function redirect(response: ServerResponse, location: string): void {
    response.writeHead(303, { location }).end();
}

/** One Setup request: who asks, what for, and the header every page shows. */
export interface SetupRequest {
    readonly request: IncomingMessage;
    readonly response: ServerResponse;
    readonly url: URL;
    readonly userId: string;
    chrome(title: string): PageChrome;
}

export function setupRequest(org: MockOrg, request: IncomingMessage, response: ServerResponse, userId: string): SetupRequest {
    const url = new URL(request.url ?? '/', 'http://localhost');
    return { request, response, url, userId, chrome: (title) => pageChrome(org, userId, title, url.pathname) };
}
