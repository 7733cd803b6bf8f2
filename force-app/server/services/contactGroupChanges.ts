import {
    ContactGroupsChange,
    type AddStaffParams,
    type CreateGroupParams,
    type UpdateGroupParams
} from '../contracts/QwilContactGroupsController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { rereadAfterWrite } from '../qwil/qwilErrorMessages';
import { QwilApiError } from '../qwil/qwilTransport';
import type { Group, Membership } from '../qwil/schemas';
import type { ConnectorSession } from './connectorSession';
import {
    contactGroupsView,
    openGroup,
    readClientGroups,
    requireManageableClient,
    requireVisibleClientGroup,
    type ClientGroups
} from './contactGroups';
import { isActiveStaff, isStaff, joinRefusal, lastGroupRefusal, staffRemovalRefusal } from './contactGroupRules';
import { performOnce } from './exactlyOnce';
import { requireActiveStaff, requireReadableGroupMembers } from './memberVisibility';

/**
 * Changes to the viewed client's groups. Each reads the client's groups first (the scope rule),
 * checks Qwil's group rules it can check, and only then calls Qwil's write endpoint; the answer
 * is the page's new state, read back from Qwil.
 */

const fullName = (membership: Membership): string => `${membership.first_name} ${membership.last_name}`.trim();
const names = (people: readonly Membership[]): string => people.map(fullName).join(', ');

function refuse(reason: string | null): void {
    if (reason) throw new AuraHandledException(reason);
}

async function changed(
    session: ConnectorSession,
    groupUuid: string | null,
    message: string
): Promise<ContactGroupsChange> {
    return rereadAfterWrite(message, async () => {
        const groups = await readClientGroups(session);
        const stillTheClients = groupUuid !== null && groups.groups.some((group) => group.group_uuid === groupUuid);
        return {
            view: await contactGroupsView(groups),
            contactGroup: stillTheClients ? await openGroup(groups, groupUuid) : null,
            message
        };
    });
}

async function manageableGroup(
    session: ConnectorSession,
    groupUuid: string
): Promise<{ groups: ClientGroups; client: Membership; name: string; members: Membership[] }> {
    const groups = await readClientGroups(session);
    const client = requireManageableClient(groups);
    const { group, members } = await requireVisibleClientGroup(groups, groupUuid);
    return { groups, client, name: group.name, members };
}

/** Adds one or several active staff members to one of the client's groups. */
export async function addStaffMembers(
    session: ConnectorSession,
    { groupUuid, staffEntityUserXrefUuids }: AddStaffParams
): Promise<ContactGroupsChange> {
    const { groups, name } = await manageableGroup(session, groupUuid);
    const staff = await requireActiveStaff(session, staffEntityUserXrefUuids);
    await groups.session.qwil.groups.addMembers(
        groupUuid,
        staff.map((member) => member.entity_user_xref_uuid)
    );
    return changed(session, groupUuid, `${names(staff)} ${staff.length === 1 ? 'is' : 'are'} now in ${name}.`);
}

/** Takes a staff member out of one of the client's groups, unless they are its last active staff member with clients in it. */
export async function removeStaffMember(
    session: ConnectorSession,
    groupUuid: string,
    entityUserXrefUuid: string
): Promise<ContactGroupsChange> {
    const { groups, name, members } = await manageableGroup(session, groupUuid);
    const leaving = members.find((member) => member.entity_user_xref_uuid === entityUserXrefUuid);
    if (!leaving)
        throw new AuraHandledException(
            'This person is no longer in the group. Reopen the group to see its members now.'
        );
    if (!isStaff(leaving))
        throw new AuraHandledException(
            'Only staff members can be removed here. To take the client out of the group, use Remove client from group.'
        );
    refuse(staffRemovalRefusal(members, leaving));
    await groups.session.qwil.groups.removeMembers(groupUuid, [entityUserXrefUuid]);
    return changed(session, groupUuid, `${fullName(leaving)} is no longer in ${name}.`);
}

/** Adds the client to another existing group that has an active staff member. */
export async function joinGroup(session: ConnectorSession, groupUuid: string): Promise<ContactGroupsChange> {
    const groups = await readClientGroups(session);
    const client = requireManageableClient(groups);
    const members = await groups.session.qwil.groups.members(groupUuid);
    requireReadableGroupMembers(session, client.entity_user_xref_uuid, members);
    // Already done (a Retry, a second click): answer the change instead of making it again.
    const joined = groups.groups.find((group) => group.group_uuid === groupUuid);
    if (joined) return changed(session, groupUuid, `${fullName(client)} is now in ${joined.name}.`);
    refuse(joinRefusal(members.filter(isActiveStaff).length));
    const group = await groups.session.qwil.groups.addMembers(groupUuid, [client.entity_user_xref_uuid]);
    return changed(session, groupUuid, `${fullName(client)} is now in ${group.name}.`);
}

/** Takes the client out of one of their groups, unless it is their last. */
export async function leaveGroup(session: ConnectorSession, groupUuid: string): Promise<ContactGroupsChange> {
    const { groups, client, name } = await manageableGroup(session, groupUuid);
    refuse(lastGroupRefusal(groups.groups));
    await groups.session.qwil.groups.removeMembers(groupUuid, [client.entity_user_xref_uuid]);
    return changed(session, null, `${fullName(client)} is no longer in ${name}.`);
}

/** Creates a group holding the client and the running user, who gives it its active staff member; once per idempotency key. */
export async function createGroup(
    context: ApexContext,
    session: ConnectorSession,
    { name, identifier, description, ...once }: CreateGroupParams
): Promise<ContactGroupsChange> {
    const groups = await readClientGroups(session);
    const client = requireManageableClient(groups);
    const created = (group: Group) =>
        changed(session, group.group_uuid, `${group.name} is created with ${fullName(client)} and you in it.`);
    return performOnce(context, once, ContactGroupsChange, {
        findEarlier: async () => {
            const earlier = await groupFromEarlierAttempt(groups, session.staff.entity_user_xref_uuid, {
                name,
                identifier
            });
            return earlier ? created(earlier) : null;
        },
        write: async () =>
            created(
                await groups.session.qwil.groups.create({
                    name,
                    ...(identifier ? { identifier } : {}),
                    ...(description ? { description } : {}),
                    entity_user_xref_uuids: [session.staff.entity_user_xref_uuid, client.entity_user_xref_uuid]
                })
            )
    });
}

/** The group an earlier attempt created: one of the client's, with this name and identifier, holding the user. */
async function groupFromEarlierAttempt(
    groups: ClientGroups,
    staffUuid: string,
    wanted: { name: string; identifier: string }
): Promise<Group | null> {
    for (const group of groups.groups) {
        if (group.name !== wanted.name || (group.identifier ?? '') !== wanted.identifier) continue;
        const members = await groups.session.qwil.groups.members(group.group_uuid);
        if (members.some((member) => member.entity_user_xref_uuid === staffUuid)) return group;
    }
    return null;
}

/** Changes a group's name, identifier and description; a blank identifier or description is cleared. */
export async function updateGroup(
    session: ConnectorSession,
    { groupUuid, name, identifier, description }: UpdateGroupParams
): Promise<ContactGroupsChange> {
    const { groups } = await manageableGroup(session, groupUuid);
    const group = await groups.session.qwil.groups.update({
        group_uuid: groupUuid,
        name,
        identifier: identifier || null,
        description: description || null
    });
    return changed(session, groupUuid, `${group.name} is saved.`);
}

/** Deletes one of the client's groups, unless it is their last; Qwil refuses it if another client would be left without a group. */
export async function deleteGroup(session: ConnectorSession, groupUuid: string): Promise<ContactGroupsChange> {
    const { groups, name } = await manageableGroup(session, groupUuid);
    refuse(lastGroupRefusal(groups.groups));
    try {
        await groups.session.qwil.groups.destroy(groupUuid);
    } catch (error) {
        // Only Qwil knows every other client's groups; its message names the client who would be left without one.
        if (error instanceof QwilApiError && error.errorCode === 'QX031') {
            throw new AuraHandledException(
                `Qwil refused to delete ${name}: ${error.message}. Every client must stay in at least one group; add them to another group first.`
            );
        }
        throw error;
    }
    return changed(session, null, `${name} is deleted.`);
}
