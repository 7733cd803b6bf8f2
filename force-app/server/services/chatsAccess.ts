import { z } from 'zod';
import type { ChatVisibility } from '../contracts/QwilChatsController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { PAGE_LIMIT_MAX, type Chat, type Membership } from '../qwil/schemas';
import { findClientMembership } from './clientLookup';
import { statusWord } from './statusWords';
import { readCached, writeCached } from './chatsCache';
import type { ConnectorSession } from './connectorSession';

/** Looking a chat up by id pages the client's list; beyond this many chats the oldest cannot be opened. */
const MAX_LIST_PAGES = 20;
/** Polling and paging reuse a check made minutes ago instead of searching the list every time. */
const ACCESS_TTL_SECONDS = 300;

const NOT_VISIBLE = 'This chat is not one of the chats of this client you can see, so Qwil Messenger will not open it.';

/** Who the connector reads a chat as: the user, or (View All) the client. */
const ChatAccess = z.object({ clientUuid: z.string(), readerUuid: z.string() });
export type ChatAccess = z.infer<typeof ChatAccess>;

export function visibilityOf(session: ConnectorSession): ChatVisibility {
    return session.settings.chatHistoryVisible;
}

/** The record's client on Qwil; a record whose client is not on Qwil has no chats. */
export async function requireQwilClient(session: ConnectorSession): Promise<Membership> {
    const client = await findClientMembership(session);
    if (!client)
        throw new AuraHandledException(
            'This client is not on Qwil yet, so there are no chats. Invite them from Client Details first.'
        );
    return client;
}

/**
 * The filter that enforces Client Chat History Visible: "View Own Chats" asks Qwil only for chats
 * the user takes or took part in; "View All" for every chat of the client.
 */
export function chatListFilter(
    session: ConnectorSession,
    client: Membership
): { clientUuid: string; withUuid?: string } {
    return visibilityOf(session) === 'View Own Chats'
        ? { clientUuid: client.entity_user_xref_uuid, withUuid: session.staff.entity_user_xref_uuid }
        : { clientUuid: client.entity_user_xref_uuid };
}

export function participationOf(chat: Chat, uuid: string): { former: boolean } | null {
    const participant = chat.participants.find((p) => p.entity_user_xref_uuid === uuid);
    return participant ? { former: participant.left_at !== null } : null;
}

/**
 * Qwil shows a chat's messages only to its participants. The user reads as themselves when they take
 * or took part; under "View All" a chat without them is read as the client, whose chats the
 * System key may review (trusted access).
 */
export function readerOf(session: ConnectorSession, client: Membership, chat: Chat): string {
    const staffUuid = session.staff.entity_user_xref_uuid;
    const staff = participationOf(chat, staffUuid);
    if (staff && !staff.former) return staffUuid;
    if (client.status === 'active' && participationOf(chat, client.entity_user_xref_uuid))
        return client.entity_user_xref_uuid;
    if (staff) return staffUuid;
    throw new AuraHandledException(
        `Qwil lets the connector read this chat only through an active participant, and the client's Qwil status is ${statusWord(client.status)}. Ask your Qwil administrator to export the chat instead.`
    );
}

/** The chat, if it is one of the client's chats the user may see; null otherwise. */
async function findVisibleChat(session: ConnectorSession, client: Membership, chatUuid: string): Promise<Chat | null> {
    const api = session.qwil.chats;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
        const listed = await api.listClientChats({
            ...chatListFilter(session, client),
            limit: PAGE_LIMIT_MAX,
            ...(cursor ? { cursor } : {})
        });
        const chat = listed.chats.find((candidate) => candidate.chat_uuid === chatUuid);
        if (chat) return chat;
        if (!listed.next_cursor) return null;
        cursor = listed.next_cursor;
    }
    return null;
}

function accessKey(context: ApexContext, session: ConnectorSession, chatUuid: string): string[] {
    return [
        context.userInfo.getUserId(),
        session.client.recordId,
        session.staff.entity_user_xref_uuid,
        visibilityOf(session),
        chatUuid
    ];
}

/** Opens a chat for the user, refusing one they may not see; remembers the check for paging and polling. */
export async function openVisibleChat(
    context: ApexContext,
    session: ConnectorSession,
    chatUuid: string
): Promise<{ client: Membership; chat: Chat; access: ChatAccess }> {
    const client = await requireQwilClient(session);
    const chat = await findVisibleChat(session, client, chatUuid);
    if (!chat) throw new AuraHandledException(NOT_VISIBLE);
    const access = { clientUuid: client.entity_user_xref_uuid, readerUuid: readerOf(session, client, chat) };
    writeCached(context, 'qwilchat', accessKey(context, session, chatUuid), access, ACCESS_TTL_SECONDS);
    return { client, chat, access };
}

/** The access checked when the chat was opened, or the check made again. */
export async function requireChatAccess(
    context: ApexContext,
    session: ConnectorSession,
    chatUuid: string
): Promise<ChatAccess> {
    return (
        readCached(context, 'qwilchat', accessKey(context, session, chatUuid), ChatAccess) ??
        (await openVisibleChat(context, session, chatUuid)).access
    );
}
