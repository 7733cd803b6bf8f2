import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/qwilLdsUtils';

const UNKNOWN_ERROR = 'Something went wrong. Try again, or ask your administrator if it keeps happening.';

/**
 * Shows what went wrong in words a user can act on, with a Retry button.
 * Fires `retry` (no detail, does not bubble) when the button is clicked.
 */
export default class QwilErrorPanel extends LightningElement {
    /** What the platform rejected with: one error or a list, in any of its shapes. */
    @api errors: unknown;
    /** What failed, in the user's terms. */
    @api friendlyMessage = 'Qwil Messenger could not be loaded';

    get messages(): string[] {
        const messages = [...new Set(reduceErrors(this.errors))];
        return messages.length > 0 ? messages : [UNKNOWN_ERROR];
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
