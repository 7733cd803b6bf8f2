import { LightningElement, api } from 'lwc';

type Focusable = HTMLElement & { disabled?: boolean };

/**
 * The frame of an SLDS modal dialog, named by its heading: body in the default slot, buttons in
 * the `footer` slot. Focus moves into the dialog when it opens and Tab keeps it there, wrapping
 * between the close button and the last footer button. Fires `close` (no detail, does not
 * bubble) on the close button and on Escape; the owner removes it and puts focus back.
 */
export default class QwilModal extends LightningElement {
    @api heading?: string;

    private hasFocused = false;

    override renderedCallback(): void {
        if (!this.hasFocused) {
            this.hasFocused = true;
            this.template?.querySelector<HTMLElement>('[data-id="dialog"]')?.focus();
        }
    }

    // Tab order runs into a focusable guard at either end of the dialog; each sends focus round to the other end.
    handleFocusBeforeFirst(): void {
        const footerButtons = Array.from(
            this.querySelectorAll<Focusable>('[slot="footer"] button, [slot="footer"] lightning-button')
        );
        const lastEnabled = footerButtons.filter((button) => !button.disabled).pop();
        (lastEnabled ?? this.closeButton())?.focus();
    }

    handleFocusAfterLast(): void {
        this.closeButton()?.focus();
    }

    handleKeyDown(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.handleClose();
        }
    }

    handleClose(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    private closeButton(): HTMLElement | null {
        return this.template?.querySelector<HTMLElement>('[data-id="close"]') ?? null;
    }
}
