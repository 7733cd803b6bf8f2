import {
    ExportChatParams,
    ExportChatResult,
    ChatListPage,
    ChatListParams,
    ChatParams,
    MessagePage,
    NewMessages,
    NewMessagesParams,
    OlderMessagesParams,
    OpenedChat,
    SendMessageParams,
    SentMessage,
    StartChatParams,
    StartedChat
} from '../contracts/QwilChatsController';
import type { ApexClassDefinition } from '../platform/auraEnabled';
import { newMessages, olderMessages, listChats, openChat } from '../services/chatsHistory';
import { exportChat } from '../services/chatsExport';
import { sendMessage, startChat } from '../services/chatsSending';
import { sessionMethod } from '../services/sessionMethod';

/**
 * Server methods of the Chats page. Client Chat History Visible is enforced here, in the services:
 * a chat the user may not see is never returned, and every method on one chat checks it first.
 */
export const QwilChatsController: ApexClassDefinition = {
    name: 'QwilChatsController',
    apiVersion: '67.0',
    sharing: 'with sharing',
    methods: {
        /** A page of the client's chats, newest activity first, with what the page may offer. */
        listChats: sessionMethod({
            cacheable: false,
            params: ChatListParams,
            result: ChatListPage,
            run: ({ cursor }, session, context) => listChats(context, session, cursor)
        }),
        /** One chat and its newest messages; refused for a chat the user may not see. */
        openChat: sessionMethod({
            cacheable: false,
            params: ChatParams,
            result: OpenedChat,
            run: ({ chatUuid }, session, context) => openChat(context, session, chatUuid)
        }),
        /** The page of messages before the cursor. */
        loadOlderMessages: sessionMethod({
            cacheable: false,
            params: OlderMessagesParams,
            result: MessagePage,
            run: ({ chatUuid, cursor }, session, context) => olderMessages(context, session, chatUuid, cursor)
        }),
        /** Messages after the newest one the page shows (polling). */
        loadNewMessages: sessionMethod({
            cacheable: false,
            params: NewMessagesParams,
            result: NewMessages,
            run: ({ chatUuid, afterSeq }, session, context) => newMessages(context, session, chatUuid, afterSeq)
        }),
        /** Sends a message as the user; a repeated idempotency key never posts twice. */
        sendMessage: sessionMethod({
            cacheable: false,
            params: SendMessageParams,
            result: SentMessage,
            run: async (params, session, context) => ({ message: await sendMessage(context, session, params) })
        }),
        /** A chat's transcript (PDF) or attachments (ZIP), for a chat the user may see; no file, and why, when downloads are off. */
        exportChat: sessionMethod({
            cacheable: false,
            params: ExportChatParams,
            result: ExportChatResult,
            run: ({ chatUuid, format }, session, context) => exportChat(context, session, chatUuid, format)
        }),
        /** Starts a chat with the client and posts its first message. */
        startChat: sessionMethod({
            cacheable: false,
            params: StartChatParams,
            result: StartedChat,
            run: (params, session, context) => startChat(context, session, params)
        })
    }
};
