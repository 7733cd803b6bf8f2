import { LightningElement, api } from 'lwc';
import { participantsLabel } from 'c/qwilChatParticipants';
import type { ChatSummary } from '../../../../server/contracts/QwilChatsController';

const SEPARATOR = ' · ';

/**
 * One chat in the chat list: its title (which opens it), Staff only and Archived badges, the
 * participants, and when the last message came with its first words.
 * Fires `open` (no detail, does not bubble) when the title is chosen.
 */
export default class QwilChatListItem extends LightningElement {
    // Focus given to the item (e.g. back from the chat) goes to its title.
    static override delegatesFocus = true;

    @api chat?: ChatSummary;

    get participants(): string {
        return this.chat ? participantsLabel(this.chat) : '';
    }

    /** The last message's first words, after the time it came if there is one. */
    get preview(): string {
        const preview = this.chat?.lastMessagePreview;
        if (!preview) {
            return '';
        }
        return this.chat?.lastMessageAt ? `${SEPARATOR}${preview}` : preview;
    }

    handleOpen(): void {
        this.dispatchEvent(new CustomEvent('open'));
    }
}
