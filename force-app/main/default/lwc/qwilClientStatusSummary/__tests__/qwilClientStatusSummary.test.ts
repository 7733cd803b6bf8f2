import { createElement } from 'lwc';
import QwilClientStatusSummary from '../qwilClientStatusSummary';

function renderSummary(status?: string): HTMLElement {
    const element = createElement('c-qwil-client-status-summary', { is: QwilClientStatusSummary });
    Object.assign(element, { status });
    document.body.appendChild(element);
    return element;
}

describe('c-qwil-client-status-summary', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it.each([
        ['not_invited', 'This client has not been invited to Qwil Messenger.'],
        ['pending', 'Invitation sent; the client has not joined yet.'],
        ['active', 'The client has joined and can message your firm securely.'],
        ['suspended', "The client's access is paused. Their chats are kept and access can be restored."],
        ['deactivated', "The client's Qwil account is closed for good; they can no longer take part in chats."]
    ])('explains what %s means and shows the badge for it', async (status, explanation) => {
        const element = renderSummary(status);

        expect(element.shadowRoot!.querySelector('p')?.textContent).toBe(explanation);
        const badge = element.shadowRoot!.querySelector<HTMLElement & { status?: string }>('c-qwil-status-badge');
        expect(badge?.status).toBe(status);
        await expect(element).toBeAccessible();
    });

    it('shows nothing until it has a status', async () => {
        const element = renderSummary(undefined);

        expect(element.shadowRoot!.querySelector('p')).toBeNull();
        expect(element.shadowRoot!.querySelector('c-qwil-status-badge')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
