import { createElement } from 'lwc';
import QwilChats from '../qwilChats';
import listChats from '@salesforce/apex/QwilChatsController.listChats';
import openChat from '@salesforce/apex/QwilChatsController.openChat';
import type { ChatListPage } from '../../../../../server/contracts/QwilChatsController';
import type { ClientState } from '../../../../../server/contracts/clientState';
import { apexError, flushPromises, normalisedTextSeen, shadow, deepQuery } from 'jest-support/componentTesting';
import { CHAT_UUID, ELEANOR, NOAH, OLIVIA, openedChat, RECORD_ID, summary } from 'jest-support/data/chats';
import { staffWordProblems } from 'jest-support/staffWords';

jest.mock('@salesforce/apex/QwilChatsController.listChats', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilChatsController.openChat', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilChatsController.loadOlderMessages', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilChatsController.loadNewMessages', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilChatsController.sendMessage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilChatsController.startChat', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilConnectorController.searchActiveStaff', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockList = jest.mocked(listChats);
const mockOpen = jest.mocked(openChat);

const SECOND_UUID = '66666666-6666-4666-8666-666666666666';
function listPage(overrides: Partial<ChatListPage> = {}): ChatListPage {
    return {
        visibility: 'View Own Chats',
        clientName: 'Eleanor Whitfield',
        chats: [summary()],
        nextCursor: null,
        startChatUnavailableReason: null,
        exportAvailability: { allowed: false, reason: 'Exports are off: the key lacks the permission.' },
        ...overrides
    };
}

async function render(clientStatus: ClientState['status'] = 'active'): Promise<HTMLElement> {
    const element = createElement('c-qwil-chats', { is: QwilChats });
    Object.assign(element, { recordId: RECORD_ID, clientStatus });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}
const chatRows = (element: HTMLElement) =>
    Array.from(shadow(element).querySelectorAll('ul[data-id="chats"] > li'), normalisedTextSeen);
const chatItem = (element: HTMLElement, uuid: string) =>
    shadow(element).querySelector<HTMLElement>(`c-qwil-chat-list-item[data-uuid="${uuid}"]`)!;
const chatTitle = (element: HTMLElement, uuid: string) =>
    chatItem(element, uuid).shadowRoot!.querySelector<HTMLButtonElement>('[data-id="open"]')!;
const byId = (element: HTMLElement, id: string) =>
    shadow(element).querySelector<HTMLButtonElement>(`[data-id="${id}"]`);

describe('c-qwil-chats', () => {
    afterEach(() => {
        document.body.replaceChildren();
        jest.clearAllMocks();
    });

    it('lists the chats again when the browser tab is shown again', async () => {
        mockList.mockResolvedValue(listPage());
        await render();
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        await flushPromises();
        expect(mockList).toHaveBeenCalledTimes(2);
        document.body.replaceChildren();
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        await flushPromises();
        expect(mockList).toHaveBeenCalledTimes(2);
    });

    it('lists each chat with title, markers, participants, last message time and preview', async () => {
        mockList.mockResolvedValue(
            listPage({
                chats: [
                    summary({
                        title: 'Pension transfer',
                        participants: [OLIVIA, ELEANOR, NOAH],
                        lastMessagePreview: 'The analysis is complete.'
                    }),
                    summary({
                        chatUuid: SECOND_UUID,
                        title: 'Desk notes',
                        staffOnly: true,
                        archived: true,
                        lastMessagePreview: null
                    })
                ]
            })
        );
        const element = await render();
        expect(mockList).toHaveBeenCalledWith({ recordId: RECORD_ID, cursor: null });
        const [first, second] = chatRows(element);
        expect(first).toBe(
            'Pension transfer Olivia Hart (you), Eleanor Whitfield, Noah Fischer (former participant) · The analysis is complete.'
        );
        expect(second).toBe('Desk notes Staff only Archived Olivia Hart (you), Eleanor Whitfield');
        expect((deepQuery(element, 'c-qwil-date-time') as unknown as { value: string }).value).toBe(
            '2025-10-08T09:12:00.000Z'
        );
        expect(normalisedTextSeen(byId(element, 'visibility')!)).toBe(
            'Showing the chats of this client that you take or took part in.'
        );
        expect(staffWordProblems(normalisedTextSeen(element))).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('acknowledges participants the user cannot see in Salesforce by a count, after the names', async () => {
        mockList.mockResolvedValue(
            listPage({
                chats: [
                    summary({
                        title: 'Joint review',
                        participants: [OLIVIA, ELEANOR],
                        hiddenClientCount: 1,
                        lastMessagePreview: null
                    })
                ]
            })
        );
        const element = await render();
        expect(chatRows(element)).toEqual([
            'Joint review Olivia Hart (you), Eleanor Whitfield, 1 client you cannot see in Salesforce'
        ]);
    });

    it('pages with Show more chats, never listing a chat twice', async () => {
        mockList
            .mockResolvedValueOnce(listPage({ nextCursor: 'page-2' }))
            .mockResolvedValueOnce(
                listPage({ chats: [summary(), summary({ chatUuid: SECOND_UUID, title: 'Older chat' })] })
            );
        const element = await render();
        byId(element, 'more')!.click();
        await flushPromises();
        expect(mockList).toHaveBeenLastCalledWith({ recordId: RECORD_ID, cursor: 'page-2' });
        expect(chatRows(element).map((row) => row.split(' Olivia')[0])).toEqual(['Q3 portfolio review', 'Older chat']);
        expect(byId(element, 'more')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says why exports are not offered, and says nothing when they are', async () => {
        mockList.mockResolvedValueOnce(listPage());
        const element = await render();
        expect(normalisedTextSeen(byId(element, 'export-unavailable')!)).toBe(
            'Exports are off: the key lacks the permission.'
        );
        await expect(element).toBeAccessible();
        document.body.replaceChildren();
        mockList.mockResolvedValueOnce(listPage({ exportAvailability: { allowed: true, reason: null } }));
        expect(byId(await render(), 'export-unavailable')).toBeNull();
    });

    it('offers Start a chat only when the server allows it, saying why not', async () => {
        mockList.mockResolvedValue(
            listPage({
                startChatUnavailableReason:
                    'A chat can be started only with an Active Qwil client; this client is Suspended.'
            })
        );
        const element = await render('suspended');
        expect(byId(element, 'start')!.disabled).toBe(true);
        expect(normalisedTextSeen(byId(element, 'start-unavailable')!)).toContain('this client is Suspended');
        await expect(element).toBeAccessible();
    });

    it('opens the start dialog and then the started chat', async () => {
        mockList.mockResolvedValue(listPage());
        mockOpen.mockResolvedValue(openedChat());
        const element = await render();
        byId(element, 'start')!.click();
        await flushPromises();
        const modal = shadow(element).querySelector('c-qwil-chat-start-modal')!;
        expect((modal as unknown as { clientName: string }).clientName).toBe('Eleanor Whitfield');
        modal.dispatchEvent(new CustomEvent('started', { detail: { chatUuid: CHAT_UUID } }));
        await flushPromises();
        expect(shadow(element).querySelector('c-qwil-chat-start-modal')).toBeNull();
        expect(
            (shadow(element).querySelector('c-qwil-chat-conversation') as unknown as { chatUuid: string }).chatUuid
        ).toBe(CHAT_UUID);
        await expect(element).toBeAccessible();
    });

    it('offers downloads of an open chat as checked when it opened, not as the list said earlier', async () => {
        mockList.mockResolvedValue(listPage({ exportAvailability: { allowed: true, reason: null } }));
        mockOpen.mockResolvedValueOnce(
            openedChat({ exportAvailability: { allowed: false, reason: 'Downloads of chats are turned off.' } })
        );
        const element = await render();
        const open = () => chatTitle(element, CHAT_UUID);
        open().click();
        await flushPromises();
        expect(shadow(element).querySelector('c-qwil-chat-export')).toBeNull();

        shadow(element).querySelector('c-qwil-chat-conversation')!.dispatchEvent(new CustomEvent('back'));
        await flushPromises();
        mockOpen.mockResolvedValueOnce(openedChat({ exportAvailability: { allowed: true, reason: null } }));
        open().click();
        await flushPromises();
        expect(shadow(element).querySelector('c-qwil-chat-export')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('opens a chat and comes back to a fresh list', async () => {
        mockList.mockResolvedValue(listPage());
        mockOpen.mockResolvedValue(openedChat());
        const element = await render();
        chatTitle(element, CHAT_UUID).click();
        await flushPromises();
        const conversation = shadow(element).querySelector('c-qwil-chat-conversation')!;
        expect(mockOpen).toHaveBeenCalledWith({ recordId: RECORD_ID, chatUuid: CHAT_UUID });
        conversation.dispatchEvent(new CustomEvent('back'));
        await flushPromises();
        expect(mockList).toHaveBeenCalledTimes(2);
        expect(chatRows(element)).toHaveLength(1);
        expect(shadow(element).activeElement).toBe(chatItem(element, CHAT_UUID));
        expect(chatItem(element, CHAT_UUID).shadowRoot!.activeElement).toBe(chatTitle(element, CHAT_UUID));
        await expect(element).toBeAccessible();
    });

    it('does not ask the server about a client who is not on Qwil', async () => {
        const element = await render('not_invited');
        expect(mockList).not.toHaveBeenCalled();
        expect(normalisedTextSeen(byId(element, 'not-on-qwil')!)).toBe('Chats appear here once the client is on Qwil.');
        await expect(element).toBeAccessible();
    });

    it("lists the client's chats once the tab shows them on Qwil (invited while the page is shown)", async () => {
        mockList.mockResolvedValue(listPage());
        const element = await render('not_invited');
        Object.assign(element, { clientStatus: 'pending' });
        await flushPromises();
        expect(mockList).toHaveBeenCalledTimes(1);
        expect(chatRows(element)).toHaveLength(1);
        expect(byId(element, 'not-on-qwil')).toBeNull();
        Object.assign(element, { clientStatus: 'active' });
        await flushPromises();
        expect(mockList).toHaveBeenCalledTimes(1);
    });

    it('shows a failure with Retry', async () => {
        mockList
            .mockRejectedValueOnce(apexError('Qwil is not responding properly right now.'))
            .mockResolvedValueOnce(listPage());
        const element = await render();
        expect(normalisedTextSeen(element)).toContain('The chats could not be loaded');
        shadow(element).querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(chatRows(element)).toHaveLength(1);
        await expect(element).toBeAccessible();
    });
});
