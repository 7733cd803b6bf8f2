import { createElement } from 'lwc';
import QwilChatConversation from '../qwilChatConversation';
import { POLL_INTERVAL_MS } from 'c/qwilLivePoll';
import openChat from '@salesforce/apex/QwilChatsController.openChat';
import loadOlderMessages from '@salesforce/apex/QwilChatsController.loadOlderMessages';
import loadNewMessages from '@salesforce/apex/QwilChatsController.loadNewMessages';
import { apexError, flushPromises, normalisedTextSeen, shadow } from 'jest-support/componentTesting';
import {
    CHAT_UUID,
    ELEANOR,
    message,
    messages,
    NOAH,
    OLIVIA,
    openedChat,
    RECORD_ID,
    summary
} from 'jest-support/data/chats';

jest.mock('@salesforce/apex/QwilChatsController.openChat', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilChatsController.loadOlderMessages', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilChatsController.loadNewMessages', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilChatsController.sendMessage', () => ({ default: jest.fn() }), { virtual: true });

const mockOpen = jest.mocked(openChat);
const mockOlder = jest.mocked(loadOlderMessages);
const mockNew = jest.mocked(loadNewMessages);

async function render(): Promise<HTMLElement> {
    const element = createElement('c-qwil-chat-conversation', { is: QwilChatConversation });
    Object.assign(element, { recordId: RECORD_ID, chatUuid: CHAT_UUID });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const messageItems = (element: HTMLElement) =>
    Array.from(shadow(element).querySelectorAll<HTMLElement>('ol[data-id="messages"] > li'));
const seqs = (element: HTMLElement) => messageItems(element).map((item) => Number(item.dataset.seq));
const click = async (element: HTMLElement, id: string) => {
    shadow(element).querySelector<HTMLButtonElement>(`[data-id="${id}"]`)!.click();
    await flushPromises();
};
const setHidden = (hidden: boolean) =>
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });

describe('c-qwil-chat-conversation', () => {
    beforeEach(() => {
        jest.useFakeTimers({ doNotFake: ['setImmediate'] });
        setHidden(false);
    });
    afterEach(() => {
        document.body.replaceChildren();
        jest.useRealTimers();
        jest.clearAllMocks();
    });

    it('shows each message with sender, time, reply-to and attachments, and marks former participants', async () => {
        mockOpen.mockResolvedValue(
            openedChat({
                chat: summary({ participants: [OLIVIA, ELEANOR, NOAH] }),
                messages: [
                    message(1, OLIVIA, { text: 'Could you send the statement?' }),
                    message(2, NOAH, { text: 'I will take it from here.' }),
                    message(3, ELEANOR, {
                        text: 'Attached.',
                        replyToSeq: 1,
                        attachments: [{ fileName: 'statement.pdf', contentType: 'application/pdf', sizeBytes: 512340 }]
                    }),
                    message(4, ELEANOR, { text: 'See above.', replyToSeq: 0 })
                ]
            })
        );
        const element = await render();
        const items = messageItems(element).map(normalisedTextSeen);
        expect(items[0]).toContain('Olivia Hart (you)');
        expect(items[1]).toContain('Noah Fischer (former participant)');
        expect(items[2]).toContain('Reply to Olivia Hart: Could you send the statement?');
        expect(items[2]).toContain('Attachment: statement.pdf (application/pdf, 500 KB)');
        expect(items[3]).toContain('Reply to message #0');
        expect((shadow(element).querySelector('c-qwil-date-time') as unknown as { value: string }).value).toBe(
            message(1).sentAt
        );
        // Sender, then the time after a spaced separator ("Olivia Hart (you) · Oct 20, …"), read as the page renders it.
        expect(messageItems(element)[0]!.querySelector('p')!.textContent).toBe('Olivia Hart (you) · ');
        expect(shadow(element).activeElement).toBe(shadow(element).querySelector('[data-id="title"]'));
        expect(normalisedTextSeen(shadow(element).querySelector('[data-id="participants"]')!)).toBe(
            'Participants: Olivia Hart (you), Eleanor Whitfield, Noah Fischer (former participant)'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('counts participants the user cannot see in Salesforce and attributes their messages without a name', async () => {
        const hidden = {
            entityUserXrefUuid: '',
            name: 'A client you cannot see in Salesforce',
            isClient: true,
            isYou: false,
            former: false
        };
        mockOpen.mockResolvedValue(
            openedChat({
                chat: summary({ participants: [OLIVIA, ELEANOR], hiddenClientCount: 2 }),
                messages: [message(1, hidden, { text: 'Thank you.' })]
            })
        );
        const element = await render();
        expect(normalisedTextSeen(shadow(element).querySelector('[data-id="participants"]')!)).toBe(
            'Participants: Olivia Hart (you), Eleanor Whitfield, 2 clients you cannot see in Salesforce'
        );
        expect(normalisedTextSeen(messageItems(element)[0]!)).toContain('A client you cannot see in Salesforce');
    });

    it('shows HTML in a message as typed, never as markup', async () => {
        const typed = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
        mockOpen.mockResolvedValue(
            openedChat({ chat: summary({ title: '<i>Title</i>' }), messages: [message(1, ELEANOR, { text: typed })] })
        );
        const element = await render();
        const text = shadow(element).querySelector('.message-text')!;
        expect(text.textContent).toBe(typed);
        expect(shadow(element).querySelector('script, img, b, i')).toBeNull();
        expect(shadow(element).querySelector('h3')!.textContent).toBe('<i>Title</i>');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('loads older pages on request and keeps a bounded window, offering the latest again', async () => {
        mockOpen.mockResolvedValue(openedChat({ messages: messages(9901, 10000), olderCursor: 'before-9901' }));
        for (let page = 0; page < 10; page += 1) {
            const last = 9900 - page * 100;
            mockOlder.mockResolvedValueOnce({
                messages: messages(last - 99, last),
                olderCursor: `before-${last - 99}`
            });
        }
        const element = await render();
        await click(element, 'older');
        expect(mockOlder).toHaveBeenLastCalledWith({ recordId: RECORD_ID, chatUuid: CHAT_UUID, cursor: 'before-9901' });
        expect(seqs(element)[0]).toBe(9801);
        expect(shadow(element).querySelector('[data-id="latest"]')).toBeNull();
        // 1,000 older messages in 10 pages: the page never holds more than 200 message elements.
        await [2, 3, 4, 5, 6, 7, 8, 9, 10].reduce(
            (previous) => previous.then(() => click(element, 'older')),
            Promise.resolve()
        );
        expect(mockOlder).toHaveBeenCalledTimes(10);
        expect(messageItems(element).length).toBeLessThanOrEqual(200);
        // The two pages loaded last stay in the page: the one being read and the one before it.
        expect(seqs(element)).toEqual(messages(8901, 9100).map((m) => m.seq));
        expect(shadow(element).querySelector('c-qwil-chat-composer')).toBeNull();
        await click(element, 'latest');
        expect(mockOpen).toHaveBeenCalledTimes(2);
        expect(seqs(element)[0]).toBe(9901);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('polls for new messages and adds each once, also when a sent message comes back', async () => {
        mockOpen.mockResolvedValue(openedChat());
        mockNew
            .mockResolvedValueOnce({ messages: [message(7)], complete: true })
            .mockResolvedValueOnce({ messages: [message(7), message(8)], complete: true });
        const element = await render();
        expect(mockNew).not.toHaveBeenCalled();
        jest.advanceTimersByTime(POLL_INTERVAL_MS);
        await flushPromises();
        expect(mockNew).toHaveBeenLastCalledWith({ recordId: RECORD_ID, chatUuid: CHAT_UUID, afterSeq: 6 });
        shadow(element)
            .querySelector('c-qwil-chat-composer')!
            .dispatchEvent(new CustomEvent('sent', { detail: { message: message(8, OLIVIA) } }));
        await flushPromises();
        jest.advanceTimersByTime(POLL_INTERVAL_MS);
        await flushPromises();
        expect(mockNew).toHaveBeenLastCalledWith({ recordId: RECORD_ID, chatUuid: CHAT_UUID, afterSeq: 8 });
        expect(seqs(element)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('pauses polling while the browser tab is hidden and catches up when it is shown', async () => {
        mockOpen.mockResolvedValue(openedChat());
        mockNew.mockResolvedValue({ messages: [], complete: true });
        const element = await render();
        setHidden(true);
        jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
        await flushPromises();
        expect(mockNew).not.toHaveBeenCalled();
        setHidden(false);
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        await flushPromises();
        expect(mockNew).toHaveBeenCalledTimes(1);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('stops polling when the chat is closed, even with a poll still on its way', async () => {
        mockOpen.mockResolvedValue(openedChat());
        let answerPoll: (value: { messages: never[]; complete: true }) => void = () => undefined;
        mockNew.mockReturnValueOnce(new Promise((resolve) => (answerPoll = resolve)));
        const element = await render();
        jest.advanceTimersByTime(POLL_INTERVAL_MS);
        document.body.removeChild(element);
        answerPoll({ messages: [], complete: true });
        await flushPromises();
        jest.advanceTimersByTime(POLL_INTERVAL_MS * 4);
        await flushPromises();
        expect(mockNew).toHaveBeenCalledTimes(1);
        document.body.appendChild(element);
        await flushPromises();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('reloads the latest page when too many new messages arrived to list them', async () => {
        mockOpen
            .mockResolvedValueOnce(openedChat())
            .mockResolvedValueOnce(openedChat({ messages: messages(251, 300), olderCursor: 'before-251' }));
        mockNew.mockResolvedValue({ messages: [], complete: false });
        const element = await render();
        jest.advanceTimersByTime(POLL_INTERVAL_MS);
        await flushPromises();
        expect(seqs(element)[0]).toBe(251);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('says why the user cannot write instead of offering the composer', async () => {
        mockOpen.mockResolvedValue(
            openedChat({
                cannotSendReason: 'You have left this chat.',
                historyNote: 'You left this chat: the history ends when you left.'
            })
        );
        const element = await render();
        expect(shadow(element).querySelector('c-qwil-chat-composer')).toBeNull();
        expect(normalisedTextSeen(element)).toContain('You have left this chat.');
        expect(normalisedTextSeen(element)).toContain('the history ends when you left');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows a refusal with Retry, and fires back', async () => {
        mockOpen
            .mockRejectedValueOnce(apexError('This chat is not one of the chats of this client you can see.'))
            .mockResolvedValueOnce(openedChat());
        const element = await render();
        expect(normalisedTextSeen(element)).toContain('This chat is not one of the chats of this client you can see.');
        expect(messageItems(element)).toHaveLength(0);
        const back = jest.fn();
        element.addEventListener('back', back);
        await click(element, 'back');
        expect(back).toHaveBeenCalledTimes(1);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
