import { z } from 'zod';
import type { ChatListPage, MessagePage, NewMessages, OpenedChat } from '../contracts/QwilChatsController';
import type { ApexContext } from '../platform/context';
import { PAGE_LIMIT_MAX, type Chat, type Membership, type Message } from '../qwil/schemas';
import {
    chatListFilter,
    openVisibleChat,
    participationOf,
    readerOf,
    requireChatAccess,
    requireQwilClient,
    visibilityOf
} from './chatsAccess';
import { readCached, writeCached } from './chatsCache';
import { exportAvailability } from './chatsExport';
import { lookUpPeople } from './chatsPeople';
import { startChatUnavailableReason } from './chatsSending';
import { ChatView, previewOf } from './chatsView';
import type { ConnectorSession } from './connectorSession';

/** Chats per list page. */
const CHAT_PAGE_SIZE = 10;
/** Messages per history page: the most one Qwil list request returns, so 1,000 messages take 10 pages. */
export const MESSAGE_PAGE_SIZE = PAGE_LIMIT_MAX;
/** Polling returns at most this many new messages; beyond it the page reloads the latest ones. */
const NEW_MESSAGES_MAX_PAGES = 2;
const PREVIEW_TTL_SECONDS = 3600;

const CachedPreview = z.object({ lastMessageAt: z.string().nullable(), text: z.string() });

function previewKey(readerUuid: string, chatUuid: string): string[] {
    return [readerUuid, chatUuid];
}

/**
 * The newest message's preview as remembered when the chat was last opened, if it is still the
 * newest. Qwil's chat list carries no message text, and reading it would cost one callout per chat
 * on every cold list, so the list shows a preview only once someone reading as the same member has
 * opened the chat.
 */
function rememberedPreview(
    context: ApexContext,
    session: ConnectorSession,
    client: Membership,
    chat: Chat
): string | null {
    let reader: string;
    try {
        reader = readerOf(session, client, chat);
    } catch {
        return null;
    }
    const cached = readCached(context, 'qwilpreview', previewKey(reader, chat.chat_uuid), CachedPreview);
    return cached && cached.lastMessageAt === chat.last_message_at ? cached.text : null;
}

function rememberPreview(context: ApexContext, readerUuid: string, chat: Chat, text: string): void {
    writeCached(
        context,
        'qwilpreview',
        previewKey(readerUuid, chat.chat_uuid),
        { lastMessageAt: chat.last_message_at, text },
        PREVIEW_TTL_SECONDS
    );
}

/** One page of the client's chats the user may see, newest activity first. */
export async function listChats(
    context: ApexContext,
    session: ConnectorSession,
    cursor: string | null
): Promise<ChatListPage> {
    const client = await requireQwilClient(session);
    const page = await session.qwil.chats.listClientChats({
        ...chatListFilter(session, client),
        limit: CHAT_PAGE_SIZE,
        ...(cursor ? { cursor } : {})
    });
    const people = await lookUpPeople(
        context,
        session,
        [client],
        page.chats.flatMap((chat) => chat.participants.map((p) => p.entity_user_xref_uuid))
    );
    const chats = page.chats.map((chat) =>
        ChatView.of(people, session.staff.entity_user_xref_uuid, chat).summary(
            chat,
            rememberedPreview(context, session, client, chat)
        )
    );
    return {
        visibility: visibilityOf(session),
        clientName: `${client.first_name} ${client.last_name}`.trim(),
        chats,
        nextCursor: page.next_cursor,
        startChatUnavailableReason: startChatUnavailableReason(client),
        exportAvailability: await exportAvailability(context, session)
    };
}

function cannotSendReason(session: ConnectorSession, chat: Chat): string | null {
    const you = participationOf(chat, session.staff.entity_user_xref_uuid);
    if (!you)
        return 'You are not a participant of this chat: you can read it because Qwil Messenger shows all chats of this client, but only participants can write.';
    if (you.former) return 'You have left this chat: former participants keep the history up to then but cannot write.';
    return null;
}

function historyNote(chat: Chat, readerUuid: string, youUuid: string): string | null {
    if (!participationOf(chat, readerUuid)?.former) return null;
    return readerUuid === youUuid
        ? 'You left this chat: the history ends when you left.'
        : 'The client has left this chat: the history ends when they left.';
}

/** The chat and its newest page of messages, in one server round trip. */
export async function openChat(context: ApexContext, session: ConnectorSession, chatUuid: string): Promise<OpenedChat> {
    const { client, chat, access } = await openVisibleChat(context, session, chatUuid);
    // The export check is independent of the messages: sent at once (in Apex, one after the other).
    const [range, exportsAllowed] = await Promise.all([
        session.qwil.chats.messageRange(access.readerUuid, chatUuid, MESSAGE_PAGE_SIZE),
        exportAvailability(context, session)
    ]);
    const youUuid = session.staff.entity_user_xref_uuid;
    const people = await lookUpPeople(
        context,
        session,
        [client],
        [
            ...chat.participants.map((p) => p.entity_user_xref_uuid),
            ...range.messages.map((m) => m.sender_entity_user_xref_uuid)
        ]
    );
    const view = ChatView.of(people, youUuid, chat);
    const newest = range.messages.at(-1);
    const preview = newest ? previewOf(newest.text) : null;
    if (preview !== null) rememberPreview(context, access.readerUuid, chat, preview);
    return {
        chat: view.summary(chat, preview),
        messages: range.messages.map((m) => view.message(m)),
        olderCursor: range.next_cursor,
        cannotSendReason: cannotSendReason(session, chat),
        historyNote: historyNote(chat, access.readerUuid, youUuid),
        exportAvailability: exportsAllowed
    };
}

/** Names the senders of messages of a chat opened earlier. */
async function describeMessages(
    context: ApexContext,
    session: ConnectorSession,
    messages: readonly Message[]
): Promise<ChatView> {
    const people = await lookUpPeople(
        context,
        session,
        [],
        messages.map((m) => m.sender_entity_user_xref_uuid)
    );
    return ChatView.of(people, session.staff.entity_user_xref_uuid, null);
}

/** The page before `cursor`, oldest first. */
export async function olderMessages(
    context: ApexContext,
    session: ConnectorSession,
    chatUuid: string,
    cursor: string
): Promise<MessagePage> {
    const access = await requireChatAccess(context, session, chatUuid);
    const range = await session.qwil.chats.messageRange(access.readerUuid, chatUuid, MESSAGE_PAGE_SIZE, cursor);
    const view = await describeMessages(context, session, range.messages);
    return { messages: range.messages.map((m) => view.message(m)), olderCursor: range.next_cursor };
}

/** Messages newer than `afterSeq`, oldest first: what polling adds to an open chat. */
export async function newMessages(
    context: ApexContext,
    session: ConnectorSession,
    chatUuid: string,
    afterSeq: number
): Promise<NewMessages> {
    const access = await requireChatAccess(context, session, chatUuid);
    const api = session.qwil.chats;
    const found: Message[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < NEW_MESSAGES_MAX_PAGES; page += 1) {
        const range = await api.messageRange(access.readerUuid, chatUuid, MESSAGE_PAGE_SIZE, cursor);
        found.unshift(...range.messages.filter((m) => m.seq > afterSeq));
        const reachedKnown = range.messages.some((m) => m.seq <= afterSeq) || !range.next_cursor;
        if (reachedKnown) {
            const view = await describeMessages(context, session, found);
            return { messages: found.map((m) => view.message(m)), complete: true };
        }
        cursor = range.next_cursor ?? undefined;
    }
    return { messages: [], complete: false };
}
