import type { ChatMessage, MessagePage } from '../../../../server/contracts/QwilChatsController';

/** Two pages of history (100 messages each): enough to scroll comfortably; older pages beyond it push the newest ones out. */
export const WINDOW_MAX_MESSAGES = 200;

/**
 * The messages of one chat that are in the page: a bounded, gap-free run in sequence order.
 * Loading older pages past the bound drops the newest messages, so a 10,000-message chat never
 * puts more than WINDOW_MAX_MESSAGES messages in the page; `atNewest` then turns false and the
 * page offers to go back to the latest messages.
 */
export class MessageWindow {
    private shown: ChatMessage[] = [];
    private cursorBefore: string | null = null;
    private reachesNewest = true;

    constructor(private readonly maxMessages = WINDOW_MAX_MESSAGES) {}

    get messages(): readonly ChatMessage[] {
        return this.shown;
    }

    /** The cursor of the page before the first message shown; null at the start of the chat. */
    get olderCursor(): string | null {
        return this.cursorBefore;
    }

    /** Whether the newest message of the chat is in the window, so new messages may be appended. */
    get atNewest(): boolean {
        return this.reachesNewest;
    }

    /** Sequence number of the newest message shown, or 0 for an empty chat. */
    get newestSeq(): number {
        return this.shown.at(-1)?.seq ?? 0;
    }

    /** Starts again from the chat's newest page. */
    showLatest(page: MessagePage): void {
        this.shown = [...page.messages];
        this.cursorBefore = page.olderCursor;
        this.reachesNewest = true;
    }

    /** Puts an older page in front; beyond the bound, the newest messages leave the window. */
    addOlder(page: MessagePage): void {
        const firstSeq = this.shown[0]?.seq ?? Number.POSITIVE_INFINITY;
        this.shown = [...page.messages.filter((m) => m.seq < firstSeq), ...this.shown];
        this.cursorBefore = page.olderCursor;
        if (this.shown.length > this.maxMessages) {
            this.shown = this.shown.slice(0, this.maxMessages);
            this.reachesNewest = false;
        }
    }

    /**
     * Appends messages newer than the newest shown, each once however often it arrives (polling and
     * the answer to a send may both bring it). Ignored while the window is away from the newest end.
     * Returns false when they would overflow the window: Qwil's cursors only page backwards, so the
     * caller then starts again from the latest page instead of trimming the oldest messages.
     */
    addNewer(messages: readonly ChatMessage[]): boolean {
        if (!this.reachesNewest) return true;
        const bySeq = new Map(messages.filter((m) => m.seq > this.newestSeq).map((m) => [m.seq, m]));
        const fresh = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
        if (this.shown.length + fresh.length > this.maxMessages) return false;
        this.shown = [...this.shown, ...fresh];
        return true;
    }
}
