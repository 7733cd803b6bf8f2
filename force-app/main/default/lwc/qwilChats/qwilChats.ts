import { LightningElement, api } from 'lwc';
import listChats from '@salesforce/apex/QwilChatsController.listChats';
import { subscribeToPoll } from 'c/qwilLivePoll';
import type { ChatListPage, ChatSummary, ExportAvailability } from '../../../../server/contracts/QwilChatsController';
import type { ClientState } from '../../../../server/contracts/clientState';

const VISIBILITY_NOTES = {
    'View Own Chats': 'Showing the chats of this client that you take or took part in.',
    'View All': 'Showing every chat of this client, including chats without you.'
} as const;

/**
 * The Chats page of the Qwil Messenger tab: the client's chats newest first, paged; one chat open
 * at a time; Start a chat. Which chats appear is decided by the server (Client Chat History Visible).
 */
export default class QwilChats extends LightningElement {
    @api recordId?: string;

    /**
     * The client's Qwil state from the tab; a client not on Qwil has no chats to load. When the client
     * comes onto Qwil while the page is shown (invited here or elsewhere), their chats are read.
     */
    @api
    get clientStatus(): ClientState['status'] | undefined {
        return this.currentClientStatus;
    }
    set clientStatus(status: ClientState['status'] | undefined) {
        const wasOnQwil = this.isOnQwil;
        this.currentClientStatus = status;
        if (this.isConnected && !wasOnQwil && this.isOnQwil) this.loadFirstPage();
    }

    listInfo?: Omit<ChatListPage, 'chats'>;
    chats: ChatSummary[] = [];
    errors?: unknown[];
    isLoading = false;
    openChatUuid?: string;
    /** Whether the open chat may be downloaded, as checked when it opened. */
    openChatExport?: ExportAvailability;
    isStarting = false;

    // Back from a chat, focus returns to that chat in the list.
    private focusChatUuid?: string;

    private stopPolling?: () => void;
    private currentClientStatus?: ClientState['status'];

    override connectedCallback(): void {
        if (this.isOnQwil) this.loadFirstPage();
        // The list is read again when the browser tab is shown again (an open chat polls by itself).
        this.stopPolling = subscribeToPoll((reason) => {
            if (reason === 'visible' && this.isOnQwil && !this.openChatUuid && !this.isLoading) this.loadFirstPage();
        });
    }

    override disconnectedCallback(): void {
        this.stopPolling?.();
        this.stopPolling = undefined;
    }

    get isOnQwil(): boolean {
        return this.clientStatus !== undefined && this.clientStatus !== 'not_invited';
    }

    get hasChats(): boolean {
        return this.chats.length > 0;
    }

    get visibilityNote(): string {
        return this.listInfo ? VISIBILITY_NOTES[this.listInfo.visibility] : '';
    }

    get startChatUnavailableReason(): string | null {
        return this.listInfo?.startChatUnavailableReason ?? null;
    }

    get cannotStartChat(): boolean {
        return this.startChatUnavailableReason !== null;
    }

    get openChatExportAllowed(): boolean {
        return this.openChatExport?.allowed === true;
    }

    get exportUnavailableReason(): string | null {
        return this.listInfo?.exportAvailability.allowed === false ? this.listInfo.exportAvailability.reason : null;
    }

    get clientName(): string | undefined {
        return this.listInfo?.clientName;
    }

    get hasMore(): boolean {
        return Boolean(this.listInfo?.nextCursor);
    }

    handleOpen(event: Event): void {
        this.openChat((event.currentTarget as HTMLElement).dataset.uuid);
    }

    handleExportAvailability(event: CustomEvent<ExportAvailability>): void {
        this.openChatExport = event.detail;
    }

    override renderedCallback(): void {
        const button = this.focusChatUuid
            ? this.template?.querySelector<HTMLElement>(`c-qwil-chat-list-item[data-uuid="${this.focusChatUuid}"]`)
            : null;
        if (button) {
            button.focus();
            this.focusChatUuid = undefined;
        }
    }

    handleBack(): void {
        this.focusChatUuid = this.openChatUuid;
        this.openChat(undefined);
        this.loadFirstPage();
    }

    handleStart(): void {
        this.isStarting = true;
    }

    handleStartClosed(): void {
        this.isStarting = false;
    }

    handleStarted(event: CustomEvent<{ chatUuid: string }>): void {
        this.isStarting = false;
        this.openChat(event.detail.chatUuid);
    }

    handleRetry(): void {
        this.loadFirstPage();
    }

    handleMore(): void {
        this.load(this.listInfo?.nextCursor ?? null);
    }

    private openChat(chatUuid: string | undefined): void {
        this.openChatUuid = chatUuid;
        this.openChatExport = undefined;
    }

    private loadFirstPage(): Promise<void> {
        this.chats = [];
        return this.load(null);
    }

    /** Never rejects: a failure is shown in the error panel. */
    private async load(cursor: string | null): Promise<void> {
        this.isLoading = true;
        this.errors = undefined;
        try {
            const { chats, ...page } = await listChats({ recordId: this.recordId ?? '', cursor });
            this.listInfo = page;
            const known = new Set(this.chats.map((chat) => chat.chatUuid));
            this.chats = [...this.chats, ...chats.filter((chat) => !known.has(chat.chatUuid))];
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isLoading = false;
        }
    }
}
