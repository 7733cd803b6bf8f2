import type { ChatMessage, ChatPerson, ChatSummary, OpenedChat } from '../../../server/contracts/QwilChatsController';

// Chats as the server methods answer them, for the Chats components' tests.

export const RECORD_ID = '003Qw0000000002IAA';
export const CHAT_UUID = '11111111-1111-4111-8111-111111111111';
export const OLIVIA: ChatPerson = {
    entityUserXrefUuid: '22222222-2222-4222-8222-222222222222',
    name: 'Olivia Hart',
    isClient: false,
    isYou: true,
    former: false
};
export const ELEANOR: ChatPerson = {
    entityUserXrefUuid: '33333333-3333-4333-8333-333333333333',
    name: 'Eleanor Whitfield',
    isClient: true,
    isYou: false,
    former: false
};
export const NOAH: ChatPerson = {
    entityUserXrefUuid: '44444444-4444-4444-8444-444444444444',
    name: 'Noah Fischer',
    isClient: false,
    isYou: false,
    former: true
};

export function message(seq: number, from: ChatPerson = ELEANOR, overrides: Partial<ChatMessage> = {}): ChatMessage {
    return {
        seq,
        sender: { entityUserXrefUuid: from.entityUserXrefUuid, name: from.name, isYou: from.isYou },
        text: `Message ${seq}`,
        sentAt: new Date(Date.UTC(2025, 9, 6, 9, seq)).toISOString(),
        replyToSeq: null,
        attachments: [],
        ...overrides
    };
}

/** Messages `from`..`to`, oldest first. */
export function messages(from: number, to: number): ChatMessage[] {
    return Array.from({ length: to - from + 1 }, (_, i) => message(from + i));
}

export function summary(overrides: Partial<ChatSummary> = {}): ChatSummary {
    return {
        chatUuid: CHAT_UUID,
        title: 'Q3 portfolio review',
        staffOnly: false,
        archived: false,
        participants: [OLIVIA, ELEANOR],
        hiddenClientCount: 0,
        messageCount: 6,
        lastMessageAt: '2025-10-08T09:12:00.000Z',
        lastMessagePreview: 'Thursday at 10:00 works for me.',
        ...overrides
    };
}

export function openedChat(overrides: Partial<OpenedChat> = {}): OpenedChat {
    return {
        chat: summary(),
        messages: messages(1, 6),
        olderCursor: null,
        cannotSendReason: null,
        historyNote: null,
        exportAvailability: { allowed: true, reason: null },
        ...overrides
    };
}
