import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { MockOrg } from '../platform/mockOrg';
import { PROJECT_ROOT } from '../projectRoot';
import { renderMessagePage, renderRecordListPage, renderRecordPage } from '../ui/pages';
import { CONTACT_LIST_PATH } from '../ui/pages/layout';
import { pageChrome, recordListView, recordPageView } from './recordViews';
import type { Sessions } from './sessions';
import { serveFile } from './staticFiles';

const PREVIEW_DIR = path.join(PROJECT_ROOT, '.build', 'preview');
const SLDS_ASSETS_DIR = path.join(PROJECT_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const MAX_APEX_BODY_BYTES = 1_000_000;

type Listener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface MockOrgAppOptions {
    readonly org: MockOrg;
    readonly sessions: Sessions;
    /** Requests under `/__qwil/` go to the embedded mock Qwil (the named credential's route to it). */
    readonly qwilListener: Listener;
    /** Requests under `/__mock-qwil-admin/` go to the mock Qwil's control surface (keys, faults, invitations). */
    readonly qwilAdminListener: Listener;
    /** Requests under `/setup/` go to the Setup pages, which check the running user's permissions themselves. */
    readonly setupListener: (request: IncomingMessage, response: ServerResponse, userId: string) => Promise<void>;
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > limit) throw new Error(`Request body over ${limit} bytes`);
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function redirect(response: ServerResponse, location: string): void {
    response.writeHead(303, { location }).end();
}

/** Only same-site paths: a `returnTo` can never send the browser elsewhere. */
function safeReturnPath(candidate: string | null): string {
    return candidate && candidate.startsWith('/') && !candidate.startsWith('//') ? candidate : CONTACT_LIST_PATH;
}

/** The mock org's HTTP surface: record pages, "log in as", server methods, static assets, the mock Qwil route. */
export function createMockOrgApp({ org, sessions, qwilListener, qwilAdminListener, setupListener }: MockOrgAppOptions): Listener {
    const messagePage = (response: ServerResponse, userId: string, pathName: string, status: number, heading: string, message: string) =>
        sendHtml(response, status, renderMessagePage({ ...pageChrome(org, userId, heading, pathName), heading, message, status }));

    return async (request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const method = request.method ?? 'GET';
        const userId = sessions.userOf(request);

        if (url.pathname.startsWith('/__qwil/')) return qwilListener(request, response);
        if (url.pathname.startsWith('/__mock-qwil-admin/')) return qwilAdminListener(request, response);
        if (url.pathname === '/setup' || url.pathname.startsWith('/setup/')) return setupListener(request, response, userId);
        if (method === 'GET' && url.pathname.startsWith('/preview/')) {
            if (serveFile(PREVIEW_DIR, url.pathname.slice('/preview/'.length), response)) return;
            return sendJson(response, 404, { message: 'Not built: run npm run build:preview' });
        }
        if (method === 'GET' && url.pathname.startsWith('/assets/')) {
            if (serveFile(SLDS_ASSETS_DIR, url.pathname.slice('/assets/'.length), response)) return;
            return sendJson(response, 404, { message: 'No such asset' });
        }
        if (method === 'GET' && (url.pathname === '/' || url.pathname === '/lightning/page/home')) return redirect(response, CONTACT_LIST_PATH);
        if (method === 'GET' && url.pathname === CONTACT_LIST_PATH) {
            return sendHtml(response, 200, renderRecordListPage(recordListView(org, pageChrome(org, userId, 'Contacts', url.pathname))));
        }

        const recordPage = /^\/lightning\/r\/(\w+)\/([a-zA-Z0-9]{15,18})\/view$/.exec(url.pathname);
        if (method === 'GET' && recordPage) {
            const [, objectApiName, recordId] = recordPage as unknown as [string, string, string];
            const record = org.records.get(recordId);
            if (!record || record.attributes.type !== objectApiName) {
                return messagePage(response, userId, url.pathname, 404, 'Record not found', 'The record you are looking for does not exist or has been deleted.');
            }
            if (!org.recordVisibleTo(userId, recordId)) {
                return messagePage(response, userId, url.pathname, 403, 'Insufficient Privileges', 'You do not have the level of access necessary to perform the operation you requested. Please contact the owner of the record or your administrator if access is necessary.');
            }
            return sendHtml(response, 200, renderRecordPage(recordPageView(org, pageChrome(org, userId, String(record['Name']), url.pathname), record)));
        }

        if (method === 'POST' && url.pathname === '/login-as') {
            const form = new URLSearchParams(await readBody(request, 10_000));
            const user = org.findUser(form.get('userId') ?? '');
            if (!user) return messagePage(response, userId, url.pathname, 400, 'Unknown user', 'Pick a user from the "Log in as" list.');
            sessions.logInAs(request, response, user.Id);
            return redirect(response, safeReturnPath(form.get('returnTo')));
        }

        const apexCall = /^\/apex\/(\w+)\/(\w+)$/.exec(url.pathname);
        if (method === 'POST' && apexCall) {
            // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
            if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
                return sendJson(response, 415, { message: 'Server methods take a JSON body (Content-Type: application/json).' });
            }
            let params: unknown;
            try {
                const body = await readBody(request, MAX_APEX_BODY_BYTES);
                params = body === '' ? {} : JSON.parse(body);
            } catch (error) {
                return sendJson(response, 400, { message: `Invalid request body: ${error instanceof Error ? error.message : String(error)}` });
            }
            const [, className, methodName] = apexCall as unknown as [string, string, string];
            const outcome = await org.runtime.invoke({ userId, className, methodName, params });
            return outcome.ok ? sendJson(response, 200, outcome.value) : sendJson(response, outcome.error.status, outcome.error.body);
        }

        return messagePage(response, userId, url.pathname, 404, 'Page not found', 'This page does not exist in the mock org. Start from the contact list.');
    };
}
