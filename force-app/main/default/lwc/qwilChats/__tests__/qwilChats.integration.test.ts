import { createElement } from 'lwc';
import QwilChats from '../qwilChats';
import QwilChatConversation from '../../qwilChatConversation/qwilChatConversation';
import { DEMO } from '../../../../../../mock-org/qwil';
import { integrationHarness, takeQwilRequests } from '../../../../../../mock-org/testing/integrationHarness';
import { waitFor } from '../../../../../../mock-org/testing/waitFor';
import { arrangeInQwil } from '../../../../../../mock-org/testing/arrangeInQwil';
import { qwilChat, recordIdByName } from '../../../../../../mock-org/testing/finders';
import {
    captureNextTimeout,
    normalisedTextSeen,
    shadow,
    writeInto,
    deepQueryAll,
    lightningButton
} from 'jest-support/componentTesting';
import { SETTLE_WINDOW_SECONDS } from '../../../../../server/services/exactlyOnce';

// Through every layer: component → QwilChatsController → mock org (sharing, class access, cache)
// → named credential → fetch → msw mock Qwil. The settings record says View Own Chats unless a
// test switches it.
const OLIVIA = 'olivia.hart@harbourwealth.example';

const recordIdOf = (type: 'Contact' | 'Account', name: string) => recordIdByName(integrationHarness().org, type, name);
const eleanorId = () => recordIdOf('Contact', 'Eleanor Whitfield');

/** The admin saves Client Chat History Visible; the next server call reads it. */
function setVisibility(value: 'View All' | 'View Own Chats'): void {
    const repository = integrationHarness().org.customMetadata;
    const original = repository.getInstance.bind(repository);
    jest.spyOn(repository, 'getInstance').mockImplementation((type, name) => {
        const record = original(type, name);
        return record && type === 'Qwil_Messenger__mdt'
            ? { ...record, values: { ...record.values, Client_Chat_History_Visible__c: value } }
            : record;
    });
}

const conversationOf = (page: HTMLElement) => shadow(page).querySelector('c-qwil-chat-conversation') as HTMLElement;
const chatTitles = (page: HTMLElement) => deepQueryAll(page, '.chat-title').map((title) => title.textContent);
const messageTexts = (conversation: HTMLElement) =>
    Array.from(shadow(conversation).querySelectorAll('.message-text'), (text) => text.textContent);

async function openChatsPage(recordId = eleanorId()): Promise<HTMLElement> {
    const element = createElement('c-qwil-chats', { is: QwilChats });
    Object.assign(element, { recordId, clientStatus: 'active' });
    document.body.appendChild(element);
    await waitFor(() => chatTitles(element).length > 0);
    return element;
}

async function openChatNamed(page: HTMLElement, title: string): Promise<HTMLElement> {
    const button = deepQueryAll<HTMLButtonElement>(page, 'button.chat-row').find(
        (candidate) => candidate.textContent?.trim() === title
    );
    button!.click();
    await waitFor(() => conversationOf(page) !== null && messageTexts(conversationOf(page)).length > 0);
    return conversationOf(page);
}

async function send(conversation: HTMLElement, text: string): Promise<void> {
    const composer = shadow(conversation).querySelector('c-qwil-chat-composer')!;
    const textarea = shadow(shadow(composer).querySelector('c-qwil-chat-message-field')!).querySelector('textarea')!;
    writeInto(textarea, text);
    await waitFor(() => !shadow(composer).querySelector<HTMLButtonElement>('[data-id="send"]')!.disabled);
    shadow(composer).querySelector<HTMLButtonElement>('[data-id="send"]')!.click();
    await waitFor(() => messageTexts(conversation).includes(text));
}

const qwilMessages = (chatUuid: string) => qwilChat(integrationHarness().qwil, chatUuid)?.messages ?? [];

describe('c-qwil-chats against the mock org and mock Qwil', () => {
    beforeEach(() => {
        integrationHarness().runAs(OLIVIA);
        takeQwilRequests();
    });
    afterEach(() => {
        jest.restoreAllMocks();
        document.body.replaceChildren();
    });

    it('View Own Chats: lists only the chat Olivia takes part in', async () => {
        const page = await openChatsPage();
        expect(chatTitles(page)).toEqual(['Q3 portfolio review']);
        expect(normalisedTextSeen(page)).toContain('Showing the chats of this client that you take or took part in.');
        expect(normalisedTextSeen(page)).toContain('Downloads of chats are turned off by your Qwil administrator.');
    });

    it("View All: the same data lists James's chat with Eleanor too, readable but not writable", async () => {
        setVisibility('View All');
        const page = await openChatsPage();
        expect(chatTitles(page)).toEqual(['Proof of address for account update', 'Q3 portfolio review']);
        const conversation = await openChatNamed(page, 'Proof of address for account update');
        expect(normalisedTextSeen(conversation)).toContain('Attachment: council-tax-bill-2025.pdf');
        expect(shadow(conversation).querySelector('c-qwil-chat-composer')).toBeNull();
        expect(normalisedTextSeen(conversation)).toContain('You are not a participant of this chat');
    });

    it('refuses a direct open of a chat the setting hides, without reading its messages', async () => {
        const conversation = createElement('c-qwil-chat-conversation', { is: QwilChatConversation });
        Object.assign(conversation, { recordId: eleanorId(), chatUuid: DEMO.chats.eleanorProofOfAddress });
        document.body.appendChild(conversation);
        await waitFor(() =>
            normalisedTextSeen(conversation).includes('This chat is not one of the chats of this client you can see')
        );
        expect(messageTexts(conversation)).toEqual([]);
        expect(takeQwilRequests().some((request) => request.includes('messages/range'))).toBe(false);
    });

    it('opens a chat with reply-to, sends a message as Olivia and shows it once, HTML as typed', async () => {
        const page = await openChatsPage();
        const conversation = await openChatNamed(page, 'Q3 portfolio review');
        expect(normalisedTextSeen(conversation)).toContain(
            'Reply to Olivia Hart: Of course. We hold 38% in fixed income'
        );
        const typed = '<b>Bold?</b> <script>alert(1)</script> Thursday at 10:00 is booked.';
        await send(conversation, typed);
        expect(messageTexts(conversation).filter((text) => text === typed)).toHaveLength(1);
        expect(shadow(conversation).querySelector('script, b')).toBeNull();
        const stored = qwilMessages(DEMO.chats.eleanorPortfolioReview).filter((m) => m.text === typed);
        expect(stored.map((m) => m.sender_entity_user_xref_uuid)).toEqual([DEMO.staff.oliviaHart]);
    });

    it('keeps the draft when Qwil fails; Retry waits until Qwil can no longer post the failed try, then posts it once', async () => {
        const page = await openChatsPage();
        const conversation = await openChatNamed(page, 'Q3 portfolio review');
        const composer = shadow(conversation).querySelector('c-qwil-chat-composer')!;
        const textarea = shadow(shadow(composer).querySelector('c-qwil-chat-message-field')!).querySelector(
            'textarea'
        )!;
        writeInto(textarea, 'Sent on the second try.');
        integrationHarness().qwil.control.injectFault({ failNext: { count: 1, status: 503 } });
        await waitFor(() => !shadow(composer).querySelector<HTMLButtonElement>('[data-id="send"]')!.disabled);
        shadow(composer).querySelector<HTMLButtonElement>('[data-id="send"]')!.click();
        await waitFor(() => normalisedTextSeen(composer).includes('Your draft is kept: Retry never posts it twice.'));
        expect(textarea.value).toBe('Sent on the second try.');
        const recheck = captureNextTimeout();
        shadow(composer).querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await waitFor(() =>
            normalisedTextSeen(composer).includes('Qwil has not confirmed yet whether your message was sent.')
        );
        // The settle window passes (the server reads the clock), then the composer's own recheck runs.
        const later = Date.now() + (SETTLE_WINDOW_SECONDS + 1) * 1000;
        jest.spyOn(Date, 'now').mockReturnValue(later);
        recheck.run();
        await waitFor(() => messageTexts(conversation).includes('Sent on the second try.'));
        expect(
            qwilMessages(DEMO.chats.eleanorPortfolioReview).filter((m) => m.text === 'Sent on the second try.')
        ).toHaveLength(1);
        jest.restoreAllMocks();
    });

    it('shows a message Eleanor writes in Qwil when the browser tab is shown again, once', async () => {
        const page = await openChatsPage();
        const conversation = await openChatNamed(page, 'Q3 portfolio review');
        await arrangeInQwil(integrationHarness()).asMember(DEMO.clients.eleanorWhitfield, 'chats/messages/send-text', {
            chat_uuid: DEMO.chats.eleanorPortfolioReview,
            text: 'Thank you, see you then.'
        });
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        await waitFor(() => messageTexts(conversation).includes('Thank you, see you then.'));
        expect(messageTexts(conversation).filter((text) => text === 'Thank you, see you then.')).toHaveLength(1);
    });

    it('shows the latest page of a long chat first and older pages on request', async () => {
        const page = await openChatsPage(recordIdOf('Account', 'Charlotte Dubois'));
        const conversation = await openChatNamed(page, 'Weekly market notes');
        const seqs = () =>
            Array.from(shadow(conversation).querySelectorAll<HTMLElement>('li[data-seq]'), (item) =>
                Number(item.dataset.seq)
            );
        expect(seqs()).toEqual(Array.from({ length: 100 }, (_, i) => 151 + i));
        shadow(conversation).querySelector<HTMLButtonElement>('[data-id="older"]')!.click();
        await waitFor(() => seqs()[0] === 51);
        expect(seqs()).toEqual(Array.from({ length: 200 }, (_, i) => 51 + i));
    });

    it('starts a chat with its first message; the chat then heads the list', async () => {
        const page = await openChatsPage();
        shadow(page).querySelector<HTMLButtonElement>('[data-id="start"]')!.click();
        await waitFor(() => shadow(page).querySelector('c-qwil-chat-start-modal') !== null);
        const modal = shadow(page).querySelector('c-qwil-chat-start-modal')!;
        expect(normalisedTextSeen(modal)).toContain('2 of at most 100 participants: you, Eleanor Whitfield.');
        const field = shadow(shadow(modal).querySelector('c-qwil-chat-message-field')!).querySelector('textarea')!;
        writeInto(field, 'Welcome to your annual review chat.');
        await waitFor(() => !lightningButton(modal, 'Start chat')!.disabled);
        lightningButton(modal, 'Start chat')!.click();
        await waitFor(
            () =>
                conversationOf(page) !== null &&
                messageTexts(conversationOf(page)).includes('Welcome to your annual review chat.')
        );
        expect(normalisedTextSeen(conversationOf(page))).toContain('New chat');
        shadow(conversationOf(page)).querySelector<HTMLButtonElement>('[data-id="back"]')!.click();
        await waitFor(() => chatTitles(page)[0] === 'New chat');
    });
});
