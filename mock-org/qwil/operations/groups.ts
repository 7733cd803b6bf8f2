import type {
    CreateGroupRequest,
    GroupListQuery,
    GroupMembersChangeRequest,
    GroupMembersQuery,
    GroupRef,
    UpdateGroupRequest
} from '../../../force-app/server/qwil/schemas';
import { notFound } from '../errors';
import { nextUuid } from '../model/ids';
import {
    assertGroupIdentifierFree,
    requireGroup,
    requireJoinableMembership,
    requireMembership
} from '../model/lookups';
import type { GroupRecord, MembershipRecord } from '../model/types';
import { type Page, pageByOffset } from '../paging';
import { addToGroup, assertClientsCanJoin, assertClientsKeepAGroup, assertStaffCanLeave } from './groupRules';
import type { Scope } from './scope';

export function listGroups({ state, entityUuid }: Scope, query: GroupListQuery): Page<GroupRecord> {
    const needle = query.search?.toLowerCase();
    const groups = state.groups
        .filter((g) => g.entity_uuid === entityUuid)
        .filter(
            (g) =>
                needle === undefined || [g.name, g.identifier ?? ''].some((text) => text.toLowerCase().includes(needle))
        )
        .sort((a, b) => a.name.localeCompare(b.name));
    return pageByOffset(groups, query);
}

export function groupMembers({ state, entityUuid }: Scope, query: GroupMembersQuery): Page<MembershipRecord> {
    const group = requireGroup(state, entityUuid, query.group_uuid);
    return pageByOffset(
        group.member_xref_uuids.map((xref) => requireMembership(state, entityUuid, xref)),
        query
    );
}

/** Shared by groups/create and the invitation's new group; deactivated memberships cannot join. */
export function addNewGroup(
    { state, entityUuid, now }: Scope,
    details: { name: string; identifier?: string; description?: string },
    memberXrefs: readonly string[],
    membersField: string
): GroupRecord {
    if (details.identifier !== undefined) assertGroupIdentifierFree(state, entityUuid, details.identifier);
    for (const xref of memberXrefs) requireJoinableMembership(state, entityUuid, xref, membersField);
    const group: GroupRecord = {
        group_uuid: nextUuid(state),
        entity_uuid: entityUuid,
        name: details.name,
        identifier: details.identifier ?? null,
        description: details.description ?? null,
        created_at: now,
        member_xref_uuids: []
    };
    addToGroup(group, memberXrefs);
    state.groups.push(group);
    assertClientsCanJoin(state, group);
    return group;
}

export function createGroup(scope: Scope, body: CreateGroupRequest): GroupRecord {
    return addNewGroup(scope, body, body.entity_user_xref_uuids ?? [], 'entity_user_xref_uuids');
}

export function updateGroup({ state, entityUuid }: Scope, body: UpdateGroupRequest): GroupRecord {
    const group = requireGroup(state, entityUuid, body.group_uuid);
    if (body.identifier) assertGroupIdentifierFree(state, entityUuid, body.identifier, group.group_uuid);
    if (body.name !== undefined) group.name = body.name;
    if (body.identifier !== undefined) group.identifier = body.identifier;
    if (body.description !== undefined) group.description = body.description;
    return group;
}

/** Our choice: a group may be deleted unless one of its clients would be left without a group. */
export function deleteGroup({ state, entityUuid }: Scope, body: GroupRef): GroupRecord {
    const group = requireGroup(state, entityUuid, body.group_uuid);
    assertClientsKeepAGroup(state, group, group.member_xref_uuids);
    state.groups.splice(state.groups.indexOf(group), 1);
    return group;
}

export function addGroupMembers({ state, entityUuid }: Scope, body: GroupMembersChangeRequest): GroupRecord {
    const group = requireGroup(state, entityUuid, body.group_uuid);
    const joining = body.entity_user_xref_uuids.map((xref) =>
        requireJoinableMembership(state, entityUuid, xref, 'entity_user_xref_uuids')
    );
    addToGroup(group, body.entity_user_xref_uuids);
    if (joining.some((m) => m.role === 'client')) assertClientsCanJoin(state, group);
    return group;
}

export function removeGroupMembers({ state, entityUuid }: Scope, body: GroupMembersChangeRequest): GroupRecord {
    const group = requireGroup(state, entityUuid, body.group_uuid);
    const leaving = body.entity_user_xref_uuids;
    const outsider = leaving.find((xref) => !group.member_xref_uuids.includes(xref));
    if (outsider) throw notFound(`Member ${outsider} of group ${group.group_uuid}`, 'entity_user_xref_uuids');
    assertStaffCanLeave(state, group, leaving);
    assertClientsKeepAGroup(state, group, leaving);
    group.member_xref_uuids = group.member_xref_uuids.filter((xref) => !leaving.includes(xref));
    return group;
}
