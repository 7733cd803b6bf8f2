import { z } from 'zod';
import { OnceFields } from './exactlyOnce';
import { SalesforceId } from './common';

/** Qwil's limits for chats (documented): message text length and active participants. */
export const MESSAGE_MAX_LENGTH = 5000;
export const CHAT_MAX_ACTIVE_PARTICIPANTS = 100;
export const CHAT_TITLE_MAX_LENGTH = 500;
export const DEFAULT_CHAT_TITLE = 'New chat';

export const ChatVisibility = z.enum(['View All', 'View Own Chats']);
export type ChatVisibility = z.infer<typeof ChatVisibility>;

/** Someone who takes or took part in a chat. */
export const ChatPerson = z.object({
    entityUserXrefUuid: z.string(),
    name: z.string(),
    isClient: z.boolean(),
    isYou: z.boolean(),
    /** Left the chat (or was deactivated): keeps the history up to then, cannot write. */
    former: z.boolean()
});
export type ChatPerson = z.infer<typeof ChatPerson>;

export const ChatSummary = z.object({
    chatUuid: z.string(),
    title: z.string(),
    staffOnly: z.boolean(),
    archived: z.boolean(),
    /** Participants the user may see: staff, the viewed client and clients whose records the user can read. */
    participants: z.array(ChatPerson),
    /** Other participants: clients the user cannot read in Salesforce, counted, never named. */
    hiddenClientCount: z.number().int(),
    messageCount: z.number().int(),
    lastMessageAt: z.string().nullable(),
    /** The start of the newest message, when known: Qwil's list carries no message text, so it is what was read when the chat was last opened. */
    lastMessagePreview: z.string().nullable()
});
export type ChatSummary = z.infer<typeof ChatSummary>;

export const ChatAttachment = z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() });
export type ChatAttachment = z.infer<typeof ChatAttachment>;

export const ChatMessage = z.object({
    seq: z.number().int(),
    /** Whether the sender has left is in the chat's participants. */
    sender: z.object({ entityUserXrefUuid: z.string(), name: z.string(), isYou: z.boolean() }),
    text: z.string(),
    sentAt: z.string(),
    replyToSeq: z.number().int().nullable(),
    attachments: z.array(ChatAttachment)
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** What the page may offer for exports, and why not when it may not. */
export const ExportAvailability = z.object({ allowed: z.boolean(), reason: z.string().nullable() });
export type ExportAvailability = z.infer<typeof ExportAvailability>;

export const ChatListParams = z.strictObject({ recordId: SalesforceId, cursor: z.string().min(1).max(500).nullable() });
export type ChatListParams = z.infer<typeof ChatListParams>;

export const ChatListPage = z.object({
    visibility: ChatVisibility,
    /** The client's name in Qwil. */
    clientName: z.string(),
    chats: z.array(ChatSummary),
    nextCursor: z.string().nullable(),
    /** Null when a chat can be started with this client. */
    startChatUnavailableReason: z.string().nullable(),
    exportAvailability: ExportAvailability
});
export type ChatListPage = z.infer<typeof ChatListPage>;

export const ChatParams = z.strictObject({ recordId: SalesforceId, chatUuid: z.uuid() });
export type ChatParams = z.infer<typeof ChatParams>;

/** One page of history, oldest first; `olderCursor` fetches the page before it. */
export const MessagePage = z.object({ messages: z.array(ChatMessage), olderCursor: z.string().nullable() });
export type MessagePage = z.infer<typeof MessagePage>;

export const OpenedChat = MessagePage.extend({
    chat: ChatSummary,
    /** Null when the user can write in this chat. */
    cannotSendReason: z.string().nullable(),
    /** Set when the history shown is cut short, e.g. up to the moment a participant left. */
    historyNote: z.string().nullable(),
    /** Whether the chat may be downloaded, checked as it opens (a check at most 30 s old). */
    exportAvailability: ExportAvailability
});
export type OpenedChat = z.infer<typeof OpenedChat>;

export const OlderMessagesParams = ChatParams.extend({ cursor: z.string().min(1).max(500) });
export type OlderMessagesParams = z.infer<typeof OlderMessagesParams>;

export const NewMessagesParams = ChatParams.extend({ afterSeq: z.number().int().min(0) });
export type NewMessagesParams = z.infer<typeof NewMessagesParams>;

/** Messages after `afterSeq`, oldest first; `complete` is false when there were too many to return. */
export const NewMessages = z.object({ messages: z.array(ChatMessage), complete: z.boolean() });
export type NewMessages = z.infer<typeof NewMessages>;

const MessageText = z
    .string()
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine((text) => text.length <= MESSAGE_MAX_LENGTH, `must be at most ${MESSAGE_MAX_LENGTH} characters`);

/**
 * One attempt to send a draft. The browser makes one `idempotencyKey` per draft and sends it again
 * on Retry (beginWrite is told whether it is a retry), with the newest message it had shown when the
 * draft was first sent.
 */
export const SendMessageParams = ChatParams.extend({
    text: MessageText,
    ...OnceFields,
    afterSeq: z.number().int().min(0)
});
export type SendMessageParams = z.infer<typeof SendMessageParams>;

export const SentMessage = z.object({ message: ChatMessage });
export type SentMessage = z.infer<typeof SentMessage>;

export const StartChatParams = z.strictObject({
    recordId: SalesforceId,
    title: z.string().max(CHAT_TITLE_MAX_LENGTH),
    /** Other active staff to add; the user and the client are always in the chat. */
    staffEntityUserXrefUuids: z.array(z.uuid()).max(CHAT_MAX_ACTIVE_PARTICIPANTS - 2),
    /** A chat becomes visible to the others with its first message, so starting one needs it. */
    text: MessageText,
    ...OnceFields
});
export type StartChatParams = z.infer<typeof StartChatParams>;

export const StartedChat = z.object({ chatUuid: z.string() });
export type StartedChat = z.infer<typeof StartedChat>;

/** exportChat: a chat's transcript (PDF) or its attachments (ZIP), when the key may export. */
export const ExportChatParams = z.strictObject({
    recordId: SalesforceId,
    chatUuid: z.uuid(),
    format: z.enum(['pdf', 'zip'])
});
export type ExportChatParams = z.infer<typeof ExportChatParams>;

/** The file, base64-encoded as Apex would send a Blob (EncodingUtil.base64Encode); named `<chat title> – <date>.pdf|zip`. */
export const ChatExportFile = z.object({ fileName: z.string(), contentType: z.string(), base64: z.string() });
export type ChatExportFile = z.infer<typeof ChatExportFile>;

/** exportChat: the file, or none when downloads are off (then `exportAvailability` says why, in staff words). */
export const ExportChatResult = z.object({ file: ChatExportFile.nullable(), exportAvailability: ExportAvailability });
export type ExportChatResult = z.infer<typeof ExportChatResult>;
