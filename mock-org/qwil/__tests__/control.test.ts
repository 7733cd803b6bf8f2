import {
    MembershipLookupResponse,
    MembershipResponse,
    MessageRangeResponse
} from '../../../force-app/server/qwil/schemas';
import { DEMO } from '../index';
import { ADMIN, failed, ok, useMockQwil } from './harness';

const mock = useMockQwil();
const eleanor = { query: { identifier: '003Qw0000000002IAA' } };
const lookupEleanor = () => mock.sys.get('entity-memberships', eleanor);
const suspendHannah = () =>
    mock.sys.post('entity-memberships/suspend', { entity_user_xref_uuid: DEMO.clients.hannahLindqvist });

describe('fault injection', () => {
    afterEach(() => mock.control.clearFaults());

    it('fails the next N calls with the given status, changing nothing, then recovers', async () => {
        mock.control.injectFault({ failNext: { count: 2, status: 503 } });
        const before = mock.control.snapshot();
        failed(await suspendHannah(), 503, 'QX500');
        failed(await lookupEleanor(), 503, 'QX500');
        expect(mock.control.snapshot()).toEqual(before);
        ok(await suspendHannah(), MembershipResponse);
    });

    it('answers malformed bodies for the next N calls', async () => {
        mock.control.injectFault({ malformedNext: 1 });
        const response = await fetch(
            `https://eu.qwil.io/entity-service/sys-api/entity-memberships?identifier=003Qw0000000002IAA`,
            {
                headers: { 'X-SYS-API-KEY': mock.credentials.key, 'X-SYS-API-KEY-SECRET': mock.credentials.secret }
            }
        );
        expect(response.status).toBe(200);
        await expect(response.json()).rejects.toThrow(/JSON/);
        ok(await lookupEleanor(), MembershipLookupResponse);
    });

    it('never answers the next N calls, so the caller times out', async () => {
        mock.control.injectFault({ timeoutNext: 1 });
        const call = fetch(
            `https://eu.qwil.io/entity-service/sys-api/entity-memberships?identifier=003Qw0000000002IAA`,
            {
                headers: { 'X-SYS-API-KEY': mock.credentials.key, 'X-SYS-API-KEY-SECRET': mock.credentials.secret },
                signal: AbortSignal.timeout(100)
            }
        );
        await expect(call).rejects.toThrow();
        ok(await lookupEleanor(), MembershipLookupResponse);
    });

    it('adds latency to every call until cleared', async () => {
        mock.control.injectFault({ latencyMs: 120 });
        const started = performance.now();
        ok(await lookupEleanor(), MembershipLookupResponse);
        expect(performance.now() - started).toBeGreaterThanOrEqual(100);
        mock.control.clearFaults();
        const again = performance.now();
        ok(await lookupEleanor(), MembershipLookupResponse);
        expect(performance.now() - again).toBeLessThan(100);
    });

    it('refuses a malformed plan', () => {
        expect(() => mock.control.injectFault({ failNext: { count: 1, status: 200 } })).toThrow(/failNext.status/);
    });
});

describe('reset and seed', () => {
    it('reset restores the creation seed and forgets keys, faults and the caller address', async () => {
        ok(await suspendHannah(), MembershipResponse);
        mock.control.setCallerAddress('10.0.0.1');
        mock.control.injectFault({ failNext: { count: 5, status: 500 } });
        mock.control.reset();
        expect(mock.control.snapshot().apiKeys).toEqual([]);
        expect(mock.control.callerAddress()).toBe('13.108.4.20');
        const fresh = mock.control.createSystemApiKey({ name: 'fresh' });
        const reply = await mock.sys.get('entity-memberships', {
            query: { entity_user_xref_uuid: DEMO.clients.hannahLindqvist },
            credentials: fresh
        });
        expect(ok(reply, MembershipLookupResponse).entity_membership.status).toBe('active');
    });

    it('keeps the API keys when asked, so a stored credential stays valid', async () => {
        ok(await suspendHannah(), MembershipResponse);
        mock.control.reset({ keepApiKeys: true });
        ok(await lookupEleanor(), MembershipLookupResponse);
        mock.control.seed('empty', { keepApiKeys: true });
        expect(mock.control.snapshot().apiKeys.map((k) => k.key)).toEqual([mock.credentials.key]);
        mock.control.seed('demo');
        failed(await lookupEleanor(), 401, 'RU001');
    });

    it('seeds the empty organisation: Harbour Wealth and its system administrator only', () => {
        mock.control.seed('empty');
        const state = mock.control.snapshot();
        expect(state.organisations.map((o) => o.name)).toEqual(['Harbour Wealth']);
        expect(state.memberships.map((m) => [m.primary_email, m.role])).toEqual([
            ['sofia.reyes@harbourwealth.example', 'system_admin']
        ]);
        expect([state.groups, state.chats, state.apiKeys]).toEqual([[], [], []]);
    });
});

describe('keys and chats', () => {
    it("changes a key's permission flags, keeping the ones not given", async () => {
        failed(await mock.sys.get('export/entities'), 403, 'QX010');
        mock.control.setKeyPermissions({ key: mock.credentials.key, canExportData: true });
        expect((await mock.sys.get('export/entities')).status).toBe(200);
        expect(mock.control.snapshot().apiKeys.find((k) => k.key === mock.credentials.key)).toMatchObject({
            canExportData: true,
            canReadOnly: true,
            canDataReview: true
        });
        expect(() => mock.control.setKeyPermissions({ key: 'unknown', canExportData: false })).toThrow(/key/);
    });

    it('appends generated messages to a chat, in sequence after its last message', async () => {
        mock.control.generateMessages({ chatUuid: DEMO.chats.eleanorPortfolioReview, count: 120 });
        const chat = mock.control
            .snapshot()
            .chats.find((candidate) => candidate.chat_uuid === DEMO.chats.eleanorPortfolioReview)!;
        expect(chat.messages).toHaveLength(126);
        expect(chat.messages.at(-1)).toMatchObject({
            seq: 126,
            text: 'Generated message 126',
            sent_at: '2025-10-08T11:12:00.000Z'
        });
        const newest = ok(
            await mock.chat.get('chats/messages/range', DEMO.staff.oliviaHart, {
                query: { chat_uuid: DEMO.chats.eleanorPortfolioReview }
            }),
            MessageRangeResponse
        );
        expect(newest.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 77 + i));
        expect(() => mock.control.generateMessages({ chatUuid: DEMO.organisations.harbourWealth, count: 1 })).toThrow(
            /Chat/
        );
    });
});

describe('admin HTTP API', () => {
    const admin = async (path: string, body?: unknown) => {
        const response = await fetch(`${ADMIN}/${path}`, {
            method: body === undefined ? 'GET' : 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    it('creates a key whose secret is returned once, and revokes it', async () => {
        const created = await admin('keys', { name: 'dev server', cidrBlocks: ['13.108.0.0/14'] });
        expect(created.status).toBe(200);
        const credentials = created.body.result as { key: string; secret: string };
        ok(await mock.sys.get('entity-memberships', { ...eleanor, credentials }), MembershipLookupResponse);
        expect(JSON.stringify((await admin('state')).body)).not.toContain(credentials.secret);
        await admin('keys/revoke', { key: credentials.key });
        failed(await mock.sys.get('entity-memberships', { ...eleanor, credentials }), 401, 'RU002');
    });

    it('accepts an invitation, sets the caller address, injects faults and resets', async () => {
        const accepted = await admin('invitations/accept', { entityUserXrefUuid: DEMO.clients.marcusBennett });
        expect(accepted.body.result).toMatchObject({ status: 'active' });
        await admin('caller-address', { ip: '198.51.100.7' });
        expect(mock.control.callerAddress()).toBe('198.51.100.7');
        await admin('faults', { failNext: { count: 1, status: 502 } });
        failed(await lookupEleanor(), 502, 'QX500');
        await admin('rate-limit', { limit: 100, windowMs: 1000 });
        await admin('organisations/status', { entityUuid: DEMO.organisations.harbourWealth, status: 'inactive' });
        failed(await lookupEleanor(), 403, 'RN900');
        await admin('reset', { keepApiKeys: true });
        ok(await lookupEleanor(), MembershipLookupResponse);
        expect(
            mock.control.snapshot().memberships.find((m) => m.entity_user_xref_uuid === DEMO.clients.marcusBennett)
                ?.status
        ).toBe('pending');
        await admin('seed', { seed: 'empty' });
        expect(mock.control.snapshot().memberships).toHaveLength(1);
    });

    it('answers 4xx JSON for bad input and unknown admin paths, changing nothing', async () => {
        const before = mock.control.snapshot();
        expect((await admin('keys', { name: 'x', extra: true })).body).toMatchObject({
            error_code: 'QX001',
            field: 'extra'
        });
        expect((await admin('invitations/accept', { entityUserXrefUuid: DEMO.clients.eleanorWhitfield })).status).toBe(
            409
        );
        expect((await admin('keys/revoke', { key: 'sys_unknown' })).status).toBe(404);
        expect((await admin('nothing-here', {})).body).toMatchObject({ error_code: 'QX404' });
        expect(mock.control.snapshot()).toEqual(before);
    });

    it('lives on its own origin, unreachable through Qwil URLs', async () => {
        failed(await mock.call('POST', 'https://eu.qwil.io/__admin/reset', { body: {} }), 404, 'QX404');
    });
});
