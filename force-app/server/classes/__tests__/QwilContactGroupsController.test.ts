import { randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import type {
    ContactGroupDetail,
    ContactGroupsChange,
    ContactGroupsView,
    JoinableGroups
} from '../../contracts/QwilContactGroupsController';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { DEMO } from '../../../../mock-org/qwil';
import { arrangeInQwil } from '../../../../mock-org/testing/arrangeInQwil';
import { qwilGroupMembers, qwilGroupNamed, recordIdByName } from '../../../../mock-org/testing/finders';
import type { WriteClaim } from '../../contracts/exactlyOnce';

// The Contact Groups server methods through the mock org's runtime against the mock Qwil. Each
// refusal the page checks itself is asserted to reach Qwil with no write; the rules left to Qwil
// are asserted through Qwil's answer.
const { groups: G, staff: S, clients: C } = DEMO;

const { server, requests, serve } = useQwilServer();

let harness: ConnectorHarness;
beforeEach(() => {
    harness = createConnectorHarness();
    serve(harness);
    harness.runAs('olivia.hart@harbourwealth.example');
});

const recordId = (name: string) => recordIdByName(harness.org, 'Contact', name);
const ELEANOR = () => recordId('Eleanor Whitfield');
const call = (method: string, params: Record<string, unknown>) =>
    harness.callApex('QwilContactGroupsController', method, { recordId: ELEANOR(), ...params });
const change = (method: string, params: Record<string, unknown>) =>
    call(method, params) as Promise<ContactGroupsChange>;
/** A group is created once per idempotency key, under a claim taken first, as the page does (QwilConnectorController.beginWrite). */
async function createGroup(fields: {
    name: string;
    identifier: string;
    description: string;
}): Promise<ContactGroupsChange> {
    const idempotencyKey = randomUUID();
    const { claim } = (await harness.callApex('QwilConnectorController', 'beginWrite', {
        idempotencyKey,
        retry: false
    })) as WriteClaim;
    return change('createContactGroup', { ...fields, idempotencyKey, claim });
}
const qwilWrites = () => requests.filter((request) => request.startsWith('POST'));
const membersOf = (groupUuid: string) => qwilGroupMembers(harness.qwil, groupUuid);
const groupNamed = (name: string) => qwilGroupNamed(harness.qwil, name);

/** Arranges Qwil data directly, as a Qwil administrator would. */
async function inQwil(path: string, body: object): Promise<void> {
    await arrangeInQwil(harness).system(path, body);
    requests.length = 0;
}

describe('the list and an opened group', () => {
    it("lists only the viewed client's groups, with member counts and active staff", async () => {
        const view = (await call('loadContactGroups', {})) as ContactGroupsView;
        expect(view).toMatchObject({
            clientName: 'Eleanor Whitfield',
            clientStatus: 'active',
            canManage: true,
            readOnlyReason: null
        });
        expect(view.groups).toEqual([
            expect.objectContaining({
                groupUuid: G.whitfieldRelationship,
                name: 'Whitfield Relationship',
                identifier: 'WhitfieldRelationship',
                memberCount: 3,
                activeStaffCount: 1,
                hiddenClientCount: 0
            })
        ]);
    });

    it("checks the client's groups against the user's Salesforce access in one callout per group", async () => {
        await inQwil('groups/group-members/create', {
            group_uuid: G.advisoryDesk,
            entity_user_xref_uuids: [C.eleanorWhitfield]
        });
        const view = (await call('loadContactGroups', {})) as ContactGroupsView;
        expect(view.groups.map(({ name, hiddenClientCount }) => ({ name, hiddenClientCount }))).toEqual([
            { name: 'Advisory Desk', hiddenClientCount: 0 },
            { name: 'Whitfield Relationship', hiddenClientCount: 0 }
        ]);
        // Cold: the staff mapping and the client (3), the client's groups (1), then each group's members (1 each).
        expect(requests.filter((request) => request.includes('/groups/group-members/list'))).toHaveLength(2);
        expect(requests).toHaveLength(6);
    });

    it('shows the members, staff and clients, with status; the last active staff member cannot be removed and says why', async () => {
        const detail = (await call('openContactGroup', { groupUuid: G.whitfieldRelationship })) as ContactGroupDetail;
        expect(detail.contactGroup.description).toBe(
            'Whitfield Family Office: Eleanor Whitfield and trustee Marcus Bennett'
        );
        expect(
            detail.members.map(({ name, kind, status, isViewedClient, removable }) => ({
                name,
                kind,
                status,
                isViewedClient,
                removable
            }))
        ).toEqual([
            { name: 'Olivia Hart', kind: 'staff', status: 'active', isViewedClient: false, removable: false },
            { name: 'Eleanor Whitfield', kind: 'client', status: 'active', isViewedClient: true, removable: false },
            { name: 'Marcus Bennett', kind: 'client', status: 'pending', isViewedClient: false, removable: false }
        ]);
        expect(detail.members[0]?.reason).toMatch(/only active staff member of a group with clients/);
        expect(detail).toMatchObject({
            canRemoveClient: false,
            canDelete: false,
            lastGroupReason: expect.stringMatching(/only group/)
        });
    });

    it('says why a client who is not on Qwil has no groups', async () => {
        const view = (await harness.callApex('QwilContactGroupsController', 'loadContactGroups', {
            recordId: recordId('Thomas Okafor')
        })) as ContactGroupsView;
        expect(view).toMatchObject({
            clientStatus: null,
            canManage: false,
            groups: [],
            readOnlyReason: expect.stringMatching(/not on Qwil Messenger yet/)
        });
    });

    it("shows a suspended client's groups read-only and refuses changes before writing to Qwil", async () => {
        const priya = recordId('Priya Raman');
        const view = (await harness.callApex('QwilContactGroupsController', 'loadContactGroups', {
            recordId: priya
        })) as ContactGroupsView;
        expect(view).toMatchObject({
            canManage: false,
            readOnlyReason: expect.stringMatching(/^Read-only: the client's access is suspended/)
        });
        const add = harness.callApex('QwilContactGroupsController', 'addStaffMembers', {
            recordId: priya,
            groupUuid: G.ramanRelationship,
            staffEntityUserXrefUuids: [S.jamesPatel]
        });
        expect(await apexErrorMessage(add)).toMatch(/^Read-only/);
        expect(qwilWrites()).toEqual([]);
    });

    it("refuses a group that is not one of the client's, without calling the write endpoint (scope rule)", async () => {
        expect(await apexErrorMessage(call('openContactGroup', { groupUuid: G.lindqvistRelationship }))).toMatch(
            /^This group is not one of Eleanor Whitfield's groups/
        );
        expect(
            await apexErrorMessage(
                change('addStaffMembers', {
                    groupUuid: G.lindqvistRelationship,
                    staffEntityUserXrefUuids: [S.oliviaHart]
                })
            )
        ).toMatch(/not one of Eleanor Whitfield's groups/);
        expect(await apexErrorMessage(change('deleteContactGroup', { groupUuid: G.lindqvistRelationship }))).toMatch(
            /not one of Eleanor Whitfield's groups/
        );
        expect(qwilWrites()).toEqual([]);
        expect(membersOf(G.lindqvistRelationship)).toEqual([S.jamesPatel, C.hannahLindqvist]);
    });
});

describe('staff members', () => {
    it('adds several active staff at once and answers the new list and group', async () => {
        const result = await change('addStaffMembers', {
            groupUuid: G.whitfieldRelationship,
            staffEntityUserXrefUuids: [S.jamesPatel, S.sofiaReyes]
        });
        expect(membersOf(G.whitfieldRelationship)).toEqual([
            S.oliviaHart,
            C.eleanorWhitfield,
            C.marcusBennett,
            S.jamesPatel,
            S.sofiaReyes
        ]);
        expect(result.view.groups[0]).toMatchObject({ memberCount: 5, activeStaffCount: 3 });
        expect(result.contactGroup?.members.filter((member) => member.removable).map((member) => member.name)).toEqual([
            'Olivia Hart',
            'James Patel',
            'Sofia Reyes'
        ]);
        expect(result.message).toBe('James Patel, Sofia Reyes are now in Whitfield Relationship.');
    });

    it.each([
        ['pending', S.avaCollins, /^Ava Collins has not accepted their Qwil invitation yet/],
        ['suspended', S.noahFischer, /^Noah Fischer is Suspended in Qwil; only Active staff can be added/],
        [
            'a client, without naming them',
            C.hannahLindqvist,
            /^Only active staff members of your Qwil organisation can be added/
        ]
    ])('refuses %s before writing to Qwil', async (_kind, uuid, message) => {
        expect(
            await apexErrorMessage(
                change('addStaffMembers', {
                    groupUuid: G.whitfieldRelationship,
                    staffEntityUserXrefUuids: [S.jamesPatel, uuid]
                })
            )
        ).toMatch(message);
        expect(qwilWrites()).toEqual([]);
        expect(membersOf(G.whitfieldRelationship)).toHaveLength(3);
    });

    it('refuses to remove the last active staff member of a group with clients, before writing to Qwil (QX030 rule)', async () => {
        const message = await apexErrorMessage(
            change('removeStaffMember', { groupUuid: G.whitfieldRelationship, entityUserXrefUuid: S.oliviaHart })
        );
        expect(message).toBe(
            'Olivia Hart is the only active staff member of a group with clients, and clients must always have an active staff member to talk to. Add another active staff member first.'
        );
        expect(qwilWrites()).toEqual([]);
    });

    it('removes a staff member once another active staff member is in the group', async () => {
        await change('addStaffMembers', {
            groupUuid: G.whitfieldRelationship,
            staffEntityUserXrefUuids: [S.jamesPatel]
        });
        const result = await change('removeStaffMember', {
            groupUuid: G.whitfieldRelationship,
            entityUserXrefUuid: S.oliviaHart
        });
        expect(membersOf(G.whitfieldRelationship)).toEqual([C.eleanorWhitfield, C.marcusBennett, S.jamesPatel]);
        expect(result.message).toBe('Olivia Hart is no longer in Whitfield Relationship.');
        expect(result.contactGroup?.members.find((member) => member.name === 'James Patel')).toMatchObject({
            removable: false
        });
    });

    it("passes on Qwil's own refusal when the group changed in Qwil after the check (QX030 from Qwil)", async () => {
        await change('addStaffMembers', {
            groupUuid: G.whitfieldRelationship,
            staffEntityUserXrefUuids: [S.jamesPatel]
        });
        // James is suspended in Qwil between the connector's check and its write.
        server.use(
            http.post('https://eu.qwil.io/entity-service/sys-api/groups/group-members/destroy', () =>
                HttpResponse.json(
                    {
                        error_code: 'QX030',
                        message:
                            'The last active staff member cannot leave "Whitfield Relationship", which contains clients'
                    },
                    { status: 409 }
                )
            )
        );
        const message = await apexErrorMessage(
            change('removeStaffMember', { groupUuid: G.whitfieldRelationship, entityUserXrefUuid: S.oliviaHart })
        );
        expect(message).toBe(
            'Qwil refused: this is the last active staff member of a group with clients, and clients must always have an active staff member to talk to. Add another active staff member first.'
        );
        expect(membersOf(G.whitfieldRelationship)).toContain(S.oliviaHart);
    });

    it('does not remove a client through the staff action', async () => {
        expect(
            await apexErrorMessage(
                change('removeStaffMember', { groupUuid: G.whitfieldRelationship, entityUserXrefUuid: C.marcusBennett })
            )
        ).toMatch(/^Only staff members can be removed here/);
        expect(qwilWrites()).toEqual([]);
    });
});

describe("the client's membership of groups", () => {
    it('offers other groups only, each saying whether it can take the client', async () => {
        await inQwil('groups/create', { name: 'Onboarding', entity_user_xref_uuids: [S.avaCollins] });
        const { groups } = (await call('searchJoinableGroups', { search: '' })) as JoinableGroups;
        expect(groups.map((group) => group.name)).not.toContain('Whitfield Relationship');
        expect(groups.find((group) => group.name === 'Advisory Desk')).toMatchObject({ eligible: true, reason: null });
        expect(groups.find((group) => group.name === 'Onboarding')).toMatchObject({
            eligible: false,
            reason: expect.stringMatching(/^No active staff member/)
        });
    });

    it('adds the client to another group that has an active staff member', async () => {
        const result = await change('addClientToGroup', { groupUuid: G.advisoryDesk });
        expect(membersOf(G.advisoryDesk)).toContain(C.eleanorWhitfield);
        expect(result.view.groups.map((group) => group.name)).toEqual(['Advisory Desk', 'Whitfield Relationship']);
        expect(result.message).toBe('Eleanor Whitfield is now in Advisory Desk.');
    });

    it('refuses a group without an active staff member before writing to Qwil (QX031 rule)', async () => {
        await inQwil('groups/create', { name: 'Onboarding', entity_user_xref_uuids: [S.avaCollins] });
        const onboarding = groupNamed('Onboarding')!.group_uuid;
        expect(await apexErrorMessage(change('addClientToGroup', { groupUuid: onboarding }))).toMatch(
            /^No active staff member/
        );
        expect(qwilWrites()).toEqual([]);
    });

    it('refuses to take the client out of their last group before writing to Qwil, and does it once they have another', async () => {
        expect(await apexErrorMessage(change('removeClientFromGroup', { groupUuid: G.whitfieldRelationship }))).toMatch(
            /^This is the client's only group/
        );
        expect(qwilWrites()).toEqual([]);
        await change('addClientToGroup', { groupUuid: G.advisoryDesk });
        const result = await change('removeClientFromGroup', { groupUuid: G.advisoryDesk });
        expect(membersOf(G.advisoryDesk)).not.toContain(C.eleanorWhitfield);
        expect(result).toMatchObject({
            contactGroup: null,
            message: 'Eleanor Whitfield is no longer in Advisory Desk.'
        });
        expect(result.view.groups.map((group) => group.name)).toEqual(['Whitfield Relationship']);
    });
});

describe('creating, editing and deleting groups', () => {
    it('creates a group with the client and the running user in it', async () => {
        const result = await createGroup({
            name: 'Whitfield Trust',
            identifier: 'WhitfieldTrust',
            description: 'Trust accounts'
        });
        expect(groupNamed('Whitfield Trust')).toMatchObject({
            identifier: 'WhitfieldTrust',
            description: 'Trust accounts',
            member_xref_uuids: [S.oliviaHart, C.eleanorWhitfield]
        });
        expect(result.contactGroup?.contactGroup).toMatchObject({
            name: 'Whitfield Trust',
            memberCount: 2,
            activeStaffCount: 1
        });
        expect(result.view.groups).toHaveLength(2);
    });

    it('edits name, identifier and description; blanks clear them', async () => {
        const result = await change('updateContactGroup', {
            groupUuid: G.whitfieldRelationship,
            name: 'Whitfield Family',
            identifier: ' ',
            description: ''
        });
        expect(groupNamed('Whitfield Family')).toMatchObject({ identifier: null, description: null });
        expect(result.message).toBe('Whitfield Family is saved.');
    });

    it('leaves a taken identifier to Qwil and says so clearly (QX021)', async () => {
        const message = await apexErrorMessage(
            change('updateContactGroup', {
                groupUuid: G.whitfieldRelationship,
                name: 'Whitfield Relationship',
                identifier: 'AdvisoryDesk',
                description: ''
            })
        );
        expect(message).toBe(
            'This identifier is already used in Qwil, where identifiers must be unique. Choose another identifier and save again.'
        );
        expect(qwilWrites()).toEqual(['POST /entity-service/sys-api/groups/update']);
        expect(groupNamed('Whitfield Relationship')?.identifier).toBe('WhitfieldRelationship');
        expect(
            await apexErrorMessage(createGroup({ name: 'Another', identifier: 'AdvisoryDesk', description: '' }))
        ).toMatch(/^This identifier is already used/);
        expect(groupNamed('Another')).toBeUndefined();
    });

    it("refuses to delete the client's last group before writing to Qwil", async () => {
        expect(await apexErrorMessage(change('deleteContactGroup', { groupUuid: G.whitfieldRelationship }))).toMatch(
            /^This is the client's only group/
        );
        expect(qwilWrites()).toEqual([]);
    });

    it('deletes a group the client no longer needs', async () => {
        const created = await createGroup({ name: 'Whitfield Trust', identifier: '', description: '' });
        const result = await change('deleteContactGroup', { groupUuid: created.contactGroup!.contactGroup.groupUuid });
        expect(groupNamed('Whitfield Trust')).toBeUndefined();
        expect(result).toMatchObject({ contactGroup: null, message: 'Whitfield Trust is deleted.' });
        expect(result.view.groups.map((group) => group.name)).toEqual(['Whitfield Relationship']);
    });

    it("leaves other clients' groups to Qwil: deleting would leave Marcus Bennett without a group (QX031 from Qwil)", async () => {
        await change('addClientToGroup', { groupUuid: G.advisoryDesk });
        requests.length = 0;
        const message = await apexErrorMessage(change('deleteContactGroup', { groupUuid: G.whitfieldRelationship }));
        expect(message).toMatch(
            /^Qwil refused to delete Whitfield Relationship: Marcus Bennett would be left without a group\. Every client must stay in at least one group/
        );
        expect(qwilWrites()).toEqual(['POST /entity-service/sys-api/groups/destroy']);
        expect(groupNamed('Whitfield Relationship')).toBeDefined();
    });
});
