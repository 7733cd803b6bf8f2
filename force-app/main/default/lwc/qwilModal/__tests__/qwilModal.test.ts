import { createElement } from 'lwc';
import QwilModal from '../qwilModal';
import { flushPromises, normalisedTextSeen } from 'jest-support/componentTesting';

type ButtonStub = HTMLElement & { label?: string; disabled?: boolean };

function renderModal(properties: Record<string, unknown> = {}): HTMLElement {
    const element = createElement('c-qwil-modal', { is: QwilModal });
    Object.assign(element, { heading: 'Invite to Qwil Messenger', ...properties });
    document.body.appendChild(element);
    return element;
}

const dialogOf = (element: HTMLElement) => element.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
const footerButtons = (element: HTMLElement) =>
    Array.from(element.shadowRoot!.querySelectorAll<ButtonStub>('[data-id="footer"] lightning-button'));
const footerButton = (element: HTMLElement, label: string) =>
    footerButtons(element).find((button) => button.label === label);
const closeButton = (element: HTMLElement) => element.shadowRoot!.querySelector<HTMLElement>('[data-id="close"]')!;

describe('c-qwil-modal', () => {
    afterEach(() => {
        jest.restoreAllMocks();
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

    it('gives focus back to what had it when the dialog closes', async () => {
        const opener = document.createElement('button');
        document.body.appendChild(opener);
        opener.focus();
        const element = renderModal();
        await flushPromises();
        expect(document.activeElement).toBe(element);

        element.remove();

        expect(document.activeElement).toBe(opener);
    });

    it('fires close on Escape, the close button and Cancel, and not on other keys', async () => {
        const element = renderModal();
        const onClose = jest.fn();
        element.addEventListener('close', onClose);

        dialogOf(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        expect(onClose).not.toHaveBeenCalled();
        dialogOf(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect(onClose).toHaveBeenCalledTimes(1);
        closeButton(element).click();
        expect(onClose).toHaveBeenCalledTimes(2);
        footerButton(element, 'Cancel')!.click();
        expect(onClose).toHaveBeenCalledTimes(3);
        await expect(element).toBeAccessible();
    });

    it('offers Cancel only until a confirming label is given, then fires confirm from that button', async () => {
        const element = renderModal();
        expect(footerButtons(element).map((button) => button.label)).toEqual(['Cancel']);

        Object.assign(element, { confirmLabel: 'Delete group', confirmVariant: 'destructive' });
        await flushPromises();
        const onConfirm = jest.fn();
        element.addEventListener('confirm', onConfirm);
        const confirm = footerButton(element, 'Delete group')!;
        expect(confirm.getAttribute('variant') ?? (confirm as ButtonStub & { variant?: string }).variant).toBe(
            'destructive'
        );
        confirm.click();

        expect(onConfirm).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('while busy shows the named spinner and does not confirm', async () => {
        const element = renderModal({
            confirmLabel: 'Send invitation',
            busy: true,
            busyLabel: 'Sending the invitation'
        });
        const onConfirm = jest.fn();
        element.addEventListener('confirm', onConfirm);

        const spinner = element.shadowRoot!.querySelector<HTMLElement & { alternativeText?: string }>(
            'lightning-spinner'
        );
        expect(spinner?.alternativeText).toBe('Sending the invitation');
        expect(dialogOf(element).getAttribute('aria-busy')).toBe('true');
        const confirm = footerButton(element, 'Send invitation')!;
        expect(confirm.disabled).toBe(true);
        confirm.click();
        expect(onConfirm).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('shows a failure in the error panel and fires retry from it', async () => {
        const element = renderModal({
            errors: [{ body: { message: 'Qwil is unavailable.' } }],
            errorMessage: 'The invitation could not be sent'
        });
        const onRetry = jest.fn();
        element.addEventListener('retry', onRetry);

        expect(normalisedTextSeen(element)).toContain('The invitation could not be sent Qwil is unavailable.');
        element.shadowRoot!.querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));

        expect(onRetry).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('keeps Tab inside the dialog: past the end to the close button, before the start to the last enabled footer button', async () => {
        const element = renderModal({ confirmLabel: 'Save', confirmDisabled: true });
        await flushPromises();
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');

        element.shadowRoot!.querySelector<HTMLElement>('[data-id="end-guard"]')!.focus();
        expect(focus.mock.contexts.at(-1)).toBe(closeButton(element));

        element.shadowRoot!.querySelector<HTMLElement>('[data-id="start-guard"]')!.focus();
        expect(focus.mock.contexts.at(-1)).toBe(footerButton(element, 'Cancel'));

        Object.assign(element, { confirmDisabled: false });
        await flushPromises();
        dialogOf(element).focus();
        element.shadowRoot!.querySelector<HTMLElement>('[data-id="start-guard"]')!.focus();
        expect(focus.mock.contexts.at(-1)).toBe(footerButton(element, 'Save'));
        await expect(element).toBeAccessible();
    });
});
