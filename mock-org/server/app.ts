import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { MockOrg } from '../platform/mockOrg';
import { PROJECT_ROOT } from '../projectRoot';
import { renderMessagePage, renderRecordListPage, renderRecordPage } from '../ui/pages';
import { CONTACT_LIST_PATH } from '../ui/pages/layout';
import type { ControlSurfaceListener } from './controlSurface';
import { ClientError, redirect, sendHtml, sendJson } from './httpErrors';
import { pageChrome, recordListView, recordPageView } from './recordViews';
import { readBodyOnce, readForm } from './requestBody';
import { requestUrl, requireOwnHost, requireSameOriginRequest } from './requestGuards';
import { sameOriginPath } from './safeRedirect';
import type { Session, Sessions } from './sessions';
import { serveFile } from './staticFiles';

const PREVIEW_DIR = path.join(PROJECT_ROOT, '.build', 'preview');
const SLDS_ASSETS_DIR = path.join(PROJECT_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const MAX_APEX_BODY_BYTES = 1_000_000;

type Listener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export interface MockOrgAppOptions {
    readonly org: MockOrg;
    readonly sessions: Sessions;
    /** `host:port` values this server answers to (see requestGuards.ts). */
    readonly hosts: ReadonlySet<string>;
    /** Requests under `/__qwil/` go to the embedded mock Qwil (the named credential's route to it). */
    readonly qwilListener: Listener;
    /** Requests under `/__mock-qwil-admin/` go to the mock Qwil's control surface (keys, faults, invitations), which checks its callers itself. */
    readonly qwilAdminListener: ControlSurfaceListener;
    /** Requests under `/setup/` go to the Setup pages, which check the running user's permissions themselves. */
    readonly setupListener: (request: IncomingMessage, response: ServerResponse, session: Session) => Promise<void>;
}

/** The mock org's HTTP surface: record pages, "log in as", server methods, static assets, the mock Qwil route. */
export function createMockOrgApp({
    org,
    sessions,
    hosts,
    qwilListener,
    qwilAdminListener,
    setupListener
}: MockOrgAppOptions): Listener {
    const messagePage = (
        response: ServerResponse,
        session: Session,
        pathName: string,
        status: number,
        heading: string,
        message: string
    ) =>
        sendHtml(
            response,
            status,
            renderMessagePage({ ...pageChrome(org, session, heading, pathName), heading, message, status })
        );

    return async (request, response) => {
        requireOwnHost(request, hosts);
        const url = requestUrl(request);
        const method = request.method ?? 'GET';

        // Qwil's own API, reached by the named credential's callouts and authenticated by the System API key, not by a session.
        if (url.pathname.startsWith('/__qwil/')) return qwilListener(request, response);
        const session = sessions.open(request, response);
        const userId = session.userId;
        if (url.pathname.startsWith('/__mock-qwil-admin/')) return qwilAdminListener(request, response, session);
        if (!SAFE_METHODS.has(method)) await requireSameOriginRequest(request, session);
        if (url.pathname === '/setup' || url.pathname.startsWith('/setup/'))
            return setupListener(request, response, session);
        if (method === 'GET' && url.pathname.startsWith('/preview/')) {
            if (serveFile(PREVIEW_DIR, url.pathname.slice('/preview/'.length), response)) return;
            return sendJson(response, 404, { message: 'Not built: run npm run build:preview' });
        }
        if (method === 'GET' && url.pathname.startsWith('/assets/')) {
            if (serveFile(SLDS_ASSETS_DIR, url.pathname.slice('/assets/'.length), response)) return;
            return sendJson(response, 404, { message: 'No such asset' });
        }
        if (method === 'GET' && (url.pathname === '/' || url.pathname === '/lightning/page/home'))
            return redirect(response, CONTACT_LIST_PATH);
        if (method === 'GET' && url.pathname === CONTACT_LIST_PATH) {
            return sendHtml(
                response,
                200,
                renderRecordListPage(recordListView(org, pageChrome(org, session, 'Contacts', url.pathname)))
            );
        }

        const recordPage = /^\/lightning\/r\/(\w+)\/([a-zA-Z0-9]{15,18})\/view$/.exec(url.pathname);
        if (method === 'GET' && recordPage) {
            const [, objectApiName, recordId] = recordPage as unknown as [string, string, string];
            const record = org.records.get(recordId);
            if (!record || record.attributes.type !== objectApiName) {
                return messagePage(
                    response,
                    session,
                    url.pathname,
                    404,
                    'Record not found',
                    'The record you are looking for does not exist or has been deleted.'
                );
            }
            if (!org.recordVisibleTo(userId, recordId)) {
                return messagePage(
                    response,
                    session,
                    url.pathname,
                    403,
                    'Insufficient Privileges',
                    'You do not have the level of access necessary to perform the operation you requested. Please contact the owner of the record or your administrator if access is necessary.'
                );
            }
            return sendHtml(
                response,
                200,
                renderRecordPage(
                    recordPageView(org, pageChrome(org, session, String(record['Name']), url.pathname), record)
                )
            );
        }

        if (method === 'POST' && url.pathname === '/login-as') {
            const form = await readForm(request);
            const user = org.findUser(form['userId'] ?? '');
            if (!user)
                return messagePage(
                    response,
                    session,
                    url.pathname,
                    400,
                    'Unknown user',
                    'Pick a user from the "Log in as" list.'
                );
            sessions.logInAs(request, response, user.Id);
            return redirect(response, sameOriginPath(form['returnTo'], CONTACT_LIST_PATH));
        }

        const apexCall = /^\/apex\/(\w+)\/(\w+)$/.exec(url.pathname);
        if (method === 'POST' && apexCall) {
            // A JSON content type cannot be sent cross-origin without a CORS preflight, which this server never grants.
            if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
                throw new ClientError(415, 'Server methods take a JSON body (Content-Type: application/json).');
            }
            const body = (await readBodyOnce(request, MAX_APEX_BODY_BYTES)).toString('utf8');
            let params: unknown;
            try {
                params = body === '' ? {} : JSON.parse(body);
            } catch (error) {
                throw new ClientError(
                    400,
                    `Invalid request body: ${error instanceof Error ? error.message : String(error)}`
                );
            }
            const [, className, methodName] = apexCall as unknown as [string, string, string];
            const outcome = await org.runtime.invoke({ userId, className, methodName, params });
            return outcome.ok
                ? sendJson(response, 200, outcome.value)
                : sendJson(response, outcome.error.status, outcome.error.body);
        }

        return messagePage(
            response,
            session,
            url.pathname,
            404,
            'Page not found',
            'This page does not exist in the mock org. Start from the contact list.'
        );
    };
}
