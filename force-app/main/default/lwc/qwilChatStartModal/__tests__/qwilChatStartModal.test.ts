import { createElement } from 'lwc';
import QwilChatStartModal from '../qwilChatStartModal';
import startChat from '@salesforce/apex/QwilChatsController.startChat';
import beginWrite from '@salesforce/apex/QwilConnectorController.beginWrite';
import {
    apexError,
    captureNextTimeout,
    flushPromises,
    normalisedTextSeen,
    shadow,
    deepQuery,
    lightningButton
} from 'jest-support/componentTesting';
import { CHAT_UUID, RECORD_ID } from 'jest-support/data/chats';

jest.mock('@salesforce/apex/QwilChatsController.startChat', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilConnectorController.searchActiveStaff', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.beginWrite', () => ({ default: jest.fn() }), { virtual: true });

const mockStart = jest.mocked(startChat);
const mockBeginWrite = jest.mocked(beginWrite);
const CLAIM = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
const JAMES = {
    entityUserXrefUuid: '55555555-5555-4555-8555-555555555555',
    name: 'James Patel',
    jobTitle: 'Associate',
    status: 'active' as const,
    eligible: true,
    reason: null
};

function render(): HTMLElement {
    const element = createElement('c-qwil-chat-start-modal', { is: QwilChatStartModal });
    Object.assign(element, { recordId: RECORD_ID, clientName: 'Eleanor Whitfield' });
    document.body.appendChild(element);
    return element;
}

const startButton = (element: HTMLElement) => lightningButton(element, 'Start chat')!;
const titleInput = (element: HTMLElement) =>
    shadow(element).querySelector('lightning-input') as unknown as HTMLElement & { value: string };
async function writeFirstMessage(element: HTMLElement, value: string): Promise<void> {
    const field = shadow(element).querySelector('c-qwil-chat-message-field')!;
    field.dispatchEvent(new CustomEvent('change', { detail: { value, sendable: value.trim() !== '' } }));
    await flushPromises();
}
async function addStaff(element: HTMLElement, staff: typeof JAMES): Promise<void> {
    shadow(element)
        .querySelector('c-qwil-staff-search')!
        .dispatchEvent(new CustomEvent('add', { detail: { staff } }));
    await flushPromises();
}
const countLabel = (element: HTMLElement) =>
    normalisedTextSeen(shadow(element).querySelector('[data-id="participant-count"]')!);

describe('c-qwil-chat-start-modal', () => {
    beforeEach(() => mockBeginWrite.mockResolvedValue({ claim: CLAIM, checkAgainInSeconds: null }));
    afterEach(() => {
        document.body.replaceChildren();
        jest.restoreAllMocks();
        jest.clearAllMocks();
    });

    it('starts with the title "New chat" and needs a first message before it can start', async () => {
        const element = render();
        await flushPromises();
        expect(titleInput(element).value).toBe('New chat');
        expect(countLabel(element)).toBe('2 of at most 100 participants: you, Eleanor Whitfield.');
        expect(startButton(element).disabled).toBe(true);
        await writeFirstMessage(element, 'Welcome!');
        expect(startButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('starts the chat with the added staff and the first message, and fires started', async () => {
        mockStart.mockResolvedValue({ chatUuid: CHAT_UUID });
        const element = render();
        const onStarted = jest.fn();
        element.addEventListener('started', onStarted);
        await addStaff(element, JAMES);
        await addStaff(element, JAMES);
        expect(countLabel(element)).toBe('3 of at most 100 participants: you, Eleanor Whitfield and 1 more.');
        titleInput(element).dispatchEvent(new CustomEvent('change', { detail: { value: '  ' } }));
        await writeFirstMessage(element, 'Welcome!');
        startButton(element).click();
        await flushPromises();
        expect(mockStart).toHaveBeenCalledWith({
            recordId: RECORD_ID,
            title: 'New chat',
            staffEntityUserXrefUuids: [JAMES.entityUserXrefUuid],
            text: 'Welcome!',
            idempotencyKey: mockBeginWrite.mock.calls[0]?.[0].idempotencyKey,
            claim: CLAIM
        });
        expect(onStarted.mock.calls[0][0].detail).toEqual({ chatUuid: CHAT_UUID });
        await expect(element).toBeAccessible();
    });

    it('removes added staff', async () => {
        const element = render();
        await addStaff(element, JAMES);
        deepQuery<HTMLButtonElement>(element, `button[data-uuid="${JAMES.entityUserXrefUuid}"]`)!.click();
        await flushPromises();
        expect(countLabel(element)).toBe('2 of at most 100 participants: you, Eleanor Whitfield.');
        await expect(element).toBeAccessible();
    });

    it('stops adding staff at 100 participants', async () => {
        const element = render();
        const others = Array.from({ length: 98 }, (_, i) => ({
            ...JAMES,
            entityUserXrefUuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            name: `Staff ${i}`
        }));
        await others.reduce((previous, person) => previous.then(() => addStaff(element, person)), Promise.resolve());
        expect(countLabel(element)).toBe('100 of at most 100 participants: you, Eleanor Whitfield and 98 more.');
        expect(normalisedTextSeen(element)).toContain('A Qwil chat has at most 100 active participants.');
        expect(shadow(element).querySelector('c-qwil-staff-search')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('keeps the form after a failure; trying again finishes the earlier attempt', async () => {
        mockStart
            .mockRejectedValueOnce(apexError('Qwil is not responding properly right now. Try again in a few minutes.'))
            .mockResolvedValueOnce({ chatUuid: CHAT_UUID });
        const element = render();
        await writeFirstMessage(element, 'Welcome!');
        startButton(element).click();
        await flushPromises();
        expect(normalisedTextSeen(element)).toContain(
            'Qwil did not confirm the new chat. Your entries are kept, and trying again never starts it twice.'
        );
        deepQuery(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(mockStart.mock.calls.map(([params]) => params.text)).toEqual(['Welcome!', 'Welcome!']);
        expect(mockBeginWrite.mock.calls.map(([params]) => params.retry)).toEqual([false, true]);
        expect(new Set(mockStart.mock.calls.map(([params]) => params.idempotencyKey)).size).toBe(1);
        await expect(element).toBeAccessible();
    });

    it('while Qwil has not confirmed an earlier try, says so and checks again instead of starting another chat', async () => {
        const recheck = captureNextTimeout();
        mockStart
            .mockRejectedValueOnce(apexError('Qwil did not answer in time. Try again in a moment.'))
            .mockResolvedValueOnce({ chatUuid: CHAT_UUID });
        mockBeginWrite
            .mockResolvedValueOnce({ claim: CLAIM, checkAgainInSeconds: null })
            .mockResolvedValueOnce({ claim: null, checkAgainInSeconds: 30 })
            .mockResolvedValueOnce({ claim: CLAIM, checkAgainInSeconds: null });
        const element = render();
        const onStarted = jest.fn();
        element.addEventListener('started', onStarted);
        await writeFirstMessage(element, 'Welcome!');
        startButton(element).click();
        await flushPromises();
        deepQuery(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(mockStart).toHaveBeenCalledTimes(1);
        expect(normalisedTextSeen(shadow(element).querySelector('[data-id="checking"]')!)).toBe(
            'Qwil has not confirmed yet whether the chat was started. Checking again in 30 seconds; it will not be done twice.'
        );
        expect(startButton(element).disabled).toBe(true);
        await expect(element).toBeAccessible();
        expect(recheck.delayMs).toBe(30_000);
        recheck.run();
        await flushPromises();
        expect(mockStart).toHaveBeenCalledTimes(2);
        expect(onStarted.mock.calls[0][0].detail).toEqual({ chatUuid: CHAT_UUID });
    });

    it('fires close on Cancel', async () => {
        const element = render();
        const onClose = jest.fn();
        element.addEventListener('close', onClose);
        await flushPromises();
        lightningButton(element, 'Cancel')!.click();
        expect(onClose).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });
});
