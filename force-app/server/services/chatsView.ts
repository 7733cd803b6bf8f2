import type { ChatMessage, ChatPerson, ChatSummary } from '../contracts/QwilChatsController';
import type { Chat, Message } from '../qwil/schemas';
import type { People } from './chatsPeople';

const PREVIEW_LENGTH = 120;
/** How a message from a client the user cannot read in Salesforce is attributed. */
const HIDDEN_CLIENT = 'A client you cannot see in Salesforce';

export function previewOf(text: string): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
}

/** Translates Qwil's chats and messages into what the page shows, with names instead of uuids. */
export class ChatView {
    constructor(
        private readonly people: People,
        private readonly youUuid: string,
        private readonly formerUuids: ReadonlySet<string>
    ) {}

    static of(people: People, youUuid: string, chat: Chat | null): ChatView {
        const former = new Set(
            (chat?.participants ?? []).filter((p) => p.left_at !== null).map((p) => p.entity_user_xref_uuid)
        );
        return new ChatView(people, youUuid, former);
    }

    /** A hidden client is neither named nor identified: only that they are a client the user cannot see. */
    person(uuid: string): ChatPerson {
        const person = this.people.get(uuid);
        const former = this.formerUuids.has(uuid);
        if (!person || person.hidden)
            return { entityUserXrefUuid: '', name: HIDDEN_CLIENT, isClient: true, isYou: false, former };
        return {
            entityUserXrefUuid: uuid,
            name: person.name,
            isClient: person.isClient,
            isYou: uuid === this.youUuid,
            former
        };
    }

    summary(chat: Chat, lastMessagePreview: string | null): ChatSummary {
        const shown = chat.participants.filter((p) => this.people.get(p.entity_user_xref_uuid)?.hidden === false);
        return {
            chatUuid: chat.chat_uuid,
            title: chat.title,
            staffOnly: chat.staff_only,
            archived: chat.archived,
            participants: shown.map((p) => this.person(p.entity_user_xref_uuid)),
            hiddenClientCount: chat.participants.length - shown.length,
            messageCount: chat.message_count,
            lastMessageAt: chat.last_message_at,
            lastMessagePreview
        };
    }

    message(message: Message): ChatMessage {
        const { entityUserXrefUuid, name, isYou } = this.person(message.sender_entity_user_xref_uuid);
        return {
            seq: message.seq,
            sender: { entityUserXrefUuid, name, isYou },
            text: message.text,
            sentAt: message.sent_at,
            replyToSeq: message.reply_to_seq,
            attachments: message.attachments.map((a) => ({
                fileName: a.file_name,
                contentType: a.content_type,
                sizeBytes: a.size_bytes
            }))
        };
    }
}
