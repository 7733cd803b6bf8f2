import {
    ChatMessage,
    DEFAULT_CHAT_TITLE,
    StartedChat,
    type SendMessageParams,
    type StartChatParams
} from '../contracts/QwilChatsController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import type { ChatsApi } from '../qwil/chatsApi';
import { PAGE_LIMIT_MAX, type Chat, type Membership, type Message } from '../qwil/schemas';
import { requireChatAccess, requireQwilClient } from './chatsAccess';
import { statusWord } from './statusWords';
import { lookUpPeople } from './chatsPeople';
import { ChatView } from './chatsView';
import type { ConnectorSession } from './connectorSession';
import { performOnce } from './exactlyOnce';
import { requireActiveStaff } from './memberVisibility';

/** A retry looks this far back for the earlier attempt (3 pages of 100 messages). */
const RECONCILE_PAGES = 3;

/** Null when a chat can be started with the client; Qwil adds only active people to chats. */
export function startChatUnavailableReason(client: Membership): string | null {
    return client.status === 'active'
        ? null
        : `A chat can be started only with an Active Qwil client; this client is ${statusWord(client.status)}.`;
}

/**
 * A retry follows an attempt whose answer never came back, so Qwil may have posted it. The
 * attempt is found as the user's own message with the same text, newer than what the page showed.
 */
async function earlierAttempt(api: ChatsApi, staffUuid: string, params: SendMessageParams): Promise<Message | null> {
    let cursor: string | undefined;
    for (let page = 0; page < RECONCILE_PAGES; page += 1) {
        const range = await api.messageRange(staffUuid, params.chatUuid, PAGE_LIMIT_MAX, cursor);
        const match = range.messages.find(
            (m) => m.seq > params.afterSeq && m.sender_entity_user_xref_uuid === staffUuid && m.text === params.text
        );
        if (match) return match;
        if (!range.next_cursor || range.messages.some((m) => m.seq <= params.afterSeq)) return null;
        cursor = range.next_cursor;
    }
    return null;
}

/** Sends a draft as the user, once per idempotency key: a repeated key answers the message already sent. */
export async function sendMessage(
    context: ApexContext,
    session: ConnectorSession,
    params: SendMessageParams
): Promise<ChatMessage> {
    await requireChatAccess(context, session, params.chatUuid);
    const api = session.qwil.chats;
    const staffUuid = session.staff.entity_user_xref_uuid;
    const shown = async (message: Message): Promise<ChatMessage> =>
        ChatView.of(await lookUpPeople(context, session, [], []), staffUuid, null).message(message);
    return performOnce(context, params, ChatMessage, {
        findEarlier: async () => {
            const earlier = await earlierAttempt(api, staffUuid, params);
            return earlier ? shown(earlier) : null;
        },
        write: async () => shown(await api.sendText(staffUuid, { chat_uuid: params.chatUuid, text: params.text }))
    });
}

function sameMembers(chat: Chat, uuids: readonly string[]): boolean {
    const members = new Set(chat.participants.map((p) => p.entity_user_xref_uuid));
    return members.size === new Set(uuids).size && uuids.every((uuid) => members.has(uuid));
}

/** The chat an earlier attempt created: the user's own, same title and people, at most holding this first message. */
async function chatFromEarlierAttempt(
    api: ChatsApi,
    staffUuid: string,
    title: string,
    members: readonly string[]
): Promise<Chat | null> {
    const chats = await api.listChatsOf(staffUuid);
    return (
        chats.find(
            (chat) =>
                chat.created_by_entity_user_xref_uuid === staffUuid &&
                chat.title === title &&
                chat.message_count <= 1 &&
                sameMembers(chat, members)
        ) ?? null
    );
}

/**
 * Starts a chat with the client and posts its first message (a chat becomes visible to the others
 * with it). A retry finishes the chat an earlier attempt created instead of creating another.
 */
export async function startChat(
    context: ApexContext,
    session: ConnectorSession,
    params: StartChatParams
): Promise<StartedChat> {
    const client = await requireQwilClient(session);
    const unavailable = startChatUnavailableReason(client);
    if (unavailable) throw new AuraHandledException(unavailable);
    const api = session.qwil.chats;
    const staffUuid = session.staff.entity_user_xref_uuid;
    const title = params.title.trim() || DEFAULT_CHAT_TITLE;
    const chosen = params.staffEntityUserXrefUuids.filter(
        (uuid) => uuid !== staffUuid && uuid !== client.entity_user_xref_uuid
    );
    const others = (await requireActiveStaff(session, chosen)).map((staff) => staff.entity_user_xref_uuid);
    const members = [staffUuid, client.entity_user_xref_uuid, ...others];
    const withFirstMessage = async (chat: Chat): Promise<StartedChat> => {
        if (chat.message_count === 0) await api.sendText(staffUuid, { chat_uuid: chat.chat_uuid, text: params.text });
        return { chatUuid: chat.chat_uuid };
    };
    return performOnce(context, params, StartedChat, {
        findEarlier: async () => {
            const earlier = await chatFromEarlierAttempt(api, staffUuid, title, members);
            return earlier ? withFirstMessage(earlier) : null;
        },
        write: async () =>
            withFirstMessage(
                await api.createChat(staffUuid, {
                    title,
                    entity_user_xref_uuids: [client.entity_user_xref_uuid, ...others]
                })
            )
    });
}
