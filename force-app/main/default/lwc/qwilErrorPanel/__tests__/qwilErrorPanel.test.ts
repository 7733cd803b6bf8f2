import { createElement } from 'lwc';
import QwilErrorPanel from '../qwilErrorPanel';

function renderPanel(properties: { errors: unknown; friendlyMessage?: string }): HTMLElement {
    const element = createElement('c-qwil-error-panel', { is: QwilErrorPanel });
    Object.assign(element, properties);
    document.body.appendChild(element);
    return element;
}

function messagesShown(element: HTMLElement): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll('li'), (item) => item.textContent ?? '');
}

describe('c-qwil-error-panel', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('alerts the user with the server message', async () => {
        const element = renderPanel({
            errors: { status: 500, body: { message: 'Qwil Messenger is not configured, ask your administrator.' } }
        });

        const alert = element.shadowRoot!.querySelector('[role="alert"]');
        expect(alert?.textContent).toContain('Qwil Messenger could not be loaded');
        expect(messagesShown(element)).toEqual(['Qwil Messenger is not configured, ask your administrator.']);
        await expect(element).toBeAccessible();
    });

    it('lists each distinct message once, under the heading it is given', async () => {
        const element = renderPanel({
            friendlyMessage: 'The invitation could not be sent',
            errors: [
                { body: { message: 'Email is taken' } },
                { body: { message: 'Email is taken' } },
                new Error('Timeout')
            ]
        });

        expect(element.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain(
            'The invitation could not be sent'
        );
        expect(messagesShown(element)).toEqual(['Email is taken', 'Timeout']);
        await expect(element).toBeAccessible();
    });

    it('falls back to a general message when the error says nothing', async () => {
        const element = renderPanel({ errors: {} });

        expect(messagesShown(element)).toEqual([
            'Something went wrong. Try again, or ask your administrator if it keeps happening.'
        ]);
        await expect(element).toBeAccessible();
    });

    it('fires retry when Retry is clicked', async () => {
        const element = renderPanel({ errors: new Error('Timeout') });
        const onRetry = jest.fn();
        element.addEventListener('retry', onRetry);

        const retryButton = element.shadowRoot!.querySelector<HTMLElement & { label?: string }>('lightning-button');
        expect(retryButton?.label).toBe('Retry');
        retryButton?.click();

        expect(onRetry).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });
});
