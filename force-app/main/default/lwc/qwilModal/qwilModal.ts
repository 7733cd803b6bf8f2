import { LightningElement, api } from 'lwc';

/**
 * The frame of an SLDS modal dialog, named by its heading: body in the default slot, buttons in
 * the `footer` slot. Focus moves into the dialog when it opens. Fires `close` (no detail, does
 * not bubble) on the close button and on Escape; the owner removes it and puts focus back.
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

    handleKeyDown(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.handleClose();
        }
    }

    handleClose(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
