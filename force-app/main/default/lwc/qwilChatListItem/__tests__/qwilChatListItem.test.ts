import { createElement } from 'lwc';
import QwilChatListItem from '../qwilChatListItem';
import type { ChatSummary } from '../../../../../server/contracts/QwilChatsController';
import { normalisedTextSeen } from 'jest-support/componentTesting';
import { summary } from 'jest-support/data/chats';

function render(chat: ChatSummary): HTMLElement {
    const element = createElement('c-qwil-chat-list-item', { is: QwilChatListItem });
    Object.assign(element, { chat });
    document.body.appendChild(element);
    return element;
}

const query = (element: HTMLElement, selector: string) => element.shadowRoot!.querySelector<HTMLElement>(selector);

describe('c-qwil-chat-list-item', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('shows titles, names and previews from Qwil as typed', async () => {
        const typed = '<img src=x onerror="alert(1)">';
        const element = render(summary({ title: typed, lastMessagePreview: `<script>alert(2)</script>` }));

        expect(query(element, '.chat-title')!.textContent).toBe(typed);
        expect(query(element, '.preview')!.textContent).toContain('<script>alert(2)</script>');
        expect(query(element, 'img, script')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('puts a spaced separator between the time of the last message and its first words, and none without a time', () => {
        const withTime = render(summary({ lastMessageAt: '2025-10-08T09:12:00.000Z', lastMessagePreview: 'Done.' }));
        const withoutTime = render(summary({ lastMessageAt: null, lastMessagePreview: 'Done.' }));

        expect(query(withTime, '.preview')!.textContent).toBe(' · Done.');
        expect(query(withoutTime, '.preview')!.textContent).toBe('Done.');
    });

    it('fires open when the title is chosen', () => {
        const element = render(summary({ title: 'Pension transfer' }));
        const onOpen = jest.fn();
        element.addEventListener('open', onOpen);

        query(element, '[data-id="open"]')!.click();

        expect(onOpen).toHaveBeenCalledTimes(1);
        expect(normalisedTextSeen(element)).toContain('Pension transfer');
    });
});
