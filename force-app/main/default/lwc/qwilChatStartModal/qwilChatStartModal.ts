import { LightningElement, api } from 'lwc';
import startChat from '@salesforce/apex/QwilChatsController.startChat';
import { OnceAction, checkingNotice } from 'c/qwilExactlyOnce';
import type { StaffOption } from '../../../../server/contracts/QwilConnectorController';

// Qwil's documented rules; the server's contract (contracts/QwilChatsController.ts) enforces the same.
const CHAT_MAX_ACTIVE_PARTICIPANTS = 100;
const CHAT_TITLE_MAX_LENGTH = 500;
const DEFAULT_CHAT_TITLE = 'New chat';
/** The user and the client are always in the chat. */
const ALWAYS_IN_CHAT = 2;

/**
 * Starts a chat with the client: title (Qwil's default "New chat"), other active staff, and the
 * first message, which is what makes the chat visible to the others. Opening the modal is one
 * action: a failed start keeps the form, and trying again finishes the chat an earlier attempt
 * created; while Qwil may still create it, the modal says so and checks again by itself.
 * Fires `started` (does not bubble) with `detail.chatUuid`, and `close` when cancelled.
 */
export default class QwilChatStartModal extends LightningElement {
    @api recordId?: string;
    @api clientName?: string;

    chatTitle = DEFAULT_CHAT_TITLE;
    staff: Pick<StaffOption, 'entityUserXrefUuid' | 'name'>[] = [];
    text = '';
    textSendable = false;
    isStarting = false;
    errors?: unknown[];
    checking?: string;

    private readonly action = new OnceAction();

    override disconnectedCallback(): void {
        this.action.stop();
    }

    get titleMaxLength(): number {
        return CHAT_TITLE_MAX_LENGTH;
    }

    get staffUuids(): string[] {
        return this.staff.map((person) => person.entityUserXrefUuid);
    }

    get participantCount(): number {
        return this.staff.length + ALWAYS_IN_CHAT;
    }

    get participantsLabel(): string {
        return `${this.participantCount} of at most ${CHAT_MAX_ACTIVE_PARTICIPANTS} participants: you, ${this.clientName ?? 'the client'}${this.staff.length > 0 ? ` and ${this.staff.length} more` : ''}.`;
    }

    get isFull(): boolean {
        return this.participantCount >= CHAT_MAX_ACTIVE_PARTICIPANTS;
    }

    get cannotStart(): boolean {
        return (
            this.isStarting ||
            Boolean(this.checking) ||
            !this.textSendable ||
            this.participantCount > CHAT_MAX_ACTIVE_PARTICIPANTS
        );
    }

    handleTitleChange(event: CustomEvent<{ value: string }>): void {
        this.chatTitle = event.detail.value ?? '';
    }

    handleTextChange(event: CustomEvent<{ value: string; sendable: boolean }>): void {
        this.text = event.detail.value;
        this.textSendable = event.detail.sendable;
    }

    handleAddStaff(event: CustomEvent<{ staff: StaffOption }>): void {
        const { entityUserXrefUuid, name } = event.detail.staff;
        if (!this.isFull && !this.staffUuids.includes(entityUserXrefUuid)) {
            this.staff = [...this.staff, { entityUserXrefUuid, name }];
        }
    }

    handleRemoveStaff(event: CustomEvent<{ entityUserXrefUuid: string }>): void {
        const uuid = event.detail.entityUserXrefUuid;
        this.staff = this.staff.filter((person) => person.entityUserXrefUuid !== uuid);
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    async handleStart(): Promise<void> {
        if (this.cannotStart) return;
        this.isStarting = true;
        this.errors = undefined;
        this.checking = undefined;
        try {
            const outcome = await this.action.attempt((once) =>
                startChat({
                    recordId: this.recordId ?? '',
                    title: this.chatTitle.trim() || DEFAULT_CHAT_TITLE,
                    staffEntityUserXrefUuids: this.staffUuids,
                    text: this.text,
                    ...once
                })
            );
            if (!outcome.done) {
                this.checking = checkingNotice('the chat was started', outcome.checkAgainInSeconds);
                this.action.recheckAfter(outcome.checkAgainInSeconds, () => this.recheckStart());
                return;
            }
            this.dispatchEvent(new CustomEvent('started', { detail: { chatUuid: outcome.result.chatUuid } }));
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isStarting = false;
        }
    }

    private recheckStart(): Promise<void> {
        this.checking = undefined;
        return this.handleStart();
    }
}
