import type { Chat, Group, Membership, Message } from '../../../force-app/server/qwil/schemas';
import { findMembership, isActiveStaff } from './lookups';
import type { ChatRecord, GroupRecord, MembershipRecord, MessageRecord, QwilState } from './types';

/** Records as Qwil's API shows them. */

export function toMembership(record: MembershipRecord): Membership {
    return {
        entity_user_xref_uuid: record.entity_user_xref_uuid,
        entity_uuid: record.entity_uuid,
        first_name: record.first_name,
        last_name: record.last_name,
        job_title: record.job_title,
        primary_email: record.primary_email,
        identifier: record.identifier,
        invitation_phone_number: record.invitation_phone_number,
        role: record.role,
        status: record.status,
        invited_at: record.invited_at,
        joined_at: record.joined_at
    };
}

/** A group as Qwil shows it; `active_staff_count` (our choice) tells whether a client may join. */
export const toGroup =
    (state: QwilState) =>
    (record: GroupRecord): Group => ({
        group_uuid: record.group_uuid,
        entity_uuid: record.entity_uuid,
        name: record.name,
        identifier: record.identifier,
        description: record.description,
        member_count: record.member_xref_uuids.length,
        active_staff_count: record.member_xref_uuids.filter((xref) => {
            const member = findMembership(state, record.entity_uuid, xref);
            return member !== undefined && isActiveStaff(member);
        }).length,
        created_at: record.created_at
    });

export function toChat(record: ChatRecord): Chat {
    return {
        chat_uuid: record.chat_uuid,
        entity_uuid: record.entity_uuid,
        title: record.title,
        staff_only: record.staff_only,
        archived: record.archived,
        created_at: record.created_at,
        created_by_entity_user_xref_uuid: record.created_by_entity_user_xref_uuid,
        participants: record.participants.map((p) => ({ ...p })),
        message_count: record.messages.length,
        last_message_at: record.messages.at(-1)?.sent_at ?? null
    };
}

export function toMessage(chatUuid: string, record: MessageRecord): Message {
    return {
        chat_uuid: chatUuid,
        seq: record.seq,
        sender_entity_user_xref_uuid: record.sender_entity_user_xref_uuid,
        text: record.text,
        sent_at: record.sent_at,
        reply_to_seq: record.reply_to_seq,
        attachments: record.attachments.map((a) => ({ ...a }))
    };
}
