import { createElement } from 'lwc';
import QwilModal from '../qwilModal';
import { flushPromises } from 'jest-support/componentTesting';

function renderModal(): HTMLElement {
    const element = createElement('c-qwil-modal', { is: QwilModal });
    Object.assign(element, { heading: 'Invite to Qwil Messenger' });
    document.body.appendChild(element);
    return element;
}

function dialogOf(element: HTMLElement): HTMLElement {
    return element.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
}

describe('c-qwil-modal', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('is a modal dialog named by its heading', async () => {
        const element = renderModal();

        const dialog = dialogOf(element);
        expect(dialog.getAttribute('aria-modal')).toBe('true');
        const heading = element.shadowRoot!.querySelector(`[id="${dialog.getAttribute('aria-labelledby')}"]`);
        expect(heading?.textContent).toBe('Invite to Qwil Messenger');
        await expect(element).toBeAccessible();
    });

    it('moves focus into the dialog when it opens', async () => {
        const element = renderModal();
        await flushPromises();

        expect(element.shadowRoot!.activeElement).toBe(dialogOf(element));
        await expect(element).toBeAccessible();
    });

    it('fires close on Escape and on the close button, and not on other keys', async () => {
        const element = renderModal();
        const onClose = jest.fn();
        element.addEventListener('close', onClose);

        dialogOf(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        expect(onClose).not.toHaveBeenCalled();
        dialogOf(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect(onClose).toHaveBeenCalledTimes(1);
        element.shadowRoot!.querySelector<HTMLButtonElement>('button[title="Close"]')!.click();
        expect(onClose).toHaveBeenCalledTimes(2);
        await expect(element).toBeAccessible();
    });

    it('keeps Tab inside the dialog: past the end to the close button, before the start to the close button when nothing follows', async () => {
        const element = renderModal();
        await flushPromises();
        const closeButton = element.shadowRoot!.querySelector('button[title="Close"]');

        element.shadowRoot!.querySelector<HTMLElement>('[data-id="end-guard"]')!.focus();
        expect(element.shadowRoot!.activeElement).toBe(closeButton);

        element.shadowRoot!.querySelector<HTMLElement>('[data-id="start-guard"]')!.focus();
        expect(element.shadowRoot!.activeElement).toBe(closeButton);
        await expect(element).toBeAccessible();
    });
});
