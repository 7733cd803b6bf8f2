import { z } from 'zod';
import type { QwilFile, QwilTransport } from './qwilTransport';
import {
    ChatListResponse,
    ChatResponse,
    CreateChatRequest,
    MessageRangeResponse,
    MessageResponse,
    PAGE_LIMIT_MAX,
    SendTextRequest,
    type Chat,
    type ChatListResponse as ChatListPage,
    type Message,
    type MessageRangeResponse as MessageRangePage
} from './schemas';

export interface ChatListFilter {
    /** The client whose chats are listed. */
    readonly clientUuid: string;
    /** "View Own Chats": only chats this membership also takes or took part in. */
    readonly withUuid?: string;
    readonly cursor?: string;
    readonly limit: number;
}

/** Qwil's chat review (System API) and chat service calls, sent through the one transport. */
export class ChatsApi {
    constructor(private readonly transport: QwilTransport) {}

    /** The client's started chats, newest activity first (System API, data reviewer). */
    listClientChats({ clientUuid, withUuid, cursor, limit }: ChatListFilter): Promise<ChatListPage> {
        const query: Record<string, string> = { entity_user_xref_uuid: clientUuid, limit: String(limit) };
        if (withUuid) query['with_entity_user_xref_uuid'] = withUuid;
        if (cursor) query['cursor'] = cursor;
        return this.transport.call({ call: 'listClientChats', query, response: ChatListResponse });
    }

    /** The chats the membership sees in Qwil, newest activity first, including its own not yet started ones. */
    listChatsOf(actorUuid: string): Promise<Chat[]> {
        return this.transport
            .call({
                call: 'listOwnChats',
                query: { limit: String(PAGE_LIMIT_MAX) },
                onBehalfOf: actorUuid,
                response: ChatListResponse
            })
            .then((page) => page.chats);
    }

    /** A page of messages read as `actorUuid`: the newest without a cursor, each page oldest first. */
    messageRange(actorUuid: string, chatUuid: string, limit: number, cursor?: string): Promise<MessageRangePage> {
        const query: Record<string, string> = { chat_uuid: chatUuid, limit: String(limit) };
        if (cursor) query['cursor'] = cursor;
        return this.transport.call({
            call: 'messageRange',
            query,
            onBehalfOf: actorUuid,
            response: MessageRangeResponse
        });
    }

    async createChat(actorUuid: string, request: z.input<typeof CreateChatRequest>): Promise<Chat> {
        return (await this.transport.post('createChat', CreateChatRequest, request, ChatResponse, actorUuid)).chat;
    }

    async sendText(actorUuid: string, request: z.input<typeof SendTextRequest>): Promise<Message> {
        return (await this.transport.post('sendText', SendTextRequest, request, MessageResponse, actorUuid)).message;
    }

    /** The transcript (PDF) or the attachments (ZIP) of one chat; needs the key's export permission. */
    exportChat(chatUuid: string, format: 'pdf' | 'zip'): Promise<QwilFile> {
        return this.transport.download({
            call: format === 'pdf' ? 'exportChatPdf' : 'exportChatZip',
            query: { chat_uuid: chatUuid }
        });
    }

    /**
     * Asks the transcript export for no chat at all: Qwil checks the key's permission before it
     * reads the query, so the answer says whether exports are allowed without exporting anything.
     */
    probeTranscriptExport(): Promise<unknown> {
        return this.transport.call({ call: 'exportChatPdf', response: z.unknown() });
    }
}
