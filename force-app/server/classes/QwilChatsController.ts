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
} from '../contracts/chats';
import { auraEnabled, type ApexClassDefinition } from '../platform/auraEnabled';
import { newMessages, olderMessages, listChats, openChat } from '../services/chatsHistory';
import { exportChat } from '../services/chatsExport';
import { sendMessage, startChat } from '../services/chatsSending';
import { requireSession, withQwilErrors } from '../services/connectorSession';

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
        listChats: auraEnabled({
            cacheable: false,
            params: ChatListParams,
            result: ChatListPage,
            run: async ({ recordId, cursor }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => listChats(context, session, cursor));
            }
        }),
        /** One chat and its newest messages; refused for a chat the user may not see. */
        openChat: auraEnabled({
            cacheable: false,
            params: ChatParams,
            result: OpenedChat,
            run: async ({ recordId, chatUuid }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => openChat(context, session, chatUuid));
            }
        }),
        /** The page of messages before the cursor. */
        loadOlderMessages: auraEnabled({
            cacheable: false,
            params: OlderMessagesParams,
            result: MessagePage,
            run: async ({ recordId, chatUuid, cursor }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => olderMessages(context, session, chatUuid, cursor));
            }
        }),
        /** Messages after the newest one the page shows (polling). */
        loadNewMessages: auraEnabled({
            cacheable: false,
            params: NewMessagesParams,
            result: NewMessages,
            run: async ({ recordId, chatUuid, afterSeq }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => newMessages(context, session, chatUuid, afterSeq));
            }
        }),
        /** Sends a message as the user; a repeated idempotency key never posts twice. */
        sendMessage: auraEnabled({
            cacheable: false,
            params: SendMessageParams,
            result: SentMessage,
            run: async (params, context) => {
                const session = await requireSession(context, params.recordId);
                return { message: await withQwilErrors(context, () => sendMessage(context, session, params)) };
            }
        }),
        /** A chat's transcript (PDF) or attachments (ZIP), for a chat the user may see; no file, and why, when downloads are off. */
        exportChat: auraEnabled({
            cacheable: false,
            params: ExportChatParams,
            result: ExportChatResult,
            run: async ({ recordId, chatUuid, format }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => exportChat(context, session, chatUuid, format));
            }
        }),
        /** Starts a chat with the client and posts its first message. */
        startChat: auraEnabled({
            cacheable: false,
            params: StartChatParams,
            result: StartedChat,
            run: async (params, context) => {
                const session = await requireSession(context, params.recordId);
                return withQwilErrors(context, () => startChat(context, session, params));
            }
        })
    }
};
