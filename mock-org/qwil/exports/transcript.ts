import { findMembership } from '../model/lookups';
import type { ChatRecord, QwilState } from '../model/types';

/** The plain-text lines of a chat transcript, shared by the PDF and ZIP exports. */
export function transcriptLines(state: QwilState, chat: ChatRecord): string[] {
    const nameOf = (xref: string): string => {
        const person = findMembership(state, chat.entity_uuid, xref);
        return person ? `${person.first_name} ${person.last_name}` : xref;
    };
    const header = [
        `Chat: ${chat.title}`,
        `Participants: ${chat.participants.map((p) => nameOf(p.entity_user_xref_uuid) + (p.left_at ? ' (former)' : '')).join(', ')}`,
        ''
    ];
    const body = chat.messages.flatMap((m) => [
        `#${m.seq} ${m.sent_at} ${nameOf(m.sender_entity_user_xref_uuid)}${m.reply_to_seq === null ? '' : ` (reply to #${m.reply_to_seq})`}:`,
        ...m.text.split('\n').map((line) => `  ${line}`),
        ...m.attachments.map((a) => `  [attachment] ${a.file_name} (${a.content_type}, ${a.size_bytes} bytes)`)
    ]);
    return [...header, ...body];
}
