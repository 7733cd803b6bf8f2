import { getResponse, http, HttpResponse } from 'msw';
import type { ChatListPage } from '../../contracts/chats';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { DEMO } from '../../../../mock-org/qwil';

// Which key each Qwil call carries, through the mock org's runtime and callouts (named credentials,
// merge fields, credential store): System key by default, Master User key on chat-service once the
// org has the optional named credential Qwil_Messenger_Chat_Service.
const MASTER = { key: 'mu_test_master_key', secret: 'mu-test-master-secret' };

interface SeenRequest {
    readonly service: string;
    readonly headers: Headers;
}

const { server, serve } = useQwilServer();
const seen: SeenRequest[] = [];
server.events.on('request:start', ({ request }) => void seen.push({ service: new URL(request.url).pathname.split('/')[1] ?? '', headers: request.headers }));

let harness: ConnectorHarness;
function useHarness(masterUserKey?: typeof MASTER): void {
    harness = createConnectorHarness({ settings: { Client_Chat_History_Visible__c: 'View Own Chats' }, ...(masterUserKey ? { masterUserKey } : {}) });
    serve(harness);
    seen.length = 0;
}

/**
 * A stand-in for Qwil's Master User key check on chat-service: only the test's Master key and secret
 * are let through, and then answered as the mock Qwil answers its System key.
 */
function acceptMasterKeyOnChatService(): void {
    server.use(
        http.all('https://eu.qwil.io/chat-service/*', async ({ request }) => {
            if (request.headers.get('X-MASTER-USER-API-KEY') !== MASTER.key || request.headers.get('X-MASTER-USER-API-KEY-SECRET') !== MASTER.secret) {
                return HttpResponse.json({ error_code: 'RU001', message: 'Unknown key' }, { status: 401 });
            }
            const headers = new Headers(request.headers);
            headers.delete('X-MASTER-USER-API-KEY');
            headers.delete('X-MASTER-USER-API-KEY-SECRET');
            headers.set('X-SYS-API-KEY', harness.apiKey);
            headers.set('X-SYS-API-KEY-SECRET', harness.apiSecret);
            const body = request.method === 'GET' ? null : await request.text();
            return getResponse(harness.qwil.handlers, new Request(request.url, { method: request.method, headers, body }));
        })
    );
}

const eleanor = () => {
    const record = harness.org.records.all('Contact').find((candidate) => candidate['Name'] === 'Eleanor Whitfield');
    if (!record) throw new Error('No Eleanor Whitfield in the seed');
    return record.Id;
};
const listChats = () => harness.callApex('QwilChatsController', 'listChats', { recordId: eleanor(), cursor: null }) as Promise<ChatListPage>;
const chatServiceRequests = () => seen.filter((request) => request.service === 'chat-service');
const systemRequests = () => seen.filter((request) => request.service === 'entity-service');

describe('chat-service authentication', () => {
    it('without the optional named credential, chat-service calls carry the System key and act on behalf of the mapped staff member', async () => {
        useHarness();
        expect((await listChats()).chats.length).toBeGreaterThan(0);
        expect(chatServiceRequests().length).toBeGreaterThan(0);
        for (const { headers } of chatServiceRequests()) {
            expect(headers.get('X-SYS-API-KEY')).toBe(harness.apiKey);
            expect(headers.get('X-MASTER-USER-API-KEY')).toBeNull();
            expect(headers.get('on-behalf-of')).toBe(DEMO.staff.oliviaHart);
        }
    });

    it('with Qwil_Messenger_Chat_Service, chat-service calls carry the Master User key and secret, on behalf of the mapped staff member', async () => {
        useHarness(MASTER);
        acceptMasterKeyOnChatService();
        expect((await listChats()).chats.map((chat) => chat.title)).toEqual(['Q3 portfolio review']);
        expect(chatServiceRequests().length).toBeGreaterThan(0);
        for (const { headers } of chatServiceRequests()) {
            expect(headers.get('X-MASTER-USER-API-KEY')).toBe(MASTER.key);
            expect(headers.get('X-MASTER-USER-API-KEY-SECRET')).toBe(MASTER.secret);
            expect(headers.get('on-behalf-of')).toBe(DEMO.staff.oliviaHart);
            expect(headers.get('X-SYS-API-KEY')).toBeNull();
            // Generate Authorization Header is off on this credential: the secret travels once.
            expect(headers.get('Authorization')).toBeNull();
        }
    });

    it('with Qwil_Messenger_Chat_Service, System API calls keep the System key', async () => {
        useHarness(MASTER);
        acceptMasterKeyOnChatService();
        await listChats();
        expect(systemRequests().length).toBeGreaterThan(0);
        for (const { headers } of systemRequests()) {
            expect(headers.get('X-SYS-API-KEY')).toBe(harness.apiKey);
            expect(headers.get('X-MASTER-USER-API-KEY')).toBeNull();
        }
    });
});
