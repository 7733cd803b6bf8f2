import { activeStaffOrganisations, MAX_ORGANISATION_LOOKUPS } from '../../services/organisation';
import { QwilClient } from '../qwilClient';
import { describeQwilFailure } from '../qwilErrorMessages';
import { QwilApiError } from '../qwilTransport';
import { CHAT, CLIENT, GROUP, json, membership, MINIMAL_ANSWERS, ORG_A, ORG_B, STAFF, UNKNOWN } from './minimalAnswers';
import { scriptedQwil, type ScriptedAnswer } from './scriptedQwil';

// Qwil documents no answer shapes: the connector must read answers shaped as Qwil's own samples read
// them (qwil-salesforce-multiorg-app, QwilSdk.cls and qwilApp.js), answers with fields it does not
// know, and answers without the paging cursor, which Qwil does not document.
describe('answers without the paging cursor and with fields the connector does not know', () => {
    const http = scriptedQwil(MINIMAL_ANSWERS);
    const qwil = new QwilClient(http);
    const { groups, chats } = qwil;

    it('are read by every membership call', async () => {
        expect((await qwil.memberships.findMembership({ identifier: 'S-1' }))?.entity_user_xref_uuid).toBe(STAFF);
        expect(await qwil.memberships.listMembershipsPage({ role: 'staff' }, null)).toMatchObject({
            entity_memberships: [{ entity_user_xref_uuid: STAFF }],
            next_cursor: null
        });
        expect(await qwil.memberships.searchMemberships({ search: 'Reyes' })).toHaveLength(1);
        expect(await qwil.groups.search('Reyes')).toHaveLength(1);
        const invite = {
            first_name: 'Ana',
            last_name: 'Lind',
            job_title: 'Client',
            primary_email: 'ana@example.com',
            role: 'client' as const,
            created_by_entity_user_xref_uuid: STAFF
        };
        expect((await qwil.memberships.createMembership(invite)).status).toBe('pending');
        expect((await qwil.memberships.resendInvitation(CLIENT)).entity_user_xref_uuid).toBe(CLIENT);
        expect((await qwil.memberships.updateInvitationPhone(CLIENT, '+447700000123')).entity_user_xref_uuid).toBe(
            CLIENT
        );
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
        expect(await chats.listClientChats({ clientUuid: CLIENT, limit: 10 })).toMatchObject({
            chats: [{ chat_uuid: CHAT }],
            next_cursor: null
        });
        expect(await chats.listChatsOf(STAFF)).toHaveLength(1);
        expect(await chats.messageRange(STAFF, CHAT, 20)).toMatchObject({ messages: [{ seq: 1 }], next_cursor: null });
        expect((await chats.createChat(STAFF, { entity_user_xref_uuids: [CLIENT] })).chat_uuid).toBe(CHAT);
        expect((await chats.sendText(STAFF, { chat_uuid: CHAT, text: 'Hello' })).seq).toBe(1);
        expect((await chats.exportChat(CHAT, 'pdf')).fileName).toBe('chat.pdf');
        await chats.probeTranscriptExport();
        expect(http.sent.at(-1)).toMatchObject({ path: 'chats/export/pdf', rawQuery: '' });
    });
});

describe("the tenancy list as Qwil's multi-organisation sample reads it", () => {
    /** Only entity {entity_uuid, name} and user {entity_user_xref_uuid}: no role, status, cursor, avatar or logo. */
    const sampleShaped = (
        ...tenancies: { entity: string; user: string; role?: string; status?: string }[]
    ): ScriptedAnswer =>
        json({
            entity_memberships: tenancies.map(({ entity, user, role, status }) => ({
                entity: { entity_uuid: entity, name: entity === ORG_A ? 'Harbour Wealth' : 'Northgate', ...UNKNOWN },
                user: { entity_user_xref_uuid: user, ...(role ? { role } : {}), ...(status ? { status } : {}) }
            }))
        });
    const key = { field: 'Email', label: 'Email', value: 'sofia@example.com' };

    it('is read, with role and status unknown', async () => {
        const qwil = new QwilClient(
            scriptedQwil({ 'GET sdk/entity-memberships': sampleShaped({ entity: ORG_A, user: STAFF }) })
        );
        expect(await qwil.memberships.listTenancies('sofia@example.com')).toEqual([
            { entity: { entity_uuid: ORG_A, name: 'Harbour Wealth' }, user: { entity_user_xref_uuid: STAFF } }
        ]);
    });

    it('reads a role or status the connector does not know as unknown, and an avatar or logo given as null', async () => {
        const answer = json({
            entity_memberships: [
                {
                    entity: { entity_uuid: ORG_A, name: 'A', avatar_url: null, logo_url: null },
                    user: { entity_user_xref_uuid: STAFF, role: 'owner', status: 7 }
                }
            ]
        });
        const [tenancy] = await new QwilClient(
            scriptedQwil({ 'GET sdk/entity-memberships': answer })
        ).memberships.listTenancies('sofia@example.com');
        expect(tenancy?.user).toEqual({ entity_user_xref_uuid: STAFF, role: undefined, status: undefined });
    });

    it('looks up each membership whose role or status is unknown in its organisation, and keeps active staff only', async () => {
        const http = scriptedQwil({
            'GET sdk/entity-memberships': sampleShaped({ entity: ORG_A, user: STAFF }, { entity: ORG_B, user: CLIENT }),
            'GET entity-memberships': [
                json({ entity_membership: membership(STAFF, 'staff') }),
                json({ entity_membership: membership(CLIENT, 'client') })
            ]
        });
        const organisations = await activeStaffOrganisations(new QwilClient(http), key);
        expect(organisations).toEqual([{ entityUuid: ORG_A, name: 'Harbour Wealth', membershipUuid: STAFF }]);
        const lookups = http.sent.filter((request) => request.path === 'entity-memberships');
        expect(
            lookups.map((request) => [
                request.headers.get('on-behalf-of-entity-uuid'),
                request.query.get('entity_user_xref_uuid')
            ])
        ).toEqual([
            [ORG_A, STAFF],
            [ORG_B, CLIENT]
        ]);
    });

    it('refuses, before any lookup, more organisations without role or status than a transaction can look up', async () => {
        const tenancies = Array.from({ length: MAX_ORGANISATION_LOOKUPS + 1 }, () => ({ entity: ORG_A, user: STAFF }));
        const http = scriptedQwil({ 'GET sdk/entity-memberships': sampleShaped(...tenancies) });
        await expect(activeStaffOrganisations(new QwilClient(http), key)).rejects.toThrow(
            'Qwil lists you in 21 organisations without saying in which you are active staff, more than Qwil Messenger can check at once (20). Ask your Qwil administrator to check your staff accounts.'
        );
        expect(http.sent).toHaveLength(1);
    });

    it('needs no lookup when the answer gives role and status', async () => {
        const http = scriptedQwil({
            'GET sdk/entity-memberships': sampleShaped(
                { entity: ORG_A, user: STAFF, role: 'staff', status: 'active' },
                { entity: ORG_B, user: CLIENT, role: 'client' }
            )
        });
        expect(await activeStaffOrganisations(new QwilClient(http), key)).toEqual([
            { entityUuid: ORG_A, name: 'Harbour Wealth', membershipUuid: STAFF }
        ]);
        expect(http.sent).toHaveLength(1);
    });

    it('is empty when Qwil locates no account (RN006), so the user is told no organisation lists them', async () => {
        const qwil = new QwilClient(
            scriptedQwil({ 'GET sdk/entity-memberships': { status: 404, body: { error_code: 'RN006' } } })
        );
        expect(await qwil.memberships.listTenancies('nobody@example.com')).toEqual([]);
        await expect(activeStaffOrganisations(qwil, key)).rejects.toThrow(
            /^No Qwil organisation lists sofia@example.com \(your Email\) as an active staff member/
        );
    });
});

describe("an error body with only error_code, as Qwil's samples read it", () => {
    it('keeps the code, so the message for that code applies', async () => {
        const qwil = new QwilClient(
            scriptedQwil({ 'GET entity-memberships/list': { status: 401, body: { error_code: 'RU001' } } })
        );
        const failure = await qwil.memberships.searchMemberships({}).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(QwilApiError);
        expect(failure).toMatchObject({ status: 401, errorCode: 'RU001', unreadable: false });
        expect(describeQwilFailure(failure)).toMatch(/^Qwil Messenger cannot sign in to Qwil/);
    });

    it('means "not found" for a lookup (RN006)', async () => {
        const qwil = new QwilClient(
            scriptedQwil({ 'GET entity-memberships': { status: 404, body: { error_code: 'RN006' } } })
        );
        expect(await qwil.memberships.findMembership({ primary_email: 'nobody@example.com' })).toBeNull();
    });
});
