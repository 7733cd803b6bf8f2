import { createElement } from 'lwc';
import QwilChatMessageField from '../qwilChatMessageField';
import { flushPromises, normalisedTextSeen, writeInto } from 'jest-support/componentTesting';

function render(value: string): HTMLElement {
    const element = createElement('c-qwil-chat-message-field', { is: QwilChatMessageField });
    Object.assign(element, { label: 'First message', value });
    document.body.appendChild(element);
    return element;
}

function typeText(element: HTMLElement, value: string): void {
    writeInto(element.shadowRoot!.querySelector('textarea')!, value);
}

describe('c-qwil-chat-message-field', () => {
    afterEach(() => document.body.replaceChildren());

    it('counts characters against the 5000 limit and says when the text is too long', async () => {
        const element = render('Hello');
        await flushPromises();
        expect(normalisedTextSeen(element.shadowRoot!.querySelector('[data-id="counter"]')!)).toBe('5 / 5000');
        Object.assign(element, { value: 'x'.repeat(5001) });
        await flushPromises();
        expect(normalisedTextSeen(element.shadowRoot!.querySelector('[data-id="counter"]')!)).toBe(
            '5001 / 5000 · Too long: Qwil takes at most 5000 characters.'
        );
        await expect(element).toBeAccessible();
    });

    it('reports each change and whether Qwil would take the text', async () => {
        const element = render('');
        const changes: unknown[] = [];
        element.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
        typeText(element, '  ');
        typeText(element, 'Hi');
        typeText(element, 'x'.repeat(5001));
        expect(changes).toEqual([
            { value: '  ', sendable: false },
            { value: 'Hi', sendable: true },
            { value: 'x'.repeat(5001), sendable: false }
        ]);
        await expect(element).toBeAccessible();
    });
});
