import { DEMO } from '../../qwil';
import { arrangeInQwil } from '../arrangeInQwil';
import { createConnectorHarness, type ConnectorHarness } from '../connectorHarness';
import { clientRecordId, qwilChat, qwilGroupNamed, recordIdByName } from '../finders';
import { useQwilServer } from '../qwilServer';

// The test support that arranges Qwil data and finds records: what the integration tests rely on it for.
const { serve } = useQwilServer();
let harness: ConnectorHarness;
beforeEach(() => {
    harness = createConnectorHarness();
    serve(harness);
});

describe('arranging data in the mock Qwil', () => {
    it("creates what it is asked to through Qwil's System API, with the named credential's key", async () => {
        await arrangeInQwil(harness).system('groups/create', {
            name: 'Onboarding',
            entity_user_xref_uuids: [DEMO.staff.avaCollins]
        });
        expect(qwilGroupNamed(harness.qwil, 'Onboarding')?.member_xref_uuids).toEqual([DEMO.staff.avaCollins]);
    });

    it('posts to chat-service as the member it names', async () => {
        await arrangeInQwil(harness).asMember(DEMO.clients.eleanorWhitfield, 'chats/messages/send-text', {
            chat_uuid: DEMO.chats.eleanorPortfolioReview,
            text: 'Thank you.'
        });
        expect(qwilChat(harness.qwil, DEMO.chats.eleanorPortfolioReview)?.messages.at(-1)).toMatchObject({
            text: 'Thank you.',
            sender_entity_user_xref_uuid: DEMO.clients.eleanorWhitfield
        });
    });

    it('fails the test, naming the call and Qwil status, when Qwil refuses', async () => {
        const wrongSecret = arrangeInQwil({ apiKey: harness.apiKey, apiSecret: 'not-the-secret' });
        await expect(wrongSecret.system('groups/create', { name: 'Onboarding' })).rejects.toThrow(
            /^Qwil answered 401 to POST https:\/\/eu\.qwil\.io\/entity-service\/sys-api\/groups\/create/
        );
        expect(qwilGroupNamed(harness.qwil, 'Onboarding')).toBeUndefined();
    });
});

describe('finding seeded records by name', () => {
    it("finds a Person Account client's Account, and any other client's Contact", () => {
        const charlotte = clientRecordId(harness.org, 'Charlotte Dubois');
        expect(charlotte).toBe(recordIdByName(harness.org, 'Account', 'Charlotte Dubois'));
        expect(charlotte.startsWith('001')).toBe(true);
        expect(clientRecordId(harness.org, 'Eleanor Whitfield')).toBe(
            recordIdByName(harness.org, 'Contact', 'Eleanor Whitfield')
        );
    });

    it('names what it could not find', () => {
        expect(() => recordIdByName(harness.org, 'Contact', 'Nobody Here')).toThrow(
            'No Contact named Nobody Here in the org'
        );
    });
});
