import { http, HttpResponse } from 'msw';
import type {
    ChatListPage,
    ExportChatResult,
    MessagePage,
    NewMessages,
    OpenedChat,
    SentMessage,
    StartedChat
} from '../../contracts/QwilChatsController';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { DEMO } from '../../../../mock-org/qwil';
import { arrangeInQwil } from '../../../../mock-org/testing/arrangeInQwil';
import { clientRecordId, qwilChat } from '../../../../mock-org/testing/finders';
import type { WriteClaim } from '../../contracts/exactlyOnce';
import { SETTLE_WINDOW_SECONDS } from '../../services/exactlyOnce';
import { fakeDateOnly as useFakeDate } from '../../../../mock-org/testing/fakeDateOnly';

// The Chats server methods through the mock org's runtime against the mock Qwil; every Qwil
// request is recorded to count callouts and to prove what was never asked.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const JAMES = 'james.patel@harbourwealth.example';
const SEND_TEXT = 'https://eu.qwil.io/chat-service/api/chats/messages/send-text';

const { server, requests, serve } = useQwilServer();

let harness: ConnectorHarness;
function useHarness(visibility: 'View All' | 'View Own Chats', user = OLIVIA): void {
    harness = createConnectorHarness({ settings: { Client_Chat_History_Visible__c: visibility } });
    serve(harness);
    harness.runAs(user);
}

const recordId = (name: string) => clientRecordId(harness.org, name);
const call = (method: string, params: unknown) => harness.callApex('QwilChatsController', method, params);
const listChats = (name: string, cursor: string | null = null) =>
    call('listChats', { recordId: recordId(name), cursor }) as Promise<ChatListPage>;
const openChat = (name: string, chatUuid: string) =>
    call('openChat', { recordId: recordId(name), chatUuid }) as Promise<OpenedChat>;
/** Each attempt claims its key first, as the page does (QwilConnectorController.beginWrite). */
const claimFor = async (idempotencyKey: string, retry: boolean) =>
    ((await harness.callApex('QwilConnectorController', 'beginWrite', { idempotencyKey, retry })) as WriteClaim).claim;
const send = async (
    name: string,
    chatUuid: string,
    text: string,
    idempotencyKey: string,
    retry = false,
    afterSeq = 0
) =>
    call('sendMessage', {
        recordId: recordId(name),
        chatUuid,
        text,
        idempotencyKey,
        claim: await claimFor(idempotencyKey, retry),
        afterSeq
    }) as Promise<SentMessage>;
/** A failed attempt keeps its key until Qwil can no longer apply it; the clock moves past that. */
const waitOutSettleWindow = () => {
    const later = Date.now() + (SETTLE_WINDOW_SECONDS + 1) * 1000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
};
afterEach(() => {
    jest.restoreAllMocks();
});
const chatIn = (uuid: string) => qwilChat(harness.qwil, uuid);
const sentTexts = (uuid: string) => chatIn(uuid)?.messages.map((m) => m.text) ?? [];

/** Posts straight to Qwil as a participant, as someone using Qwil's own app would. */
async function postInQwil(actor: string, chatUuid: string, text: string): Promise<void> {
    await arrangeInQwil(harness).asMember(actor, 'chats/messages/send-text', { chat_uuid: chatUuid, text });
}

const KEY_1 = '7d0c7f1e-5b4a-4c59-9a43-1f2b3c4d5e61';
const KEY_2 = '7d0c7f1e-5b4a-4c59-9a43-1f2b3c4d5e62';

describe('Client Chat History Visible: the same data, different chats', () => {
    it('View Own Chats lists only the chats the user takes part in', async () => {
        useHarness('View Own Chats');
        const page = await listChats('Eleanor Whitfield');
        expect(page.visibility).toBe('View Own Chats');
        expect(page.clientName).toBe('Eleanor Whitfield');
        expect(page.chats.map((chat) => chat.title)).toEqual(['Q3 portfolio review']);
    });

    it('View All lists every chat of the client, newest activity first, but never a staff-only chat', async () => {
        useHarness('View All');
        const page = await listChats('Eleanor Whitfield');
        expect(page.chats.map((chat) => chat.title)).toEqual([
            'Proof of address for account update',
            'Q3 portfolio review'
        ]);
        expect(page.chats.some((chat) => chat.staffOnly)).toBe(false);
    });

    it('describes each chat: participants by name, last message time, archived, and the preview once the chat was opened', async () => {
        useHarness('View Own Chats');
        expect((await listChats('Eleanor Whitfield')).chats[0]?.lastMessagePreview).toBeNull();
        await openChat('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview);
        const [review] = (await listChats('Eleanor Whitfield')).chats;
        expect(review).toMatchObject({
            title: 'Q3 portfolio review',
            archived: false,
            lastMessageAt: '2025-10-08T09:12:00.000Z',
            lastMessagePreview: 'Thursday at 10:00 works for me.',
            participants: [
                { name: 'Olivia Hart', isYou: true, isClient: false, former: false },
                { name: 'Eleanor Whitfield', isYou: false, isClient: true, former: false }
            ]
        });
        expect((await listChats('Priya Raman')).chats[0]).toMatchObject({
            title: 'ISA allowance 2025/26',
            archived: true
        });
    });

    it('refuses to open, by id, a chat the setting hides, before reading any message', async () => {
        useHarness('View Own Chats');
        expect(await apexErrorMessage(openChat('Eleanor Whitfield', DEMO.chats.eleanorProofOfAddress))).toMatch(
            /^This chat is not one of the chats of this client you can see/
        );
        expect(requests.filter((request) => request.includes('messages'))).toEqual([]);
    });

    it('refuses a staff-only chat and a chat of another client, even under View All', async () => {
        useHarness('View All');
        expect(await apexErrorMessage(openChat('Eleanor Whitfield', DEMO.chats.advisoryDeskRebalancing))).toMatch(
            /^This chat is not one of the chats/
        );
        expect(await apexErrorMessage(openChat('Eleanor Whitfield', DEMO.chats.charlotteMarketNotes))).toMatch(
            /^This chat is not one of the chats/
        );
    });

    it('refuses sending to a hidden chat without posting anything', async () => {
        useHarness('View Own Chats');
        expect(
            await apexErrorMessage(send('Eleanor Whitfield', DEMO.chats.eleanorProofOfAddress, 'Hello', KEY_1))
        ).toMatch(/^This chat is not one of the chats/);
        expect(requests.filter((request) => request.includes('send-text'))).toEqual([]);
    });

    it('opens a chat without the user under View All, read-only', async () => {
        useHarness('View All');
        const opened = await openChat('Eleanor Whitfield', DEMO.chats.eleanorProofOfAddress);
        expect(opened.messages.map((m) => m.sender.name)).toEqual(['James Patel', 'Eleanor Whitfield', 'James Patel']);
        expect(opened.cannotSendReason).toMatch(/^You are not a participant of this chat/);
    });

    it('refuses a record the user cannot read before any Qwil call', async () => {
        useHarness('View All', JAMES);
        expect(await apexErrorMessage(listChats('Eleanor Whitfield'))).toMatch(/^You don't have access to this record/);
        expect(requests).toEqual([]);
    });
});

describe('Qwil callouts of the chat list', () => {
    it("lists a client's chats cold in at most 3 callouts, reading no message for previews", async () => {
        useHarness('View Own Chats');
        // The Chats page opens inside the tab, whose first view has mapped the user to their Qwil staff account.
        await harness.callApex('QwilConnectorController', 'loadTab', { recordId: recordId('Eleanor Whitfield') });
        requests.length = 0;
        const page = await listChats('Eleanor Whitfield');
        expect(page.chats).toHaveLength(1);
        expect(requests.length).toBeLessThanOrEqual(3);
        expect(requests.filter((request) => request.includes('messages'))).toEqual([]);
    });
});

describe('reading a chat', () => {
    beforeEach(() => useHarness('View Own Chats'));

    it('shows sender, time, reply-to and attachments', async () => {
        const review = await openChat('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview);
        expect(review.messages[3]).toMatchObject({
            seq: 4,
            sender: { name: 'Eleanor Whitfield', isYou: false },
            sentAt: '2025-10-07T08:31:00.000Z',
            replyToSeq: 3
        });
        expect(review.cannotSendReason).toBeNull();
        harness.runAs(JAMES);
        const proof = await openChat('Hannah Lindqvist', DEMO.chats.hannahPensionTransfer);
        expect(proof.messages[2]?.attachments).toEqual([
            { fileName: 'pension-statement-2024.pdf', contentType: 'application/pdf', sizeBytes: 512340 }
        ]);
    });

    it('marks former participants', async () => {
        harness.runAs(JAMES);
        const opened = await openChat('Hannah Lindqvist', DEMO.chats.hannahPensionTransfer);
        expect(opened.chat.participants.map((p) => [p.name, p.former])).toEqual([
            ['James Patel', false],
            ['Hannah Lindqvist', false],
            ['Noah Fischer', true]
        ]);
        expect(opened.messages[1]?.sender.name).toBe('Noah Fischer');
    });

    it('pages a long chat from the newest page back through the message range, 100 messages at a time', async () => {
        const opened = await openChat('Charlotte Dubois', DEMO.chats.charlotteMarketNotes);
        expect(opened.messages.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 151 + i));
        const older = (await call('loadOlderMessages', {
            recordId: recordId('Charlotte Dubois'),
            chatUuid: DEMO.chats.charlotteMarketNotes,
            cursor: opened.olderCursor
        })) as MessagePage;
        expect(older.messages.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 51 + i));
    });

    it('scrolls back 1,000 messages in at most 10 round trips of one Qwil callout each', async () => {
        harness.qwil.control.generateMessages({ chatUuid: DEMO.chats.charlotteMarketNotes, count: 1000 });
        const opened = await openChat('Charlotte Dubois', DEMO.chats.charlotteMarketNotes);
        requests.length = 0;
        let cursor = opened.olderCursor;
        let scrolledBack = 0;
        let roundTrips = 0;
        while (scrolledBack < 1000 && cursor) {
            const page = (await call('loadOlderMessages', {
                recordId: recordId('Charlotte Dubois'),
                chatUuid: DEMO.chats.charlotteMarketNotes,
                cursor
            })) as MessagePage;
            scrolledBack += page.messages.length;
            cursor = page.olderCursor;
            roundTrips += 1;
        }
        expect(scrolledBack).toBe(1000);
        expect(roundTrips).toBeLessThanOrEqual(10);
        expect(requests).toHaveLength(roundTrips);
    });

    it('polls only the messages after the newest shown, with one Qwil callout once the chat is open', async () => {
        const opened = await openChat('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview);
        await postInQwil(DEMO.clients.eleanorWhitfield, DEMO.chats.eleanorPortfolioReview, 'See you on Thursday.');
        requests.length = 0;
        const fresh = (await call('loadNewMessages', {
            recordId: recordId('Eleanor Whitfield'),
            chatUuid: DEMO.chats.eleanorPortfolioReview,
            afterSeq: opened.messages.at(-1)?.seq
        })) as NewMessages;
        expect(fresh).toEqual({
            complete: true,
            messages: [
                expect.objectContaining({
                    seq: 7,
                    text: 'See you on Thursday.',
                    sender: expect.objectContaining({ name: 'Eleanor Whitfield' })
                })
            ]
        });
        expect(requests).toEqual(['GET /chat-service/api/chats/messages/range']);
    });
});

describe('sending', () => {
    beforeEach(() => useHarness('View Own Chats'));

    it('posts as the mapped staff user', async () => {
        const { message } = await send(
            'Eleanor Whitfield',
            DEMO.chats.eleanorPortfolioReview,
            'The proposal is attached.',
            KEY_1
        );
        expect(message).toMatchObject({
            seq: 7,
            text: 'The proposal is attached.',
            sender: { name: 'Olivia Hart', isYou: true }
        });
        expect(chatIn(DEMO.chats.eleanorPortfolioReview)?.messages.at(-1)?.sender_entity_user_xref_uuid).toBe(
            DEMO.staff.oliviaHart
        );
    });

    it('answers a repeated key with the message already sent, never posting twice', async () => {
        const first = await send('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview, 'Once only.', KEY_1);
        const again = await send('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview, 'Once only.', KEY_1, true, 6);
        expect(again).toEqual(first);
        expect(sentTexts(DEMO.chats.eleanorPortfolioReview).filter((text) => text === 'Once only.')).toHaveLength(1);
        await send('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview, 'Once only.', KEY_2);
        expect(sentTexts(DEMO.chats.eleanorPortfolioReview).filter((text) => text === 'Once only.')).toHaveLength(2);
    });

    it('on retry after a lost answer, finds the message Qwil did post instead of posting again', async () => {
        server.use(
            http.post(
                SEND_TEXT,
                () => HttpResponse.json({ error_code: 'QX500', message: 'Gateway timeout' }, { status: 504 }),
                { once: true }
            )
        );
        expect(
            await apexErrorMessage(send('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview, 'Lost answer.', KEY_1))
        ).toMatch(/^Qwil did not confirm the change, so it may still be made/);
        // What the page could not know: Qwil had posted it before its answer was lost.
        await postInQwil(DEMO.staff.oliviaHart, DEMO.chats.eleanorPortfolioReview, 'Lost answer.');
        waitOutSettleWindow();
        const { message } = await send(
            'Eleanor Whitfield',
            DEMO.chats.eleanorPortfolioReview,
            'Lost answer.',
            KEY_1,
            true,
            6
        );
        expect(message.seq).toBe(7);
        expect(sentTexts(DEMO.chats.eleanorPortfolioReview).filter((text) => text === 'Lost answer.')).toHaveLength(1);
    });

    it('on retry after a failure that posted nothing, posts once', async () => {
        server.use(
            http.post(
                SEND_TEXT,
                () => HttpResponse.json({ error_code: 'QX500', message: 'Unavailable' }, { status: 503 }),
                { once: true }
            )
        );
        await apexErrorMessage(send('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview, 'Second try.', KEY_1));
        waitOutSettleWindow();
        await send('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview, 'Second try.', KEY_1, true, 6);
        expect(sentTexts(DEMO.chats.eleanorPortfolioReview).filter((text) => text === 'Second try.')).toHaveLength(1);
    });

    it('refuses empty and over-long text before calling Qwil', async () => {
        expect(
            await apexErrorMessage(send('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview, '   ', KEY_1))
        ).toMatch(/^Invalid parameter 'text': must not be empty/);
        expect(
            await apexErrorMessage(
                send('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview, 'x'.repeat(5001), KEY_1)
            )
        ).toMatch(/at most 5000 characters/);
        expect(requests).toEqual([]);
    });

    it("under View All, passes on Qwil's refusal to post in a chat the user is not in", async () => {
        useHarness('View All');
        expect(
            await apexErrorMessage(send('Eleanor Whitfield', DEMO.chats.eleanorProofOfAddress, 'Hello', KEY_1))
        ).toMatch(/^You are not an active participant of this chat in Qwil/);
    });
});

describe('starting a chat', () => {
    beforeEach(() => useHarness('View Own Chats'));
    const start = async (name: string, params: Record<string, unknown>, idempotencyKey = KEY_1, retry = false) =>
        call('startChat', {
            recordId: recordId(name),
            title: '',
            staffEntityUserXrefUuids: [],
            text: 'Hello',
            ...params,
            idempotencyKey,
            claim: await claimFor(idempotencyKey, retry)
        }) as Promise<StartedChat>;

    it('creates the chat with its first message, so the client sees it; the title defaults to "New chat"', async () => {
        const { chatUuid } = await start('Eleanor Whitfield', {
            staffEntityUserXrefUuids: [DEMO.staff.jamesPatel],
            text: 'Welcome to your new chat.'
        });
        const chat = chatIn(chatUuid);
        expect(chat?.title).toBe('New chat');
        expect(chat?.participants.map((p) => p.entity_user_xref_uuid)).toEqual([
            DEMO.staff.oliviaHart,
            DEMO.clients.eleanorWhitfield,
            DEMO.staff.jamesPatel
        ]);
        expect(chat?.messages.map((m) => [m.sender_entity_user_xref_uuid, m.text])).toEqual([
            [DEMO.staff.oliviaHart, 'Welcome to your new chat.']
        ]);
        expect((await listChats('Eleanor Whitfield')).chats[0]).toMatchObject({ chatUuid, title: 'New chat' });
    });

    it('on retry after the first message failed, finishes the chat already created', async () => {
        server.use(
            http.post(
                SEND_TEXT,
                () => HttpResponse.json({ error_code: 'QX500', message: 'Unavailable' }, { status: 503 }),
                { once: true }
            )
        );
        await apexErrorMessage(start('Eleanor Whitfield', { title: 'Tax return', text: 'Your documents, please.' }));
        waitOutSettleWindow();
        const { chatUuid } = await start(
            'Eleanor Whitfield',
            { title: 'Tax return', text: 'Your documents, please.' },
            KEY_1,
            true
        );
        const created = harness.qwil.control.snapshot().chats.filter((chat) => chat.title === 'Tax return');
        expect(created.map((chat) => [chat.chat_uuid, chat.messages.length])).toEqual([[chatUuid, 1]]);
    });

    it('refuses more than 100 participants and a client who is not active', async () => {
        const tooMany = Array.from({ length: 99 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
        expect(await apexErrorMessage(start('Eleanor Whitfield', { staffEntityUserXrefUuids: tooMany }))).toMatch(
            /^Invalid parameter 'staffEntityUserXrefUuids'/
        );
        expect(await apexErrorMessage(start('Priya Raman', {}, KEY_2))).toBe(
            'A chat can be started only with an Active Qwil client; this client is Suspended.'
        );
    });
});

describe('exports', () => {
    const OFF_FOR_STAFF =
        'Downloads of chats are turned off by your Qwil administrator. Ask them if you need a transcript or the attachments.';
    const exportChat = (chatUuid: string, format: 'pdf' | 'zip') =>
        call('exportChat', { recordId: recordId('Eleanor Whitfield'), chatUuid, format }) as Promise<ExportChatResult>;
    const grantExports = (canExportData: boolean) =>
        harness.qwil.control.setKeyPermissions({ key: harness.apiKey, canExportData });

    afterEach(() => jest.useRealTimers());

    /** Only Date is faked: cache expiry and freshness follow it; msw and timers stay real. */
    const fakeDateOnly = (): void => useFakeDate(new Date('2026-03-02T09:00:00Z'));

    it("are not offered while the key lacks Qwil's export permission, and staff are told in their words", async () => {
        useHarness('View Own Chats');
        expect((await listChats('Eleanor Whitfield')).exportAvailability).toEqual({
            allowed: false,
            reason: OFF_FOR_STAFF
        });
    });

    it('tell an administrator the code and the fix, in the administrator detail only', async () => {
        useHarness('View All', 'sofia.reyes@harbourwealth.example');
        const { reason } = (await listChats('Eleanor Whitfield')).exportAvailability;
        expect(reason).toMatch(
            /^Downloads of chats are turned off by your Qwil administrator\. .* Detail for administrators: .*QX010.*"can export data"/
        );
    });

    it('are offered once an administrator grants the export permission in Qwil', async () => {
        useHarness('View Own Chats');
        grantExports(true);
        expect((await listChats('Eleanor Whitfield')).exportAvailability).toEqual({ allowed: true, reason: null });
    });

    it('are checked again when a chat opens 30 s after the last check, so a revoked permission hides them', async () => {
        useHarness('View Own Chats');
        fakeDateOnly();
        grantExports(true);
        expect((await listChats('Eleanor Whitfield')).exportAvailability.allowed).toBe(true);
        grantExports(false);
        jest.setSystemTime(Date.now() + 29_000);
        expect(
            (await openChat('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview)).exportAvailability.allowed
        ).toBe(true);
        jest.setSystemTime(Date.now() + 1_000);
        expect((await openChat('Eleanor Whitfield', DEMO.chats.eleanorPortfolioReview)).exportAvailability).toEqual({
            allowed: false,
            reason: OFF_FOR_STAFF
        });
    });

    it('download the transcript as a PDF and the attachments as a ZIP, byte for byte, named after the chat and its date', async () => {
        useHarness('View All');
        grantExports(true);
        const pdf = (await exportChat(DEMO.chats.eleanorPortfolioReview, 'pdf')).file!;
        expect(pdf).toMatchObject({
            contentType: 'application/pdf',
            fileName: expect.stringMatching(/^Q3 portfolio review – \d{4}-\d{2}-\d{2}\.pdf$/)
        });
        expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const zip = (await exportChat(DEMO.chats.eleanorProofOfAddress, 'zip')).file!;
        expect(zip.contentType).toBe('application/zip');
        expect(zip.fileName).toMatch(/ – \d{4}-\d{2}-\d{2}\.zip$/);
        expect(Buffer.from(zip.base64, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    });

    it('give no file and the reason while the key lacks the permission, without asking for the file', async () => {
        useHarness('View All');
        expect(await exportChat(DEMO.chats.eleanorPortfolioReview, 'pdf')).toEqual({
            file: null,
            exportAvailability: { allowed: false, reason: OFF_FOR_STAFF }
        });
        // Only the permission probe reached the export endpoint, never a request for the file.
        expect(requests.filter((request) => request.endsWith('/chats/export/pdf'))).toHaveLength(1);
    });

    it('give no file and the reason when Qwil refuses the download itself, the permission gone since the last check', async () => {
        useHarness('View All');
        grantExports(true);
        await listChats('Eleanor Whitfield');
        grantExports(false);
        expect(await exportChat(DEMO.chats.eleanorPortfolioReview, 'pdf')).toEqual({
            file: null,
            exportAvailability: { allowed: false, reason: OFF_FOR_STAFF }
        });
        expect((await listChats('Eleanor Whitfield')).exportAvailability.allowed).toBe(false);
    });

    it('are refused for a chat the user may not see', async () => {
        useHarness('View Own Chats');
        grantExports(true);
        expect(await apexErrorMessage(exportChat(DEMO.chats.eleanorProofOfAddress, 'pdf'))).toMatch(
            /^This chat is not one of the chats of this client you can see/
        );
        expect(requests.filter((request) => request.includes('/chats/export/'))).toEqual([]);
    });
});
