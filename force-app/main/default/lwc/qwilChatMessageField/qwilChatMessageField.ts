import { LightningElement, api } from 'lwc';

/** Qwil's documented limit; the server's contract (contracts/QwilChatsController.ts) enforces the same. */
const MESSAGE_MAX_LENGTH = 5000;

/**
 * A message text area with Qwil's length limit and a live character counter.
 * Fires `change` (does not bubble) as the user types, with `detail.value` and `detail.sendable`:
 * whether Qwil would take it (1–5000 characters, not only spaces).
 */
export default class QwilChatMessageField extends LightningElement {
    @api label = 'Message';
    @api value = '';
    @api disabled = false;

    get counter(): string {
        return `${this.value.length} / ${MESSAGE_MAX_LENGTH}`;
    }

    get isTooLong(): boolean {
        return this.value.length > MESSAGE_MAX_LENGTH;
    }

    get maxLength(): number {
        return MESSAGE_MAX_LENGTH;
    }

    override renderedCallback(): void {
        // A textarea's text is its live value, not an attribute: a cleared draft must clear it here.
        const textarea = this.template?.querySelector('textarea');
        if (textarea && textarea.value !== this.value) textarea.value = this.value;
    }

    handleInput(event: Event): void {
        const { value } = event.target as HTMLTextAreaElement;
        const sendable = value.trim() !== '' && value.length <= MESSAGE_MAX_LENGTH;
        this.dispatchEvent(new CustomEvent('change', { detail: { value, sendable } }));
    }
}
