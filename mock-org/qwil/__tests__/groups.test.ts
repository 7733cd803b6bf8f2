import {
    GroupDeletedResponse,
    GroupListResponse,
    GroupMembersResponse,
    GroupResponse
} from '../../../force-app/server/qwil/schemas';
import { DEMO } from '../index';
import { failed, ok, useMockQwil } from './harness';

const mock = useMockQwil();
const { oliviaHart, jamesPatel, avaCollins, sofiaReyes } = DEMO.staff;
const { eleanorWhitfield, priyaRaman, georgeAdeyemi, hannahLindqvist } = DEMO.clients;
const groups = DEMO.groups;

const members = async (group_uuid: string) =>
    ok(
        await mock.sys.get('groups/group-members/list', { query: { group_uuid } }),
        GroupMembersResponse
    ).group_members.map((m) => m.entity_user_xref_uuid);
const addMembers = (group_uuid: string, entity_user_xref_uuids: string[]) =>
    mock.sys.post('groups/group-members/create', { group_uuid, entity_user_xref_uuids });
const removeMembers = (group_uuid: string, entity_user_xref_uuids: string[]) =>
    mock.sys.post('groups/group-members/destroy', { group_uuid, entity_user_xref_uuids });

describe('groups', () => {
    it('lists groups by name with search and paging', async () => {
        const all = ok(await mock.sys.get('groups/list'), GroupListResponse).groups.map((g) => g.name);
        expect(all).toEqual([
            'Adeyemi Relationship',
            'Advisory Desk',
            'Dubois Relationship',
            'Lindqvist Relationship',
            'Raman Relationship',
            'Whitfield Relationship'
        ]);
        const first = ok(await mock.sys.get('groups/list', { query: { limit: '4' } }), GroupListResponse);
        expect(first.groups).toHaveLength(4);
        const rest = ok(
            await mock.sys.get('groups/list', { query: { limit: '4', cursor: first.next_cursor ?? '' } }),
            GroupListResponse
        );
        expect(rest.groups.map((g) => g.name)).toEqual(['Raman Relationship', 'Whitfield Relationship']);
        expect(rest.next_cursor).toBeNull();
        const found = ok(await mock.sys.get('groups/list', { query: { search: 'desk' } }), GroupListResponse);
        expect(found.groups.map((g) => g.group_uuid)).toEqual([groups.advisoryDesk]);
    });

    it('creates, updates and deletes a group', async () => {
        const created = ok(
            await mock.sys.post('groups/create', {
                name: 'Whitfield Trust',
                identifier: 'WhitfieldTrust',
                entity_user_xref_uuids: [oliviaHart, eleanorWhitfield]
            }),
            GroupResponse
        ).group;
        expect(created).toMatchObject({ name: 'Whitfield Trust', member_count: 2, description: null });
        const updated = ok(
            await mock.sys.post('groups/update', {
                group_uuid: created.group_uuid,
                description: 'Family trust',
                identifier: null
            }),
            GroupResponse
        );
        expect(updated.group).toMatchObject({ description: 'Family trust', identifier: null, name: 'Whitfield Trust' });
        ok(await mock.sys.post('groups/destroy', { group_uuid: created.group_uuid }), GroupDeletedResponse);
        failed(await mock.sys.post('groups/destroy', { group_uuid: created.group_uuid }), 404, 'RN006');
    });

    it('keeps group identifiers unique (QX021)', async () => {
        failed(
            await mock.sys.post('groups/create', { name: 'Another desk', identifier: 'AdvisoryDesk' }),
            409,
            'QX021'
        );
        failed(
            await mock.sys.post('groups/update', { group_uuid: groups.ramanRelationship, identifier: 'AdvisoryDesk' }),
            409,
            'QX021'
        );
    });

    it('refuses a new group of clients without an active staff member (QX031)', async () => {
        failed(
            await mock.sys.post('groups/create', {
                name: 'Clients only',
                entity_user_xref_uuids: [avaCollins, eleanorWhitfield]
            }),
            409,
            'QX031'
        );
    });

    it('refuses an update without any field', async () => {
        failed(await mock.sys.post('groups/update', { group_uuid: groups.ramanRelationship }), 400, 'QX001');
    });
});

describe('group members', () => {
    it('adds staff (pending ones too) and clients to a group that has an active staff member', async () => {
        ok(await addMembers(groups.ramanRelationship, [avaCollins, eleanorWhitfield]), GroupResponse);
        expect(await members(groups.ramanRelationship)).toEqual([oliviaHart, priyaRaman, avaCollins, eleanorWhitfield]);
    });

    it('does not add deactivated memberships (RF024)', async () => {
        failed(await addMembers(groups.ramanRelationship, [georgeAdeyemi]), 403, 'RF024');
    });

    it('adds clients only to groups with an active staff member (QX031)', async () => {
        const staffless = ok(
            await mock.sys.post('groups/create', { name: 'Pending desk', entity_user_xref_uuids: [avaCollins] }),
            GroupResponse
        ).group;
        failed(await addMembers(staffless.group_uuid, [eleanorWhitfield]), 409, 'QX031');
        expect(await members(staffless.group_uuid)).toEqual([avaCollins]);
    });

    it('keeps the last active staff member in a group with clients (QX030)', async () => {
        failed(await removeMembers(groups.ramanRelationship, [oliviaHart]), 409, 'QX030');
        ok(await addMembers(groups.ramanRelationship, [jamesPatel]), GroupResponse);
        ok(await removeMembers(groups.ramanRelationship, [oliviaHart]), GroupResponse);
        expect(await members(groups.ramanRelationship)).toEqual([priyaRaman, jamesPatel]);
    });

    it('lets the last active staff member leave a group without clients', async () => {
        ok(await removeMembers(groups.advisoryDesk, [oliviaHart, jamesPatel]), GroupResponse);
        expect(await members(groups.advisoryDesk)).toEqual([avaCollins]);
    });

    it('does not leave a client without a group (QX031), neither by removal nor by deleting the group', async () => {
        failed(await removeMembers(groups.lindqvistRelationship, [hannahLindqvist]), 409, 'QX031');
        failed(await mock.sys.post('groups/destroy', { group_uuid: groups.lindqvistRelationship }), 409, 'QX031');
        ok(await addMembers(groups.duboisRelationship, [hannahLindqvist]), GroupResponse);
        ok(await removeMembers(groups.lindqvistRelationship, [hannahLindqvist]), GroupResponse);
        ok(await mock.sys.post('groups/destroy', { group_uuid: groups.lindqvistRelationship }), GroupDeletedResponse);
    });

    it('answers RN006 when removing someone who is not a member', async () => {
        const body = failed(await removeMembers(groups.ramanRelationship, [sofiaReyes]), 404, 'RN006');
        expect(body.field).toBe('entity_user_xref_uuids');
    });
});
