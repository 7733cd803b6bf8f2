import { LightningElement, api } from 'lwc';
import sendMessage from '@salesforce/apex/QwilChatsController.sendMessage';
import type { ChatMessage } from '../../../../server/contracts/chats';
import { newIdempotencyKey } from './idempotencyKey';

/** One draft's attempts share a key, so Retry can never post it twice. */
interface Attempt {
    readonly idempotencyKey: string;
    readonly text: string;
    readonly afterSeq: number;
}

/**
 * Writes and sends a message (1–5000 characters, with a counter). A failed send keeps the draft
 * and offers Retry, which repeats the same attempt. Fires `sent` (does not bubble) with
 * `detail.message`, the message as Qwil stored it.
 */
export default class QwilChatComposer extends LightningElement {
    @api recordId?: string;
    @api chatUuid?: string;
    /** The newest message the page shows when the draft is sent. */
    @api afterSeq = 0;

    draft = '';
    draftSendable = false;
    isSending = false;
    errors?: unknown[];

    private failedAttempt?: Attempt;

    get cannotSend(): boolean {
        return this.isSending || !this.draftSendable;
    }

    handleDraftChange(event: CustomEvent<{ value: string; sendable: boolean }>): void {
        this.draft = event.detail.value;
        this.draftSendable = event.detail.sendable;
    }

    handleSend(): void {
        if (this.cannotSend) return;
        const sameDraft = this.failedAttempt?.text === this.draft;
        const attempt = sameDraft && this.failedAttempt ? this.failedAttempt : { idempotencyKey: newIdempotencyKey(), text: this.draft, afterSeq: this.afterSeq };
        this.attempt(attempt, sameDraft);
    }

    handleRetry(): void {
        if (this.failedAttempt && !this.isSending) this.attempt(this.failedAttempt, true);
    }

    /** Never rejects: a failure keeps the attempt for Retry and shows the error panel. */
    private async attempt(attempt: Attempt, retry: boolean): Promise<void> {
        this.isSending = true;
        this.errors = undefined;
        try {
            const { message } = await sendMessage({ recordId: this.recordId ?? '', chatUuid: this.chatUuid ?? '', ...attempt, retry });
            this.failedAttempt = undefined;
            this.draft = '';
            this.draftSendable = false;
            this.dispatchEvent(new CustomEvent<{ message: ChatMessage }>('sent', { detail: { message } }));
        } catch (error) {
            this.failedAttempt = attempt;
            this.errors = [error];
        } finally {
            this.isSending = false;
        }
    }
}
