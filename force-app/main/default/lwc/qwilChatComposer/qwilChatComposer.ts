import { LightningElement, api } from 'lwc';
import sendMessage from '@salesforce/apex/QwilChatsController.sendMessage';
import { OnceAction, checkingNotice } from 'c/qwilExactlyOnce';
import type { ChatMessage } from '../../../../server/contracts/QwilChatsController';

/** One draft: every attempt to send it is the same action, so it can never post twice. */
interface Draft {
    readonly action: OnceAction;
    readonly text: string;
    readonly afterSeq: number;
}

/**
 * Writes and sends a message (1–5000 characters, with a counter). A failed send keeps the draft
 * and offers Retry, which repeats the same action: while Qwil may still post the earlier attempt,
 * the composer says so and checks again by itself instead of posting. Fires `sent` (does not
 * bubble) with `detail.message`, the message as Qwil stored it.
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
    checking?: string;

    private unsent?: Draft;

    get cannotSend(): boolean {
        return this.isSending || Boolean(this.checking) || !this.draftSendable;
    }

    override disconnectedCallback(): void {
        this.unsent?.action.stop();
    }

    handleDraftChange(event: CustomEvent<{ value: string; sendable: boolean }>): void {
        this.draft = event.detail.value;
        this.draftSendable = event.detail.sendable;
    }

    handleSend(): void {
        if (this.cannotSend) return;
        const draft =
            this.unsent?.text === this.draft
                ? this.unsent
                : { action: new OnceAction(), text: this.draft, afterSeq: this.afterSeq };
        this.attempt(draft);
    }

    handleRetry(): void {
        if (this.unsent && !this.isSending && !this.checking) this.attempt(this.unsent);
    }

    /** Never rejects: a failure keeps the draft for Retry and shows the error panel. */
    private async attempt(draft: Draft): Promise<void> {
        this.isSending = true;
        this.errors = undefined;
        this.checking = undefined;
        this.unsent = draft;
        try {
            const outcome = await draft.action.attempt((once) =>
                sendMessage({
                    recordId: this.recordId ?? '',
                    chatUuid: this.chatUuid ?? '',
                    text: draft.text,
                    afterSeq: draft.afterSeq,
                    ...once
                })
            );
            if (!outcome.done) {
                this.checking = checkingNotice('your message was sent', outcome.checkAgainInSeconds);
                draft.action.recheckAfter(outcome.checkAgainInSeconds, () => this.attempt(draft));
                return;
            }
            this.unsent = undefined;
            // What was typed while the composer checked is a new draft; keep it.
            if (this.draft === draft.text) {
                this.draft = '';
                this.draftSendable = false;
            }
            this.dispatchEvent(
                new CustomEvent<{ message: ChatMessage }>('sent', { detail: { message: outcome.result.message } })
            );
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isSending = false;
        }
    }
}
