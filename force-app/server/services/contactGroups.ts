import type {
    ContactGroup,
    ContactGroupDetail,
    ContactGroupMember,
    ContactGroupsView,
    JoinableGroup
} from '../contracts/QwilContactGroupsController';
import { AuraHandledException } from '../platform/exceptions';
import type { Group, Membership } from '../qwil/schemas';
import { findClientMembership } from './clientLookup';
import type { ConnectorSession } from './connectorSession';
import { isStaff, joinRefusal, lastGroupRefusal, readOnlyReason, staffRemovalRefusal } from './contactGroupRules';
import {
    hiddenClientsOfClientGroups,
    hiddenClientsPhrase,
    readableGroups,
    requireReadableGroupMembers
} from './memberVisibility';

/** The viewed client in Qwil and the groups they belong to: the only groups the page may manage. */
export interface ClientGroups {
    readonly session: ConnectorSession;
    readonly client: Membership | null;
    readonly groups: readonly Group[];
}

const NOT_ON_QWIL = 'This client is not on Qwil Messenger yet, so they have no contact groups. Invite them first.';

const clientName = (groups: ClientGroups): string => {
    const { client, session } = groups;
    return client
        ? `${client.first_name} ${client.last_name}`.trim()
        : [session.client.firstName, session.client.lastName].filter(Boolean).join(' ');
};

/** Reads the client's Qwil membership and every group they are in. */
export async function readClientGroups(session: ConnectorSession): Promise<ClientGroups> {
    const client = await findClientMembership(session);
    const groups = client ? await session.qwil.groups.groupsOf(client.entity_user_xref_uuid) : [];
    return { session, client, groups };
}

function toContactGroup(group: Group): ContactGroup {
    return {
        groupUuid: group.group_uuid,
        name: group.name,
        identifier: group.identifier,
        description: group.description,
        memberCount: group.member_count,
        activeStaffCount: group.active_staff_count,
        hiddenClientCount: 0
    };
}

/** What the list says instead of the name of a group it must withhold. */
function withheldGroupName(hiddenClientCount: number | null): string {
    return hiddenClientCount === null
        ? 'A group Qwil Messenger has not checked: the client is in more groups than it checks at once'
        : `A group with ${hiddenClientsPhrase(hiddenClientCount)}`;
}

/** A group in the list: in full, or withheld (no name, identifier or description) when it holds clients the user cannot read or was not checked. */
function listedGroup(group: Group, hiddenClientCount: number | null): ContactGroup {
    if (hiddenClientCount === 0) return toContactGroup(group);
    return {
        groupUuid: group.group_uuid,
        name: withheldGroupName(hiddenClientCount),
        identifier: null,
        description: null,
        memberCount: group.member_count,
        activeStaffCount: group.active_staff_count,
        hiddenClientCount
    };
}

/** The Contact Groups page; each group is checked against the boundary rule (one readability check for all). */
export async function contactGroupsView(groups: ClientGroups): Promise<ContactGroupsView> {
    const reason = groups.client ? readOnlyReason(groups.client) : NOT_ON_QWIL;
    const hidden = groups.client
        ? await hiddenClientsOfClientGroups(groups.session, groups.client.entity_user_xref_uuid, groups.groups)
        : [];
    return {
        clientName: clientName(groups),
        clientStatus: groups.client?.status ?? null,
        canManage: reason === null,
        readOnlyReason: reason,
        groups: groups.groups.map((group, index) => listedGroup(group, hidden[index] ?? null))
    };
}

/** The client, for a change: refused when the client is not on Qwil or their groups are read-only. */
export function requireManageableClient(groups: ClientGroups): Membership {
    const reason = groups.client ? readOnlyReason(groups.client) : NOT_ON_QWIL;
    if (!groups.client || reason) throw new AuraHandledException(reason ?? NOT_ON_QWIL);
    return groups.client;
}

/** Qwil's scope rule: only the viewed client's groups can be opened or changed from their record. */
function requireClientGroup(groups: ClientGroups, groupUuid: string): Group {
    const group = groups.groups.find((candidate) => candidate.group_uuid === groupUuid);
    if (!group) {
        throw new AuraHandledException(
            `This group is not one of ${clientName(groups) ? `${clientName(groups)}'s` : "the client's"} groups. Only the client's own groups can be managed from their record; reopen the Contact Groups page.`
        );
    }
    return group;
}

function toMember(groups: ClientGroups, members: readonly Membership[], member: Membership): ContactGroupMember {
    const staff = isStaff(member);
    const reason = staff ? staffRemovalRefusal(members, member) : null;
    return {
        entityUserXrefUuid: member.entity_user_xref_uuid,
        name: `${member.first_name} ${member.last_name}`.trim(),
        jobTitle: member.job_title,
        kind: staff ? 'staff' : 'client',
        status: member.status,
        isViewedClient: member.entity_user_xref_uuid === groups.client?.entity_user_xref_uuid,
        removable: staff && reason === null,
        reason
    };
}

/** An opened group with its members and what the page may do with it (the same rules the changes check). */
function groupDetail(groups: ClientGroups, group: Group, members: readonly Membership[]): ContactGroupDetail {
    const lastGroup = lastGroupRefusal(groups.groups);
    return {
        contactGroup: toContactGroup(group),
        members: members.map((member) => toMember(groups, members, member)),
        canRemoveClient: lastGroup === null,
        canDelete: lastGroup === null,
        lastGroupReason: lastGroup
    };
}

/**
 * One of the client's groups with its members, for opening or changing it: refused when another
 * client in it is someone the user cannot read in Salesforce (the boundary rule).
 */
export async function requireVisibleClientGroup(
    groups: ClientGroups,
    groupUuid: string
): Promise<{ group: Group; members: Membership[] }> {
    const group = requireClientGroup(groups, groupUuid);
    const members = await groups.session.qwil.groups.members(group.group_uuid);
    requireReadableGroupMembers(groups.session, groups.client?.entity_user_xref_uuid ?? null, members);
    return { group, members };
}

/** Opens one of the client's groups. */
export async function openGroup(groups: ClientGroups, groupUuid: string): Promise<ContactGroupDetail> {
    const { group, members } = await requireVisibleClientGroup(groups, groupUuid);
    return groupDetail(groups, group, members);
}

/** Groups matching the search that the client is not in yet and whose clients the user can all read, each saying whether it can take the client. */
export async function joinableGroups(groups: ClientGroups, search: string): Promise<JoinableGroup[]> {
    const own = new Set(groups.groups.map((group) => group.group_uuid));
    const others = (await groups.session.qwil.groups.search(search)).filter((group) => !own.has(group.group_uuid));
    return (await readableGroups(groups.session, others)).map((group) => {
        const reason = joinRefusal(group.active_staff_count);
        return {
            groupUuid: group.group_uuid,
            name: group.name,
            memberCount: group.member_count,
            eligible: reason === null,
            reason
        };
    });
}
