import { LightningElement, api } from 'lwc';

type Focusable = HTMLElement & { disabled?: boolean };

/** The element that has focus, looked for through every shadow tree on the way down. */
function deepActiveElement(): HTMLElement | null {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) {
        active = active.shadowRoot.activeElement;
    }
    return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * The shell every dialog of the tab uses: an SLDS modal named by its heading, with the body in the
 * default slot, a spinner while `busy`, the error panel for `errors`, and a footer of Cancel and,
 * when `confirmLabel` is set, the confirming button. Focus moves into the dialog when it opens, Tab
 * keeps it there, and it goes back to where it was when the dialog closes (unless the owner moves
 * it elsewhere). Fires, none of them bubbling: `close` (Cancel, the close button, Escape),
 * `confirm` (the confirming button) and `retry` (Retry in the error panel).
 */
export default class QwilModal extends LightningElement {
    @api heading?: string;
    /** Shows the spinner, named by `busyLabel`, and disables the confirming button. */
    @api busy = false;
    @api busyLabel = 'Working';
    /** A failure to show above the body, with `errorMessage` saying what failed in the user's terms. */
    @api errors?: unknown[];
    @api errorMessage?: string;
    @api cancelLabel = 'Cancel';
    /** The confirming button's label; without it the footer offers Cancel only. */
    @api confirmLabel?: string;
    /** `brand`, or `destructive` for a confirmation that takes something away. */
    @api confirmVariant = 'brand';
    @api confirmDisabled = false;

    private hasFocused = false;
    private focusBeforeOpening: HTMLElement | null = null;

    override connectedCallback(): void {
        this.focusBeforeOpening = deepActiveElement();
    }

    override disconnectedCallback(): void {
        // The owner re-renders after this, so a focus it chooses itself still wins.
        if (this.focusBeforeOpening?.isConnected) {
            this.focusBeforeOpening.focus();
        }
    }

    override renderedCallback(): void {
        if (!this.hasFocused) {
            this.hasFocused = true;
            this.template?.querySelector<HTMLElement>('[data-id="dialog"]')?.focus();
        }
    }

    get ariaBusy(): string {
        return String(this.busy);
    }

    get isConfirmDisabled(): boolean {
        return this.busy || this.confirmDisabled;
    }

    // Tab order runs into a focusable guard at either end of the dialog; each sends focus round to the other end.
    handleFocusBeforeFirst(): void {
        const footerButtons = Array.from(
            this.template?.querySelectorAll<Focusable>('[data-id="footer"] lightning-button') ?? []
        );
        footerButtons
            .filter((button) => !button.disabled)
            .pop()
            ?.focus();
    }

    handleFocusAfterLast(): void {
        this.template?.querySelector<HTMLElement>('[data-id="close"]')?.focus();
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

    handleConfirm(): void {
        if (!this.isConfirmDisabled) {
            this.dispatchEvent(new CustomEvent('confirm'));
        }
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
