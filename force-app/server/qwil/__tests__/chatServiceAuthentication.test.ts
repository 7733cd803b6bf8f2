import type { ChatListPage } from '../../contracts/QwilChatsController';
import type { WriteClaim } from '../../contracts/exactlyOnce';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { qwilChat, recordIdByName } from '../../../../mock-org/testing/finders';
import { useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { createMockQwil, DEMO } from '../../../../mock-org/qwil';

// Which key each Qwil call carries, through the mock org's runtime and callouts (named credentials,
// merge fields, credential store) against the mock Qwil: the System key by default, the Master User
// key on chat-service once the org has the optional named credential Qwil_Messenger_Chat_Service.
interface SeenRequest {
    readonly service: string;
    readonly headers: Headers;
}

const { server, serve } = useQwilServer();
const seen: SeenRequest[] = [];
server.events.on(
    'request:start',
    ({ request }) =>
        void seen.push({ service: new URL(request.url).pathname.split('/')[1] ?? '', headers: request.headers })
);

let harness: ConnectorHarness;
let master: { key: string; secret: string } | null;
/** The demo org; with `withMasterUserKey`, a Master User key created in the mock Qwil's key console is stored in the optional credential. */
function useHarness(withMasterUserKey: boolean): void {
    const qwil = createMockQwil({ seed: 'demo' });
    master = withMasterUserKey ? qwil.control.createMasterUserApiKey({ name: 'Salesforce connector chats' }) : null;
    harness = createConnectorHarness({
        qwil,
        settings: { Client_Chat_History_Visible__c: 'View Own Chats' },
        ...(master ? { masterUserKey: master } : {})
    });
    serve(harness);
    seen.length = 0;
}

const eleanor = () => recordIdByName(harness.org, 'Contact', 'Eleanor Whitfield');
const listChats = () =>
    harness.callApex('QwilChatsController', 'listChats', {
        recordId: eleanor(),
        cursor: null
    }) as Promise<ChatListPage>;
/** Reading the messages is a chat-service call (the list itself is System API only). */
const openReview = () =>
    harness.callApex('QwilChatsController', 'openChat', {
        recordId: eleanor(),
        chatUuid: DEMO.chats.eleanorPortfolioReview
    });
const requestsTo = (service: 'chat-service' | 'entity-service') => {
    const matching = seen.filter((request) => request.service === service);
    expect(matching.length).toBeGreaterThan(0);
    return matching.map((request) => request.headers);
};

describe('chat-service authentication', () => {
    it('without the optional named credential, chat-service calls carry the System key and act on behalf of the mapped staff member', async () => {
        useHarness(false);
        expect((await listChats()).chats.map((chat) => chat.title)).toEqual(['Q3 portfolio review']);
        await openReview();
        for (const headers of requestsTo('chat-service')) {
            expect(headers.get('X-SYS-API-KEY')).toBe(harness.apiKey);
            expect(headers.get('X-MASTER-USER-API-KEY')).toBeNull();
            expect(headers.get('on-behalf-of')).toBe(DEMO.staff.oliviaHart);
        }
    });

    it('with Qwil_Messenger_Chat_Service, chat-service calls carry the Master User key and secret, on behalf of the mapped staff member', async () => {
        useHarness(true);
        expect((await listChats()).chats.map((chat) => chat.title)).toEqual(['Q3 portfolio review']);
        await openReview();
        for (const headers of requestsTo('chat-service')) {
            expect(headers.get('X-MASTER-USER-API-KEY')).toBe(master?.key);
            expect(headers.get('X-MASTER-USER-API-KEY-SECRET')).toBe(master?.secret);
            expect(headers.get('on-behalf-of')).toBe(DEMO.staff.oliviaHart);
            expect(headers.get('X-SYS-API-KEY')).toBeNull();
            // Generate Authorization Header is off on this credential: the secret travels once.
            expect(headers.get('Authorization')).toBeNull();
        }
    });

    it('with Qwil_Messenger_Chat_Service, System API calls keep the System key', async () => {
        useHarness(true);
        await listChats();
        for (const headers of requestsTo('entity-service')) {
            expect(headers.get('X-SYS-API-KEY')).toBe(harness.apiKey);
            expect(headers.get('X-MASTER-USER-API-KEY')).toBeNull();
        }
    });

    it('with Qwil_Messenger_Chat_Service, a message is sent in Qwil as the mapped staff member', async () => {
        useHarness(true);
        const chatUuid = DEMO.chats.eleanorPortfolioReview;
        const idempotencyKey = '2b7f0c1e-8d4a-4c59-9a43-1f2b3c4d5e70';
        const { claim } = (await harness.callApex('QwilConnectorController', 'beginWrite', {
            idempotencyKey,
            retry: false
        })) as WriteClaim;
        await harness.callApex('QwilChatsController', 'sendMessage', {
            recordId: eleanor(),
            chatUuid,
            text: 'Sent with the Master User key',
            idempotencyKey,
            claim,
            afterSeq: 0
        });
        const sent = qwilChat(harness.qwil, chatUuid)?.messages.at(-1);
        expect(sent).toMatchObject({
            text: 'Sent with the Master User key',
            sender_entity_user_xref_uuid: DEMO.staff.oliviaHart
        });
        expect(
            requestsTo('chat-service').every((headers) => headers.get('X-MASTER-USER-API-KEY') === master?.key)
        ).toBe(true);
    });
});
