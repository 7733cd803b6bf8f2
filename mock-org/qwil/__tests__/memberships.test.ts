import {
    ChatListResponse,
    GroupListResponse,
    GroupResponse,
    type Membership,
    MembershipListResponse,
    MembershipLookupResponse,
    MembershipResponse
} from '../../../force-app/server/qwil/schemas';
import { DEMO } from '../index';
import { failed, ok, useMockQwil } from './harness';

const mock = useMockQwil();
const { oliviaHart, jamesPatel, avaCollins, noahFischer, sofiaReyes } = DEMO.staff;
const { eleanorWhitfield, marcusBennett, hannahLindqvist, georgeAdeyemi, charlotteDubois } = DEMO.clients;

const lookup = (query: Record<string, string>) => mock.sys.get('entity-memberships', { query });
const write = async (path: string, body: unknown) => mock.sys.post(`entity-memberships/${path}`, body);
const membershipOf = (reply: Awaited<ReturnType<typeof write>>): Membership =>
    ok(reply, MembershipResponse).entity_membership;

const thomas = {
    first_name: 'Thomas',
    last_name: 'Okafor',
    job_title: 'Client',
    primary_email: 'thomas.okafor@example.com',
    invitation_phone_number: '+447700010005',
    identifier: '003Qw0000000005IAA',
    role: 'client',
    group_uuids: [DEMO.groups.whitfieldRelationship],
    created_by_entity_user_xref_uuid: oliviaHart
};

/** JSON leaves out undefined fields. */
const withoutGroups = { ...thomas, group_uuids: undefined };

describe('membership lookup', () => {
    it('finds by exact identifier, not by another case', async () => {
        const { entity_membership } = ok(await lookup({ identifier: '003Qw0000000002IAA' }), MembershipLookupResponse);
        expect(entity_membership.entity_user_xref_uuid).toBe(eleanorWhitfield);
        failed(await lookup({ identifier: '003QW0000000002IAA' }), 404, 'RN006');
    });

    it('finds by primary email case-insensitively, and by entity_user_xref_uuid', async () => {
        const byEmail = ok(await lookup({ primary_email: 'Charlotte.Dubois@Example.com' }), MembershipLookupResponse);
        expect(byEmail.entity_membership.entity_user_xref_uuid).toBe(charlotteDubois);
        const byXref = ok(await lookup({ entity_user_xref_uuid: hannahLindqvist }), MembershipLookupResponse);
        expect(byXref.entity_membership.primary_email).toBe('hannah.lindqvist@example.com');
    });

    it('answers RN006 with a message for someone not in Qwil', async () => {
        const body = failed(await lookup({ identifier: '003Qw0000000005IAA' }), 404, 'RN006');
        expect(body.message).toMatch(/not found/);
        failed(await lookup({ primary_email: 'daniel.brooks@harbourwealth.example' }), 404, 'RN006');
    });

    it('takes exactly one known query parameter', async () => {
        const two = failed(
            await lookup({ identifier: '003Qw0000000002IAA', primary_email: 'eleanor.whitfield@example.com' }),
            400,
            'QX001'
        );
        expect(two.message).toMatch(/exactly one/);
        failed(await lookup({}), 400, 'QX001');
        failed(await lookup({ email: 'eleanor.whitfield@example.com' }), 400, 'QX001');
        failed(await lookup({ entity_user_xref_uuid: 'not-a-uuid' }), 400, 'QX001');
    });
});

describe('membership list', () => {
    it('pages through everyone with cursor and limit', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
            const query: Record<string, string> = { limit: '4', ...(cursor ? { cursor } : {}) };
            const page = ok(await mock.sys.get('entity-memberships/list', { query }), MembershipListResponse);
            expect(page.entity_memberships.length).toBeLessThanOrEqual(4);
            seen.push(...page.entity_memberships.map((m) => m.entity_user_xref_uuid));
            cursor = page.next_cursor;
        } while (cursor);
        expect(seen).toHaveLength(11);
        expect(new Set(seen).size).toBe(11);
    });

    it('filters by role, status and search', async () => {
        const clients = ok(
            await mock.sys.get('entity-memberships/list', { query: { role: 'client', status: 'active' } }),
            MembershipListResponse
        );
        expect(clients.entity_memberships.map((m) => m.last_name)).toEqual(['Dubois', 'Lindqvist', 'Whitfield']);
        const search = ok(
            await mock.sys.get('entity-memberships/list', { query: { search: 'PATEL' } }),
            MembershipListResponse
        );
        expect(search.entity_memberships.map((m) => m.entity_user_xref_uuid)).toEqual([jamesPatel]);
    });

    it('refuses a bad limit or a cursor it did not issue', async () => {
        for (const limit of ['0', '101', 'ten']) {
            expect(
                failed(await mock.sys.get('entity-memberships/list', { query: { limit } }), 400, 'QX001').field
            ).toBe('limit');
        }
        expect(
            failed(await mock.sys.get('entity-memberships/list', { query: { cursor: 'abc' } }), 400, 'QX001').field
        ).toBe('cursor');
    });

    it("lists a membership's groups", async () => {
        const reply = await mock.sys.get('entity-memberships/group-memberships/list', {
            query: { entity_user_xref_uuid: eleanorWhitfield }
        });
        expect(ok(reply, GroupListResponse).groups.map((g) => g.name)).toEqual(['Whitfield Relationship']);
    });
});

describe('invite (create)', () => {
    it('invites a client into existing groups as pending, with an invitation', async () => {
        const created = membershipOf(await write('create', thomas));
        expect(created).toMatchObject({
            status: 'pending',
            identifier: '003Qw0000000005IAA',
            joined_at: null,
            role: 'client'
        });
        expect(created.invited_at).toBe('2025-12-01T09:00:00.000Z');
        const stored = mock.control
            .snapshot()
            .memberships.find((m) => m.entity_user_xref_uuid === created.entity_user_xref_uuid);
        expect(stored?.invitation?.token).toEqual(expect.any(String));
        expect(stored?.created_by_entity_user_xref_uuid).toBe(oliviaHart);
    });

    it('does not send an invitation when send_invitation is false', async () => {
        const created = membershipOf(await write('create', { ...thomas, send_invitation: false }));
        const stored = mock.control
            .snapshot()
            .memberships.find((m) => m.entity_user_xref_uuid === created.entity_user_xref_uuid);
        expect(stored?.invitation).toBeNull();
    });

    it('creates a new group with the named members and the invitee', async () => {
        const created = membershipOf(
            await write('create', {
                ...withoutGroups,
                new_group_name: 'Okafor Relationship',
                new_group_entity_user_xref_uuids: [oliviaHart]
            })
        );
        const groups = ok(
            await mock.sys.get('entity-memberships/group-memberships/list', {
                query: { entity_user_xref_uuid: created.entity_user_xref_uuid }
            }),
            GroupListResponse
        ).groups;
        expect(groups.map((g) => [g.name, g.member_count])).toEqual([['Okafor Relationship', 2]]);
    });

    it('refuses a client without a group, or into a group without an active staff member (QX031)', async () => {
        failed(await write('create', withoutGroups), 409, 'QX031');
        failed(
            await write('create', {
                ...withoutGroups,
                new_group_name: 'Okafor Relationship',
                new_group_entity_user_xref_uuids: [avaCollins]
            }),
            409,
            'QX031'
        );
        expect(mock.control.snapshot().memberships.some((m) => m.last_name === 'Okafor')).toBe(false);
    });

    it('lets staff be invited without a group', async () => {
        const daniel = {
            first_name: 'Daniel',
            last_name: 'Brooks',
            job_title: 'Compliance Analyst',
            primary_email: 'daniel.brooks@harbourwealth.example',
            role: 'staff',
            created_by_entity_user_xref_uuid: sofiaReyes
        };
        expect(membershipOf(await write('create', daniel)).role).toBe('staff');
    });

    it('keeps primary emails unique per organisation, case-insensitively, deactivated ones included (QX020)', async () => {
        failed(
            await write('create', { ...thomas, primary_email: 'ELEANOR.WHITFIELD@example.com', identifier: 'x1' }),
            409,
            'QX020'
        );
        failed(
            await write('create', { ...thomas, primary_email: 'george.adeyemi@example.com', identifier: 'x2' }),
            409,
            'QX020'
        );
    });

    it('answers RN006 naming group_uuids for a group that does not exist', async () => {
        const body = failed(
            await write('create', { ...thomas, group_uuids: [DEMO.organisations.harbourWealth] }),
            404,
            'RN006'
        );
        expect(body.field).toBe('group_uuids');
    });

    it('keeps identifiers unique per organisation (QX021)', async () => {
        failed(await write('create', { ...thomas, identifier: '003Qw0000000002IAA' }), 409, 'QX021');
    });

    it('needs an active staff member as the inviter', async () => {
        expect(
            failed(
                await write('create', { ...thomas, created_by_entity_user_xref_uuid: eleanorWhitfield }),
                400,
                'QX001'
            ).field
        ).toBe('created_by_entity_user_xref_uuid');
        failed(await write('create', { ...thomas, created_by_entity_user_xref_uuid: noahFischer }), 403, 'RF024');
    });

    it('validates the phone number format and names the field', async () => {
        const body = failed(
            await write('create', { ...thomas, invitation_phone_number: '07700 010005' }),
            400,
            'QX001'
        );
        expect(body.field).toBe('invitation_phone_number');
    });
});

describe('profile, phone and email updates', () => {
    it('updates only the given profile fields', async () => {
        const updated = membershipOf(
            await write('profile/update', {
                entity_user_xref_uuid: eleanorWhitfield,
                job_title: 'Principal',
                identifier: null
            })
        );
        expect(updated).toMatchObject({ job_title: 'Principal', identifier: null, first_name: 'Eleanor' });
    });

    it('changes roles within a type but never between staff and client (QX050)', async () => {
        expect(
            membershipOf(await write('profile/update', { entity_user_xref_uuid: jamesPatel, role: 'user_admin' })).role
        ).toBe('user_admin');
        failed(await write('profile/update', { entity_user_xref_uuid: jamesPatel, role: 'client' }), 409, 'QX050');
        failed(await write('profile/update', { entity_user_xref_uuid: eleanorWhitfield, role: 'staff' }), 409, 'QX050');
    });

    it('updates the invitation phone number of a pending client', async () => {
        const updated = membershipOf(
            await write('phone-numbers/update', {
                entity_user_xref_uuid: marcusBennett,
                invitation_phone_number: '+447700000999'
            })
        );
        expect(updated.invitation_phone_number).toBe('+447700000999');
    });

    it('updates the primary email unless another membership uses it (QX020)', async () => {
        const updated = membershipOf(
            await write('emails/update', {
                entity_user_xref_uuid: marcusBennett,
                primary_email: 'marcus@bennett.example'
            })
        );
        expect(updated.primary_email).toBe('marcus@bennett.example');
        failed(
            await write('emails/update', {
                entity_user_xref_uuid: marcusBennett,
                primary_email: 'priya.raman@example.com'
            }),
            409,
            'QX020'
        );
    });

    it('answers RN006 for an unknown membership', async () => {
        const body = failed(
            await write('suspend', { entity_user_xref_uuid: DEMO.jerseyStaff.oliviaHart }),
            404,
            'RN006'
        );
        expect(body.field).toBe('entity_user_xref_uuid');
    });
});

describe('invitations', () => {
    const tokenOf = (xref: string) =>
        mock.control.snapshot().memberships.find((m) => m.entity_user_xref_uuid === xref)?.invitation?.token;

    it('resending replaces the previous token; only the latest link can be accepted', async () => {
        const first = tokenOf(marcusBennett);
        membershipOf(await write('invitations/resend', { entity_user_xref_uuid: marcusBennett }));
        const second = tokenOf(marcusBennett);
        expect(second).toEqual(expect.any(String));
        expect(second).not.toBe(first);
        expect(() => mock.control.acceptInvitation(marcusBennett, first)).toThrow(/no longer valid/);
        expect(mock.control.acceptInvitation(marcusBennett, second).status).toBe('active');
    });

    it('accepting makes a pending membership active with a joined time', () => {
        mock.clock.now = new Date('2025-12-02T10:00:00.000Z');
        expect(mock.control.acceptInvitation(avaCollins)).toMatchObject({
            status: 'active',
            joined_at: '2025-12-02T10:00:00.000Z'
        });
        expect(() => mock.control.acceptInvitation(avaCollins)).toThrow(/active/);
    });

    it('resends only to pending memberships (QX060)', async () => {
        failed(await write('invitations/resend', { entity_user_xref_uuid: eleanorWhitfield }), 409, 'QX060');
    });
});

describe('suspend, deactivate and restore', () => {
    it('suspends an active membership and unsuspends it', async () => {
        expect(membershipOf(await write('suspend', { entity_user_xref_uuid: hannahLindqvist })).status).toBe(
            'suspended'
        );
        expect(membershipOf(await write('unsuspend', { entity_user_xref_uuid: hannahLindqvist })).status).toBe(
            'active'
        );
        failed(await write('unsuspend', { entity_user_xref_uuid: hannahLindqvist }), 409, 'QX060');
        failed(await write('suspend', { entity_user_xref_uuid: marcusBennett }), 409, 'QX060');
    });

    it('deactivation keeps the email taken and makes the person a former participant of their chats', async () => {
        expect(membershipOf(await write('destroy', { entity_user_xref_uuid: hannahLindqvist })).status).toBe(
            'deactivated'
        );
        const chats = ok(
            await mock.sys.get('chats/list', { query: { entity_user_xref_uuid: hannahLindqvist } }),
            ChatListResponse
        ).chats;
        const hannah = chats[0]?.participants.find((p) => p.entity_user_xref_uuid === hannahLindqvist);
        expect(hannah?.left_at).toBe('2025-12-01T09:00:00.000Z');
        failed(await write('create', { ...thomas, primary_email: 'hannah.lindqvist@example.com' }), 409, 'QX020');
        failed(await write('destroy', { entity_user_xref_uuid: hannahLindqvist }), 409, 'QX060');
    });

    it('refuses to deactivate the last active staff member of a group with clients (QX030)', async () => {
        failed(await write('destroy', { entity_user_xref_uuid: jamesPatel }), 409, 'QX030');
        ok(
            await mock.sys.post('groups/group-members/create', {
                group_uuid: DEMO.groups.lindqvistRelationship,
                entity_user_xref_uuids: [sofiaReyes]
            }),
            GroupResponse
        );
        expect(membershipOf(await write('destroy', { entity_user_xref_uuid: jamesPatel })).status).toBe('deactivated');
    });

    it('restores a deactivated membership to active when it had joined', async () => {
        expect(membershipOf(await write('restore', { entity_user_xref_uuid: georgeAdeyemi })).status).toBe('active');
        failed(await write('restore', { entity_user_xref_uuid: georgeAdeyemi }), 409, 'QX060');
    });
});
