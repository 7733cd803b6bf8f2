import { statSync } from 'node:fs';
import path from 'node:path';
import { DEMO } from '../../../qwil';
import { ADMIN_TOKEN_FILE, readAdminToken } from '../../localState';
import { ADMIN, fromOtherOrigin, rawRequest, STAFF, useSecurityServer } from './securityServer';

// The mock Qwil's control surface stands for Qwil's admin console: administrators of the mock org
// from its own pages, or scripts holding the local admin token; JSON only, size-limited.
const context = useSecurityServer();
const KEYS = '/__mock-qwil-admin/keys';
const keyCount = () => context().server.qwil.control.snapshot().apiKeys.length;

describe('the mock Qwil control surface', () => {
    it('a page on another origin cannot mint a System API key with a no-cors fetch, even in an administrator’s browser', async () => {
        const { server, sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const before = keyCount();
        const response = await rawRequest(
            server.url,
            'POST',
            KEYS,
            { cookie: admin.cookie, 'content-type': 'text/plain;charset=UTF-8', ...fromOtherOrigin(server.url) },
            JSON.stringify({ name: 'stolen' })
        );
        expect(response.status).toBe(403);
        expect(response.body).not.toContain('secret');
        expect(keyCount()).toBe(before);
    });

    it('a page on another origin cannot inject a fault or reset the data', async () => {
        const { server, sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const headers = {
            cookie: admin.cookie,
            'content-type': 'text/plain;charset=UTF-8',
            ...fromOtherOrigin(server.url)
        };
        const before = server.qwil.control.snapshot();
        expect(
            (
                await rawRequest(
                    server.url,
                    'POST',
                    '/__mock-qwil-admin/faults',
                    headers,
                    JSON.stringify({ failNext: { count: 5, status: 503 } })
                )
            ).status
        ).toBe(403);
        expect((await rawRequest(server.url, 'POST', '/__mock-qwil-admin/reset', headers, '{}')).status).toBe(403);
        expect(server.qwil.control.snapshot()).toEqual(before);
        const loadTab = await (
            await sessionAs(STAFF)
        ).post('/apex/QwilConnectorController/loadTab', JSON.stringify({ recordId: '003Qw0000000003IAA' }));
        expect(loadTab.status).toBe(200);
    });

    it('the control surface refuses a non-admin, even from its own pages with the page’s token', async () => {
        const staff = await context().sessionAs(STAFF);
        const before = keyCount();
        expect((await staff.post(KEYS, JSON.stringify({ name: 'mine' }))).status).toBe(403);
        expect((await staff.get('/__mock-qwil-admin/state')).status).toBe(403);
        expect(keyCount()).toBe(before);
        const admin = await context().sessionAs(ADMIN);
        expect((await admin.post(KEYS, JSON.stringify({ name: 'by the administrator' }))).status).toBe(200);
        expect(keyCount()).toBe(before + 1);
    });

    it('the control surface refuses a request without the session’s token, even from the administrator’s session', async () => {
        const { server, sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const before = keyCount();
        const response = await fetch(`${server.url}${KEYS}`, {
            method: 'POST',
            headers: { cookie: admin.cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'no token' })
        });
        expect(response.status).toBe(403);
        expect(keyCount()).toBe(before);
    });

    it('the control surface refuses a body that is not JSON with 415', async () => {
        const admin = await context().sessionAs(ADMIN);
        const before = keyCount();
        expect((await admin.post(KEYS, JSON.stringify({ name: 'as text' }), 'text/plain')).status).toBe(415);
        expect(keyCount()).toBe(before);
    });

    it('the control surface refuses an oversized body with 413', async () => {
        const { server, dataDir } = context();
        const response = await rawRequest(
            server.url,
            'POST',
            KEYS,
            { 'content-type': 'application/json', authorization: `Bearer ${readAdminToken(dataDir) ?? ''}` },
            JSON.stringify({ name: 'x'.repeat(2_000_000) })
        );
        expect(response.status).toBe(413);
    });

    it('the control surface answers a script only with the local admin token, which is readable by its owner only', async () => {
        const { server, dataDir } = context();
        const accept = (token: string) =>
            fetch(`${server.url}/__mock-qwil-admin/invitations/accept`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify({ entityUserXrefUuid: DEMO.clients.marcusBennett })
            });
        expect((await accept('not-the-token')).status).toBe(401);
        expect((await fetch(`${server.url}/__mock-qwil-admin/state`)).status).toBe(403);
        expect((await accept(readAdminToken(dataDir) ?? '')).status).toBe(200);
        expect(statSync(path.join(dataDir, ADMIN_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    });

    it('the control surface answers only to the server’s own host names, which stops DNS rebinding', async () => {
        const { server, dataDir } = context();
        const token = readAdminToken(dataDir) ?? '';
        const rebound = await rawRequest(server.url, 'GET', '/__mock-qwil-admin/state', {
            host: `attacker.example:${new URL(server.url).port}`,
            authorization: `Bearer ${token}`
        });
        expect(rebound.status).toBe(400);
        expect(rebound.body).not.toContain('apiKeys');
        const own = await rawRequest(server.url, 'GET', '/__mock-qwil-admin/state', {
            host: `localhost:${new URL(server.url).port}`,
            authorization: `Bearer ${token}`
        });
        expect(own.status).toBe(200);
    });
});
