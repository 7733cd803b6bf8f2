import type { z } from 'zod';
import {
    ArchiveChatRequest,
    ChatListResponse,
    ChatRef,
    ChatResponse,
    ChatTranscriptResponse,
    CreateChatRequest,
    InviteToChatRequest,
    MessageRangeQuery,
    MessageRangeResponse,
    MessageResponse,
    PageQuery,
    RenameChatRequest,
    SendTextRequest
} from '../../../force-app/server/qwil/schemas';
import { chatEndpoint, type EndpointFactory, json } from '../http/endpoint';
import type { ChatRecord } from '../model/types';
import { toChat, toMessage } from '../model/views';
import * as chats from '../operations/chats';
import type { Scope } from '../operations/scope';

/** A chat write on behalf of a membership, answering the chat as it now is. */
function chatWrite<S extends z.ZodType>(
    path: string,
    input: S,
    operation: (scope: Scope, actorUuid: string, body: z.infer<S>) => ChatRecord
): EndpointFactory {
    return chatEndpoint({
        method: 'post',
        path: `chats/${path}`,
        permission: 'canWriteOnly',
        masterPermission: 'canWriteChat',
        input,
        handle: (context, body) => ({ chat: toChat(operation(context, context.actorUuid, body)) }),
        respond: json(ChatResponse)
    });
}

/**
 * Qwil's chat service on behalf of a membership: with a Master User API key, as Qwil documents, or
 * with the System key (our assumption, which the connector relies on by default).
 */
export const chatServiceEndpoints = [
    chatEndpoint({
        method: 'get',
        path: 'chats',
        permission: 'canReadOnly',
        masterPermission: 'canReadChat',
        input: PageQuery,
        handle: (context, query) => {
            const page = chats.listChatsFor(context, context.actorUuid, query);
            return { chats: page.items.map(toChat), next_cursor: page.next_cursor };
        },
        respond: json(ChatListResponse)
    }),
    chatEndpoint({
        method: 'get',
        path: 'chats/messages/range',
        permission: 'canReadOnly',
        masterPermission: 'canReadChat',
        input: MessageRangeQuery,
        handle: (context, query) => {
            const page = chats.messageRange(context, context.actorUuid, query);
            return { messages: page.items.map((m) => toMessage(query.chat_uuid, m)), next_cursor: page.next_cursor };
        },
        respond: json(MessageRangeResponse)
    }),
    chatEndpoint({
        method: 'get',
        path: 'chats/export',
        permission: 'canReadOnly',
        masterPermission: 'canExportData',
        input: ChatRef,
        handle: (context, query) => {
            const { chat, messages } = chats.transcriptFor(context, context.actorUuid, query);
            return { chat: toChat(chat), messages: messages.map((m) => toMessage(chat.chat_uuid, m)) };
        },
        respond: json(ChatTranscriptResponse)
    }),
    chatWrite('create', CreateChatRequest, chats.createChat),
    chatWrite('rename', RenameChatRequest, chats.renameChat),
    chatWrite('invite', InviteToChatRequest, chats.inviteToChat),
    chatWrite('archive', ArchiveChatRequest, chats.archiveChat),
    chatEndpoint({
        method: 'post',
        path: 'chats/messages/send-text',
        permission: 'canWriteOnly',
        masterPermission: 'canWriteChat',
        input: SendTextRequest,
        handle: (context, body) => ({
            message: toMessage(body.chat_uuid, chats.sendText(context, context.actorUuid, body))
        }),
        respond: json(MessageResponse)
    })
];
