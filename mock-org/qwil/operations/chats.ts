import type {
    ArchiveChatRequest,
    ChatRef,
    CreateChatRequest,
    InviteToChatRequest,
    MessageRangeQuery,
    PageQuery,
    RenameChatRequest,
    SendTextRequest,
    SystemChatListQuery
} from '../../../force-app/server/qwil/schemas';
import { notFound, QwilError } from '../errors';
import { nextUuid } from '../model/ids';
import { isStaffRole, requireChat, requireJoinableMembership, requireMembership } from '../model/lookups';
import type { ChatRecord, MessageRecord, QwilState } from '../model/types';
import { decodeCursor, encodeCursor, type Page, pageByOffset, pageLimit } from '../paging';
import type { Scope } from './scope';

export const MAX_ACTIVE_PARTICIPANTS = 100;
export const DEFAULT_CHAT_TITLE = 'New chat';

function participation(chat: ChatRecord, xref: string) {
    return chat.participants.find((p) => p.entity_user_xref_uuid === xref);
}

function isActiveParticipant(chat: ChatRecord, xref: string): boolean {
    return participation(chat, xref)?.left_at === null;
}

/** A chat becomes visible to its other participants with its first message (documented by Qwil). */
function isVisibleTo(chat: ChatRecord, xref: string): boolean {
    return (
        participation(chat, xref) !== undefined &&
        (chat.messages.length > 0 || chat.created_by_entity_user_xref_uuid === xref)
    );
}

function lastActivity(chat: ChatRecord): string {
    return chat.messages.at(-1)?.sent_at ?? chat.created_at;
}

function newestFirst(chats: ChatRecord[]): ChatRecord[] {
    return chats.sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)));
}

function requireActiveParticipant(chat: ChatRecord, actorUuid: string): void {
    if (!isActiveParticipant(chat, actorUuid)) {
        throw new QwilError('QX043', `Not an active participant of chat ${chat.chat_uuid}`);
    }
}

/** A former participant sees the chat up to the moment they left (documented by Qwil). */
function messagesVisibleTo(chat: ChatRecord, actorUuid: string): MessageRecord[] {
    const participant = participation(chat, actorUuid);
    if (!participant) throw new QwilError('QX043', `Not a participant of chat ${chat.chat_uuid}`);
    const leftAt = participant.left_at;
    return leftAt === null ? chat.messages : chat.messages.filter((m) => m.sent_at <= leftAt);
}

/** Only staff add participants; deactivated people cannot join; staff-only chats take no clients. */
function addParticipants(
    state: QwilState,
    chat: ChatRecord,
    actorUuid: string,
    xrefs: readonly string[],
    now: string
): void {
    if (!isStaffRole(requireMembership(state, chat.entity_uuid, actorUuid).role)) {
        throw new QwilError('QX041', 'Only staff members can add chat participants');
    }
    for (const xref of xrefs) {
        const person = requireJoinableMembership(state, chat.entity_uuid, xref, 'entity_user_xref_uuids');
        if (chat.staff_only && !isStaffRole(person.role)) {
            throw new QwilError('QX042', 'A staff-only chat cannot include clients', 'entity_user_xref_uuids');
        }
        const existing = participation(chat, xref);
        if (!existing) chat.participants.push({ entity_user_xref_uuid: xref, joined_at: now, left_at: null });
        else if (existing.left_at !== null) Object.assign(existing, { joined_at: now, left_at: null });
    }
    const active = chat.participants.filter((p) => p.left_at === null).length;
    if (active > MAX_ACTIVE_PARTICIPANTS) {
        throw new QwilError(
            'QX040',
            `A chat has at most ${MAX_ACTIVE_PARTICIPANTS} active participants`,
            'entity_user_xref_uuids'
        );
    }
}

/** Chat service: the chats the acting membership can see, most recent activity first. */
export function listChatsFor({ state, entityUuid }: Scope, actorUuid: string, query: PageQuery): Page<ChatRecord> {
    const chats = state.chats.filter((c) => c.entity_uuid === entityUuid && isVisibleTo(c, actorUuid));
    return pageByOffset(newestFirst(chats), query);
}

/** System API (data reviewer): the started chats a membership takes or took part in. */
export function listChatsOf({ state, entityUuid }: Scope, query: SystemChatListQuery): Page<ChatRecord> {
    requireMembership(state, entityUuid, query.entity_user_xref_uuid);
    const other = query.with_entity_user_xref_uuid;
    if (other !== undefined) requireMembership(state, entityUuid, other, 'with_entity_user_xref_uuid');
    const chats = state.chats.filter(
        (c) =>
            c.entity_uuid === entityUuid &&
            c.messages.length > 0 &&
            participation(c, query.entity_user_xref_uuid) !== undefined &&
            (other === undefined || participation(c, other) !== undefined)
    );
    return pageByOffset(newestFirst(chats), query);
}

export function createChat({ state, entityUuid, now }: Scope, actorUuid: string, body: CreateChatRequest): ChatRecord {
    const chat: ChatRecord = {
        chat_uuid: nextUuid(state),
        entity_uuid: entityUuid,
        title: body.title ?? DEFAULT_CHAT_TITLE,
        staff_only: body.staff_only ?? false,
        archived: false,
        created_at: now,
        created_by_entity_user_xref_uuid: actorUuid,
        participants: [],
        messages: []
    };
    addParticipants(state, chat, actorUuid, [actorUuid, ...body.entity_user_xref_uuids], now);
    state.chats.push(chat);
    return chat;
}

export function renameChat({ state, entityUuid }: Scope, actorUuid: string, body: RenameChatRequest): ChatRecord {
    const chat = requireChat(state, entityUuid, body.chat_uuid);
    requireActiveParticipant(chat, actorUuid);
    chat.title = body.title;
    return chat;
}

export function inviteToChat(
    { state, entityUuid, now }: Scope,
    actorUuid: string,
    body: InviteToChatRequest
): ChatRecord {
    const chat = requireChat(state, entityUuid, body.chat_uuid);
    requireActiveParticipant(chat, actorUuid);
    addParticipants(state, chat, actorUuid, body.entity_user_xref_uuids, now);
    return chat;
}

/** A reply un-archives the chat (documented by Qwil: archiving hides a chat until a reply arrives). */
export function sendText({ state, entityUuid, now }: Scope, actorUuid: string, body: SendTextRequest): MessageRecord {
    const chat = requireChat(state, entityUuid, body.chat_uuid);
    requireActiveParticipant(chat, actorUuid);
    if (body.reply_to_seq !== undefined && !chat.messages.some((m) => m.seq === body.reply_to_seq)) {
        throw notFound(`Message ${body.reply_to_seq}`, 'reply_to_seq');
    }
    const message: MessageRecord = {
        seq: (chat.messages.at(-1)?.seq ?? 0) + 1,
        sender_entity_user_xref_uuid: actorUuid,
        text: body.text,
        sent_at: now,
        reply_to_seq: body.reply_to_seq ?? null,
        attachments: []
    };
    chat.messages.push(message);
    chat.archived = false;
    return message;
}

export function archiveChat({ state, entityUuid }: Scope, actorUuid: string, body: ArchiveChatRequest): ChatRecord {
    const chat = requireChat(state, entityUuid, body.chat_uuid);
    requireActiveParticipant(chat, actorUuid);
    chat.archived = body.archived;
    return chat;
}

/** Pages run from the newest message backwards; each page is in sequence order. */
export function messageRange(
    { state, entityUuid }: Scope,
    actorUuid: string,
    query: MessageRangeQuery
): Page<MessageRecord> {
    const chat = requireChat(state, entityUuid, query.chat_uuid);
    const before = query.cursor === undefined ? Number.POSITIVE_INFINITY : decodeCursor('before-seq', query.cursor);
    const earlier = messagesVisibleTo(chat, actorUuid).filter((m) => m.seq < before);
    const items = earlier.slice(-pageLimit(query));
    const first = items[0];
    return {
        items,
        next_cursor: first !== undefined && earlier.length > items.length ? encodeCursor('before-seq', first.seq) : null
    };
}

export function transcriptFor(
    { state, entityUuid }: Scope,
    actorUuid: string,
    query: ChatRef
): { chat: ChatRecord; messages: MessageRecord[] } {
    const chat = requireChat(state, entityUuid, query.chat_uuid);
    return { chat, messages: messagesVisibleTo(chat, actorUuid) };
}
