import type { ScriptedAnswer } from './scriptedQwil';

// Minimal answers, as Qwil's samples would read them: only the fields the connector reads (no
// organisation uuid or creation time in memberships, groups and chats), no `next_cursor` (Qwil
// documents no paging), and a field the connector does not know in each.
export const ORG_A = '3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a60';
export const ORG_B = '4a2d3b0f-9c8e-4d7f-8b6a-2f3e4d5c6b71';
export const STAFF = '5b3e4c1a-0d9f-4e8a-9c7b-3a4f5e6d7c82';
export const CLIENT = '6c4f5d2b-1e0a-4f9b-8d8c-4b5a6f7e8d93';
export const GROUP = '7d5a6e3c-2f1b-4a0c-9e9d-5c6b7a8f9ea4';
export const CHAT = '8e6b7f4d-3a2c-4b1d-8f0e-6d7c8b9a0fb5';
const NOW = '2026-01-31T09:00:00Z';
export const UNKNOWN = { added_by_a_later_qwil: { nested: [1, 2] } };

export const membership = (uuid: string, role: string, status = 'active') => ({
    ...UNKNOWN,
    entity_user_xref_uuid: uuid,
    first_name: 'Sofia',
    last_name: 'Reyes',
    job_title: 'Adviser',
    primary_email: 'sofia@example.com',
    identifier: null,
    invitation_phone_number: null,
    role,
    status,
    invited_at: NOW,
    joined_at: null
});
const group = {
    ...UNKNOWN,
    group_uuid: GROUP,
    name: 'Reyes family',
    identifier: null,
    description: null,
    member_count: 2,
    active_staff_count: 1
};
const chat = {
    ...UNKNOWN,
    chat_uuid: CHAT,
    title: 'Pension review',
    staff_only: false,
    archived: false,
    created_by_entity_user_xref_uuid: STAFF,
    participants: [{ entity_user_xref_uuid: STAFF, joined_at: NOW, left_at: null }],
    message_count: 1,
    last_message_at: NOW
};
const message = {
    ...UNKNOWN,
    chat_uuid: CHAT,
    seq: 1,
    sender_entity_user_xref_uuid: STAFF,
    text: 'Hello',
    sent_at: NOW,
    reply_to_seq: null,
    attachments: []
};
export const json = (body: unknown): ScriptedAnswer => ({ body });

/** Every answer without `next_cursor`, each with a field the connector does not know. */
export const MINIMAL_ANSWERS: Record<string, ScriptedAnswer> = {
    'GET entity-memberships': json({ ...UNKNOWN, entity_membership: membership(STAFF, 'staff') }),
    'GET entity-memberships/list': json({ ...UNKNOWN, entity_memberships: [membership(STAFF, 'staff')] }),
    'POST entity-memberships/create': json({ entity_membership: membership(CLIENT, 'client', 'pending') }),
    'POST entity-memberships/invitations/resend': json({ entity_membership: membership(CLIENT, 'client', 'pending') }),
    'POST entity-memberships/phone-numbers/update': json({
        entity_membership: membership(CLIENT, 'client', 'pending')
    }),
    'POST entity-memberships/update': json({ entity_membership: membership(CLIENT, 'client', 'active') }),
    'GET entity-memberships/group-memberships/list': json({ groups: [group] }),
    'GET groups/list': json({ groups: [group] }),
    'GET groups/group-members/list': json({ group_members: [membership(STAFF, 'staff')] }),
    'POST groups/create': json({ group }),
    'POST groups/update': json({ group }),
    'POST groups/destroy': json({ ...UNKNOWN, group_uuid: GROUP, deleted: true }),
    'POST groups/group-members/create': json({ group }),
    'POST groups/group-members/destroy': json({ group }),
    'GET chats/list': json({ chats: [chat] }),
    'GET chats': json({ chats: [chat] }),
    'GET chats/messages/range': json({ messages: [message] }),
    'POST chats/create': json({ chat }),
    'POST chats/messages/send-text': json({ message }),
    'GET chats/export/pdf': {
        body: '%PDF',
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="chat.pdf"' }
    },
    'GET chats/export/zip': {
        body: 'PK',
        headers: { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="chat.zip"' }
    },
    'GET sdk/entity-memberships': json({
        entity_memberships: [
            { entity: { entity_uuid: ORG_A, name: 'Harbour Wealth' }, user: { entity_user_xref_uuid: STAFF } }
        ]
    })
};
