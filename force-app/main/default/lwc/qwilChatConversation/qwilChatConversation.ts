import { LightningElement, api } from 'lwc';
import { participantsLabel } from 'c/qwilChatParticipants';
import openChat from '@salesforce/apex/QwilChatsController.openChat';
import loadOlderMessages from '@salesforce/apex/QwilChatsController.loadOlderMessages';
import loadNewMessages from '@salesforce/apex/QwilChatsController.loadNewMessages';
import { subscribeToPoll } from 'c/qwilLivePoll';
import { MessageWindow } from './messageWindow';
import type { ChatMessage, OpenedChat } from '../../../../server/contracts/QwilChatsController';

const formatSize = (bytes: number): string =>
    bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface MessageRow {
    key: number;
    senderLabel: string;
    text: string;
    sentAt: string;
    replyLabel: string | null;
    attachments: { key: string; label: string }[];
    cssClass: string;
}

/**
 * One chat: its newest page of messages first, older pages on request, new messages on the page's
 * shared poll (paused while the browser tab is hidden) and a composer when the user may write.
 * Fires `back` (does not bubble) when the user returns to the chat list, and `exportavailability`
 * (does not bubble; detail: whether the chat may be downloaded, and why not) each time it has loaded.
 */
export default class QwilChatConversation extends LightningElement {
    @api recordId?: string;
    @api chatUuid?: string;

    opened?: OpenedChat;
    errors?: unknown[];
    isLoading = false;
    isLoadingOlder = false;
    // What the template shows of the window, copied after each change (the window itself is not reactive).
    shownMessages: readonly ChatMessage[] = [];
    hasOlder = false;
    awayFromNewest = false;
    newestSeq = 0;

    private readonly window = new MessageWindow();
    // Once the chat has loaded, focus moves to its title, so keyboard and screen reader users land in it.
    private focusTitle = true;
    private isPolling = false;
    private stopPolling?: () => void;

    override connectedCallback(): void {
        this.stopPolling = subscribeToPoll(() => this.pollNow());
        this.loadLatest();
    }

    override disconnectedCallback(): void {
        this.stopPolling?.();
        this.stopPolling = undefined;
    }

    override renderedCallback(): void {
        if (this.focusTitle && this.opened) {
            this.template?.querySelector<HTMLElement>('[data-id="title"]')?.focus();
            this.focusTitle = false;
        }
    }

    get chatTitle(): string {
        return this.opened?.chat.title ?? '';
    }

    get participantsLabel(): string {
        return this.opened ? participantsLabel(this.opened.chat) : '';
    }

    /** Between sender and time; in the template itself, the compiler would drop the spaces around it. */
    get separator(): string {
        return ' · ';
    }

    get rows(): MessageRow[] {
        const former = new Set(
            (this.opened?.chat.participants ?? []).filter((p) => p.former).map((p) => p.entityUserXrefUuid)
        );
        const bySeq = new Map(this.shownMessages.map((m) => [m.seq, m]));
        return this.shownMessages.map((message) => this.rowOf(message, former, bySeq));
    }

    get canSend(): boolean {
        return Boolean(this.opened && !this.opened.cannotSendReason && !this.awayFromNewest);
    }

    handleBack(): void {
        this.dispatchEvent(new CustomEvent('back'));
    }

    handleRetry(): void {
        this.loadLatest();
    }

    handleShowLatest(): void {
        this.loadLatest();
    }

    async handleLoadOlder(): Promise<void> {
        const cursor = this.window.olderCursor;
        if (!cursor || this.isLoadingOlder) return;
        this.isLoadingOlder = true;
        try {
            this.window.addOlder(
                await loadOlderMessages({ recordId: this.recordId ?? '', chatUuid: this.chatUuid ?? '', cursor })
            );
            this.syncWindow();
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isLoadingOlder = false;
        }
    }

    handleSent(event: CustomEvent<{ message: ChatMessage }>): void {
        this.addNewer([event.detail.message]);
    }

    private rowOf(
        message: ChatMessage,
        former: ReadonlySet<string>,
        bySeq: ReadonlyMap<number, ChatMessage>
    ): MessageRow {
        const sender = message.sender;
        const repliedTo = message.replyToSeq === null ? undefined : bySeq.get(message.replyToSeq);
        const replyLabel =
            message.replyToSeq === null
                ? null
                : repliedTo
                  ? `Reply to ${repliedTo.sender.name}: ${repliedTo.text.slice(0, 80)}`
                  : `Reply to message #${message.replyToSeq}`;
        return {
            key: message.seq,
            senderLabel: `${sender.name}${sender.isYou ? ' (you)' : ''}${former.has(sender.entityUserXrefUuid) ? ' (former participant)' : ''}`,
            text: message.text,
            sentAt: message.sentAt,
            replyLabel,
            attachments: message.attachments.map((a, i) => ({
                key: `${message.seq}-${i}`,
                label: `${a.fileName} (${a.contentType}, ${formatSize(a.sizeBytes)})`
            })),
            cssClass: `slds-p-around_x-small slds-m-bottom_x-small message${sender.isYou ? ' message_mine' : ''}`
        };
    }

    private addNewer(messages: readonly ChatMessage[]): void {
        if (this.window.addNewer(messages)) {
            this.syncWindow();
        } else {
            this.loadLatest();
        }
    }

    private syncWindow(): void {
        this.shownMessages = this.window.messages;
        this.hasOlder = this.window.olderCursor !== null;
        this.awayFromNewest = !this.window.atNewest;
        this.newestSeq = this.window.newestSeq;
    }

    /** Never rejects: a failure is shown in the error panel. */
    private async loadLatest(): Promise<void> {
        this.isLoading = true;
        this.errors = undefined;
        try {
            this.opened = await openChat({ recordId: this.recordId ?? '', chatUuid: this.chatUuid ?? '' });
            this.window.showLatest(this.opened);
            this.syncWindow();
            this.dispatchEvent(new CustomEvent('exportavailability', { detail: this.opened.exportAvailability }));
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isLoading = false;
        }
    }

    /** Asks for messages after the newest shown; skipped while busy, closed or away from the newest end. */
    private pollNow(): void {
        if (!this.stopPolling || this.isPolling || this.isLoading || !this.opened || !this.window.atNewest) return;
        this.isPolling = true;
        loadNewMessages({
            recordId: this.recordId ?? '',
            chatUuid: this.chatUuid ?? '',
            afterSeq: this.window.newestSeq
        })
            .then((fresh) => (fresh.complete ? this.addNewer(fresh.messages) : this.loadLatest()))
            // A failed poll is retried at the next tick; the user keeps reading meanwhile.
            .catch(() => undefined)
            .finally(() => {
                this.isPolling = false;
            });
    }
}
