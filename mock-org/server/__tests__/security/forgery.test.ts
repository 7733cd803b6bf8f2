import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS_EDIT_PATH, VIEW_ALL_SETTINGS_FORM } from '../../../testing/forgedSettingsForm';
import { CSRF_FORM_FIELD, CSRF_HEADER } from '../../../ui/pages/csrf';
import { ADMIN, fromOtherOrigin, rawRequest, STAFF, useSecurityServer } from './securityServer';

// Cross-site request forgery: another port of localhost is another origin but the same site, so
// the browser sends the session cookie with its forms and no-cors fetches. Every state-changing
// request must come from a page of this server (Origin, Sec-Fetch-Site) and carry the session's token.
const context = useSecurityServer();
const MARCUS = '003Qw0000000003IAA';

const chatHistorySetting = () =>
    context().server.org.customMetadata.getInstance('Qwil_Messenger__mdt', 'Qwil')?.values[
        'Client_Chat_History_Visible__c'
    ];
const settingsFile = () =>
    readFileSync(
        path.join(
            context().projectRoot,
            'force-app',
            'main',
            'default',
            'customMetadata',
            'Qwil_Messenger.Qwil.md-meta.xml'
        ),
        'utf8'
    );
const formBody = (form: Record<string, string>) => new URLSearchParams(form).toString();
/** A form a page on another origin of localhost posts, which the browser sends with the session's cookie. */
const postFormFromOtherOrigin = (session: { cookie: string }, path: string, form: Record<string, string>) =>
    rawRequest(
        context().server.url,
        'POST',
        path,
        {
            cookie: session.cookie,
            'content-type': 'application/x-www-form-urlencoded',
            ...fromOtherOrigin(context().server.url)
        },
        formBody(form)
    );

describe('requests from other origins and forged forms', () => {
    it('a page on another origin cannot change the connector settings, even in an administrator’s browser', async () => {
        const { sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const before = settingsFile();
        const response = await postFormFromOtherOrigin(admin, SETTINGS_EDIT_PATH, VIEW_ALL_SETTINGS_FORM);
        expect(response.status).toBe(403);
        expect(chatHistorySetting()).toBe('View Own Chats');
        expect(settingsFile()).toBe(before);
    });

    it('a page on another origin cannot change the settings even with a stolen token', async () => {
        const { sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const response = await postFormFromOtherOrigin(admin, SETTINGS_EDIT_PATH, {
            ...VIEW_ALL_SETTINGS_FORM,
            [CSRF_FORM_FIELD]: admin.csrfToken
        });
        expect(response.status).toBe(403);
        expect(chatHistorySetting()).toBe('View Own Chats');
    });

    it('a Setup form without the page’s token changes nothing', async () => {
        const { server, sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const before = server.qwil.control.snapshot().apiKeys.length;
        const response = await fetch(`${server.url}/setup/qwil-admin/system-api-keys`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: formBody({ name: 'Forged', canReadOnly: 'on' })
        });
        expect(response.status).toBe(403);
        expect(server.qwil.control.snapshot().apiKeys).toHaveLength(before);
    });

    it('a token from another session does not pass', async () => {
        const { server, sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const other = await sessionAs(STAFF);
        const response = await fetch(`${server.url}${SETTINGS_EDIT_PATH}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: formBody({ ...VIEW_ALL_SETTINGS_FORM, [CSRF_FORM_FIELD]: other.csrfToken })
        });
        expect(response.status).toBe(403);
        expect(chatHistorySetting()).toBe('View Own Chats');
    });

    it('a page on another origin cannot call a server method as the logged-in user', async () => {
        const { server, sessionAs } = context();
        const staff = await sessionAs(STAFF);
        const headers = {
            cookie: staff.cookie,
            'content-type': 'application/json',
            [CSRF_HEADER]: staff.csrfToken,
            ...fromOtherOrigin(server.url)
        };
        const response = await rawRequest(
            server.url,
            'POST',
            '/apex/QwilConnectorController/loadTab',
            headers,
            JSON.stringify({ recordId: MARCUS })
        );
        expect(response.status).toBe(403);
    });

    it('a server-method call without the page’s token is refused', async () => {
        const { server, sessionAs } = context();
        const staff = await sessionAs(STAFF);
        const call = (headers: Record<string, string>) =>
            fetch(`${server.url}/apex/QwilConnectorController/loadTab`, {
                method: 'POST',
                headers: { cookie: staff.cookie, 'content-type': 'application/json', ...headers },
                body: JSON.stringify({ recordId: MARCUS })
            });
        expect((await call({})).status).toBe(403);
        expect((await call({ [CSRF_HEADER]: 'guessed' })).status).toBe(403);
        expect((await call({ [CSRF_HEADER]: staff.csrfToken })).status).toBe(200);
    });

    it('a page on another origin cannot log the browser in as another user', async () => {
        const { server, sessionAs } = context();
        const staff = await sessionAs(STAFF);
        const response = await postFormFromOtherOrigin(staff, '/login-as', {
            userId: server.org.requireUser(ADMIN).Id,
            [CSRF_FORM_FIELD]: staff.csrfToken
        });
        expect(response.status).toBe(403);
        expect(await (await staff.get('/lightning/o/Contact/list')).text()).toMatch(
            /<option value="\w+" selected>Olivia Hart/
        );
    });
});

describe('framing', () => {
    it('a page on another origin cannot frame a Setup form to trick a click (clickjacking)', async () => {
        const admin = await context().sessionAs(ADMIN);
        const page = await admin.get(SETTINGS_EDIT_PATH);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
        expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });
});
