import { createElement } from 'lwc';
import QwilChatComposer from '../qwilChatComposer';
import sendMessage from '@salesforce/apex/QwilChatsController.sendMessage';
import beginWrite from '@salesforce/apex/QwilConnectorController.beginWrite';
import {
    apexError,
    captureNextTimeout,
    deferred,
    flushPromises,
    normalisedTextSeen,
    writeInto
} from 'jest-support/componentTesting';
import { CHAT_UUID, message, OLIVIA, RECORD_ID } from 'jest-support/data/chats';

jest.mock('@salesforce/apex/QwilChatsController.sendMessage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilConnectorController.beginWrite', () => ({ default: jest.fn() }), { virtual: true });

const mockSend = jest.mocked(sendMessage);
const mockBeginWrite = jest.mocked(beginWrite);
const CLAIM = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function render(): HTMLElement {
    const element = createElement('c-qwil-chat-composer', { is: QwilChatComposer });
    Object.assign(element, { recordId: RECORD_ID, chatUuid: CHAT_UUID, afterSeq: 6 });
    document.body.appendChild(element);
    return element;
}

async function type(element: HTMLElement, value: string): Promise<void> {
    const field = element.shadowRoot!.querySelector('c-qwil-chat-message-field')!;
    writeInto(field.shadowRoot!.querySelector('textarea')!, value);
    await flushPromises();
}
const sendButton = (element: HTMLElement) => element.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="send"]')!;
const draftOf = (element: HTMLElement) =>
    element.shadowRoot!.querySelector('c-qwil-chat-message-field')!.shadowRoot!.querySelector('textarea')!.value;
const sent = message(7, OLIVIA, { text: 'Thursday suits me.' });

/** Qwil does not answer the first send in time; the retry must wait `checkAgainInSeconds` for its claim, then gets it. */
function firstSendTimesOutThenRetryWaits(checkAgainInSeconds: number): void {
    mockSend
        .mockRejectedValueOnce(apexError('Qwil did not answer in time. Try again in a moment.'))
        .mockResolvedValueOnce({ message: sent });
    mockBeginWrite
        .mockResolvedValueOnce({ claim: CLAIM, checkAgainInSeconds: null })
        .mockResolvedValueOnce({ claim: null, checkAgainInSeconds })
        .mockResolvedValueOnce({ claim: CLAIM, checkAgainInSeconds: null });
}

describe('c-qwil-chat-composer', () => {
    beforeEach(() => mockBeginWrite.mockResolvedValue({ claim: CLAIM, checkAgainInSeconds: null }));
    afterEach(() => {
        document.body.replaceChildren();
        jest.restoreAllMocks();
        jest.clearAllMocks();
    });

    it('sends only text Qwil takes: not empty, not only spaces, at most 5000 characters', async () => {
        const element = render();
        await flushPromises();
        expect(sendButton(element).disabled).toBe(true);
        await type(element, '   ');
        expect(sendButton(element).disabled).toBe(true);
        await type(element, 'x'.repeat(5001));
        expect(sendButton(element).disabled).toBe(true);
        await type(element, 'x'.repeat(5000));
        expect(sendButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('sends as one attempt with a fresh key, clears the draft and fires sent', async () => {
        mockSend.mockResolvedValue({ message: sent });
        const element = render();
        const onSent = jest.fn();
        element.addEventListener('sent', onSent);
        await type(element, 'Thursday suits me.');
        sendButton(element).click();
        sendButton(element).click();
        await flushPromises();
        expect(mockSend).toHaveBeenCalledTimes(1);
        expect(mockBeginWrite).toHaveBeenCalledWith({ idempotencyKey: expect.stringMatching(UUID_V4), retry: false });
        expect(mockSend).toHaveBeenCalledWith({
            recordId: RECORD_ID,
            chatUuid: CHAT_UUID,
            text: 'Thursday suits me.',
            idempotencyKey: mockBeginWrite.mock.calls[0]?.[0].idempotencyKey,
            claim: CLAIM,
            afterSeq: 6
        });
        expect(onSent.mock.calls[0][0].detail).toEqual({ message: sent });
        expect(draftOf(element)).toBe('');
        await expect(element).toBeAccessible();
    });

    it('keeps the draft after a failure, and Retry repeats the same attempt so it cannot post twice', async () => {
        const failed = deferred<never>();
        mockSend.mockReturnValueOnce(failed.promise).mockResolvedValueOnce({ message: sent });
        const element = render();
        await type(element, 'Thursday suits me.');
        sendButton(element).click();
        failed.reject(apexError('Qwil did not answer in time. Try again in a moment.'));
        await flushPromises();
        expect(draftOf(element)).toBe('Thursday suits me.');
        expect(normalisedTextSeen(element)).toContain('Your draft is kept: Retry never posts it twice.');
        expect(normalisedTextSeen(element)).toContain('Qwil did not answer in time. Try again in a moment.');
        element.shadowRoot!.querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        const [first, retry] = mockSend.mock.calls.map(([params]) => params);
        expect(retry).toEqual(first);
        expect(mockBeginWrite.mock.calls.map(([params]) => params.retry)).toEqual([false, true]);
        expect(draftOf(element)).toBe('');
        await expect(element).toBeAccessible();
    });

    it('while Qwil has not confirmed an earlier try, says so and checks again instead of posting', async () => {
        const recheck = captureNextTimeout();
        firstSendTimesOutThenRetryWaits(45);
        const element = render();
        await type(element, 'Thursday suits me.');
        sendButton(element).click();
        await flushPromises();
        element.shadowRoot!.querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(mockSend).toHaveBeenCalledTimes(1);
        expect(normalisedTextSeen(element.shadowRoot!.querySelector('[data-id="checking"]')!)).toBe(
            'Qwil has not confirmed yet whether your message was sent. Checking again in 45 seconds; it will not be done twice.'
        );
        expect(sendButton(element).disabled).toBe(true);
        await expect(element).toBeAccessible();
        expect(recheck.delayMs).toBe(45_000);
        recheck.run();
        await flushPromises();
        expect(mockSend).toHaveBeenCalledTimes(2);
        expect(mockSend.mock.calls[1]?.[0]).toMatchObject({
            text: 'Thursday suits me.',
            idempotencyKey: mockSend.mock.calls[0]?.[0].idempotencyKey
        });
        expect(element.shadowRoot!.querySelector('[data-id="checking"]')).toBeNull();
        expect(draftOf(element)).toBe('');
    });

    it('keeps a new draft typed while it checks on the earlier one', async () => {
        const recheck = captureNextTimeout();
        firstSendTimesOutThenRetryWaits(45);
        const element = render();
        const onSent = jest.fn();
        element.addEventListener('sent', onSent);
        await type(element, 'Thursday suits me.');
        sendButton(element).click();
        await flushPromises();
        element.shadowRoot!.querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        await type(element, 'And Friday?');
        recheck.run();
        await flushPromises();
        expect(onSent.mock.calls[0][0].detail).toEqual({ message: sent });
        expect(draftOf(element)).toBe('And Friday?');
        await expect(element).toBeAccessible();
    });

    it('sends an edited draft as a new message with a new key', async () => {
        mockSend
            .mockRejectedValueOnce(apexError('Qwil is not responding properly right now.'))
            .mockResolvedValueOnce({ message: sent });
        const element = render();
        await type(element, 'Thursday suits me.');
        sendButton(element).click();
        await flushPromises();
        await type(element, 'Friday suits me.');
        sendButton(element).click();
        await flushPromises();
        const [first, second] = mockSend.mock.calls.map(([params]) => params);
        expect(second).toMatchObject({ text: 'Friday suits me.' });
        expect(mockBeginWrite.mock.calls.at(-1)?.[0].retry).toBe(false);
        expect(second?.idempotencyKey).not.toBe(first?.idempotencyKey);
        await expect(element).toBeAccessible();
    });
});
