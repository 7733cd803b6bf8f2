import { activeStaffOrganisations } from '../../services/organisation';
import { ChatsApi } from '../chatsApi';
import { GroupsApi } from '../groupsApi';
import { QwilClient } from '../qwilClient';
import { describeQwilFailure } from '../qwilErrorMessages';
import { QwilApiError } from '../qwilTransport';
import { scriptedQwil, type ScriptedAnswer } from './scriptedQwil';

// Qwil documents no answer shapes: the connector must read answers shaped as Qwil's own samples read
// them (qwil-salesforce-multiorg-app, QwilSdk.cls and qwilApp.js), answers with fields it does not
// know, and answers without the paging cursor, which Qwil does not document.
const ORG_A = '3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a60';
const ORG_B = '4a2d3b0f-9c8e-4d7f-8b6a-2f3e4d5c6b71';
const STAFF = '5b3e4c1a-0d9f-4e8a-9c7b-3a4f5e6d7c82';
const CLIENT = '6c4f5d2b-1e0a-4f9b-8d8c-4b5a6f7e8d93';
const GROUP = '7d5a6e3c-2f1b-4a0c-9e9d-5c6b7a8f9ea4';
const CHAT = '8e6b7f4d-3a2c-4b1d-8f0e-6d7c8b9a0fb5';
const NOW = '2026-01-31T09:00:00Z';
const UNKNOWN = { added_by_a_later_qwil: { nested: [1, 2] } };

const membership = (uuid: string, role: string, status = 'active') => ({
    ...UNKNOWN,
    entity_user_xref_uuid: uuid,
    entity_uuid: ORG_A,
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
const group = { ...UNKNOWN, group_uuid: GROUP, entity_uuid: ORG_A, name: 'Reyes family', identifier: null, description: null, member_count: 2, active_staff_count: 1, created_at: NOW };
const chat = {
    ...UNKNOWN,
    chat_uuid: CHAT,
    entity_uuid: ORG_A,
    title: 'Pension review',
    staff_only: false,
    archived: false,
    created_at: NOW,
    created_by_entity_user_xref_uuid: STAFF,
    participants: [{ entity_user_xref_uuid: STAFF, joined_at: NOW, left_at: null }],
    message_count: 1,
    last_message_at: NOW
};
const message = { ...UNKNOWN, chat_uuid: CHAT, seq: 1, sender_entity_user_xref_uuid: STAFF, text: 'Hello', sent_at: NOW, reply_to_seq: null, attachments: [] };
const json = (body: unknown): ScriptedAnswer => ({ body });

/** Every answer without `next_cursor`, each with a field the connector does not know. */
const MINIMAL_ANSWERS: Record<string, ScriptedAnswer> = {
    'GET entity-memberships': json({ ...UNKNOWN, entity_membership: membership(STAFF, 'staff') }),
    'GET entity-memberships/list': json({ ...UNKNOWN, entity_memberships: [membership(STAFF, 'staff')] }),
    'POST entity-memberships/create': json({ entity_membership: membership(CLIENT, 'client', 'pending') }),
    'POST entity-memberships/invitations/resend': json({ entity_membership: membership(CLIENT, 'client', 'pending') }),
    'POST entity-memberships/phone-numbers/update': json({ entity_membership: membership(CLIENT, 'client', 'pending') }),
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
    'GET chats/export/pdf': { body: '%PDF', headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="chat.pdf"' } }
};

describe('answers without the paging cursor and with fields the connector does not know', () => {
    const http = scriptedQwil(MINIMAL_ANSWERS);
    const qwil = new QwilClient(http);
    const groups = new GroupsApi(qwil.transport);
    const chats = new ChatsApi(qwil.transport);

    it('are read by every membership call', async () => {
        expect((await qwil.findMembership({ identifier: 'S-1' }))?.entity_user_xref_uuid).toBe(STAFF);
        expect(await qwil.listMembershipsPage({ role: 'staff' }, null)).toMatchObject({ entity_memberships: [{ entity_user_xref_uuid: STAFF }], next_cursor: null });
        expect(await qwil.searchMemberships({ search: 'Reyes' })).toHaveLength(1);
        expect(await qwil.searchGroups('Reyes')).toHaveLength(1);
        const invite = { first_name: 'Ana', last_name: 'Lind', job_title: 'Client', primary_email: 'ana@example.com', role: 'client' as const, created_by_entity_user_xref_uuid: STAFF };
        expect((await qwil.createMembership(invite)).status).toBe('pending');
        expect((await qwil.resendInvitation(CLIENT)).entity_user_xref_uuid).toBe(CLIENT);
        expect((await qwil.updateInvitationPhone(CLIENT, '+447700900123')).entity_user_xref_uuid).toBe(CLIENT);
    });

    it('are read by every group call, and a list without a cursor is one page', async () => {
        const before = http.sent.length;
        expect(await groups.groupsOf(CLIENT)).toHaveLength(1);
        expect(await groups.members(GROUP)).toHaveLength(1);
        expect(http.sent.length - before).toBe(2);
        expect(await groups.search('')).toHaveLength(1);
        expect((await groups.create({ name: 'Reyes family' })).group_uuid).toBe(GROUP);
        expect((await groups.update({ group_uuid: GROUP, name: 'Reyes household' })).group_uuid).toBe(GROUP);
        await expect(groups.destroy(GROUP)).resolves.toBeUndefined();
        expect((await groups.addMembers(GROUP, [STAFF])).group_uuid).toBe(GROUP);
        expect((await groups.removeMembers(GROUP, [STAFF])).group_uuid).toBe(GROUP);
    });

    it('are read by every chat call', async () => {
        expect(await chats.listClientChats({ clientUuid: CLIENT, limit: 10 })).toMatchObject({ chats: [{ chat_uuid: CHAT }], next_cursor: null });
        expect(await chats.listChatsOf(STAFF)).toHaveLength(1);
        expect(await chats.messageRange(STAFF, CHAT, 20)).toMatchObject({ messages: [{ seq: 1 }], next_cursor: null });
        expect((await chats.createChat(STAFF, { entity_user_xref_uuids: [CLIENT] })).chat_uuid).toBe(CHAT);
        expect((await chats.sendText(STAFF, { chat_uuid: CHAT, text: 'Hello' })).seq).toBe(1);
        expect((await chats.exportChat(CHAT, 'pdf')).fileName).toBe('chat.pdf');
        await chats.probeTranscriptExport();
        expect(http.sent.at(-1)).toMatchObject({ path: 'chats/export/pdf', rawQuery: '' });
    });
});

describe('the tenancy list as Qwil\'s multi-organisation sample reads it', () => {
    /** Only entity {entity_uuid, name} and user {entity_user_xref_uuid}: no role, status, cursor, avatar or logo. */
    const sampleShaped = (...tenancies: { entity: string; user: string; role?: string; status?: string }[]): ScriptedAnswer =>
        json({
            entity_memberships: tenancies.map(({ entity, user, role, status }) => ({
                entity: { entity_uuid: entity, name: entity === ORG_A ? 'Harbour Wealth' : 'Northgate', ...UNKNOWN },
                user: { entity_user_xref_uuid: user, ...(role ? { role } : {}), ...(status ? { status } : {}) }
            }))
        });
    const key = { field: 'Email', label: 'Email', value: 'sofia@example.com' };

    it('is read, with role and status unknown', async () => {
        const qwil = new QwilClient(scriptedQwil({ 'GET sdk/entity-memberships': sampleShaped({ entity: ORG_A, user: STAFF }) }));
        expect(await qwil.listTenancies('sofia@example.com')).toEqual([{ entity: { entity_uuid: ORG_A, name: 'Harbour Wealth' }, user: { entity_user_xref_uuid: STAFF } }]);
    });

    it('reads a role or status the connector does not know as unknown, and an avatar or logo given as null', async () => {
        const answer = json({ entity_memberships: [{ entity: { entity_uuid: ORG_A, name: 'A', avatar_url: null, logo_url: null }, user: { entity_user_xref_uuid: STAFF, role: 'owner', status: 7 } }] });
        const [tenancy] = await new QwilClient(scriptedQwil({ 'GET sdk/entity-memberships': answer })).listTenancies('sofia@example.com');
        expect(tenancy?.user).toEqual({ entity_user_xref_uuid: STAFF, role: undefined, status: undefined });
    });

    it('looks up each membership whose role or status is unknown in its organisation, and keeps active staff only', async () => {
        const http = scriptedQwil({
            'GET sdk/entity-memberships': sampleShaped({ entity: ORG_A, user: STAFF }, { entity: ORG_B, user: CLIENT }),
            'GET entity-memberships': [json({ entity_membership: membership(STAFF, 'staff') }), json({ entity_membership: membership(CLIENT, 'client') })]
        });
        const organisations = await activeStaffOrganisations(new QwilClient(http), key);
        expect(organisations).toEqual([{ entityUuid: ORG_A, name: 'Harbour Wealth', membershipUuid: STAFF }]);
        const lookups = http.sent.filter((request) => request.path === 'entity-memberships');
        expect(lookups.map((request) => [request.headers.get('on-behalf-of-entity-uuid'), request.query.get('entity_user_xref_uuid')])).toEqual([
            [ORG_A, STAFF],
            [ORG_B, CLIENT]
        ]);
    });

    it('needs no lookup when the answer gives role and status', async () => {
        const http = scriptedQwil({
            'GET sdk/entity-memberships': sampleShaped({ entity: ORG_A, user: STAFF, role: 'staff', status: 'active' }, { entity: ORG_B, user: CLIENT, role: 'client' })
        });
        expect(await activeStaffOrganisations(new QwilClient(http), key)).toEqual([{ entityUuid: ORG_A, name: 'Harbour Wealth', membershipUuid: STAFF }]);
        expect(http.sent).toHaveLength(1);
    });

    it('is empty when Qwil locates no account (RN006), so the user is told no organisation lists them', async () => {
        const qwil = new QwilClient(scriptedQwil({ 'GET sdk/entity-memberships': { status: 404, body: { error_code: 'RN006' } } }));
        expect(await qwil.listTenancies('nobody@example.com')).toEqual([]);
        await expect(activeStaffOrganisations(qwil, key)).rejects.toThrow(/^No Qwil organisation lists sofia@example.com \(your Email\) as an active staff member/);
    });
});

describe('an error body with only error_code, as Qwil\'s samples read it', () => {
    it('keeps the code, so the message for that code applies', async () => {
        const qwil = new QwilClient(scriptedQwil({ 'GET entity-memberships/list': { status: 401, body: { error_code: 'RU001' } } }));
        const failure = await qwil.searchMemberships({}).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(QwilApiError);
        expect(failure).toMatchObject({ status: 401, errorCode: 'RU001', unreadable: false });
        expect(describeQwilFailure(failure)).toMatch(/^Qwil Messenger cannot sign in to Qwil/);
    });

    it('means "not found" for a lookup (RN006)', async () => {
        const qwil = new QwilClient(scriptedQwil({ 'GET entity-memberships': { status: 404, body: { error_code: 'RN006' } } }));
        expect(await qwil.findMembership({ primary_email: 'nobody@example.com' })).toBeNull();
    });
});
