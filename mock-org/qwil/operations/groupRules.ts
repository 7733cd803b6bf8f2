import { QwilError } from '../errors';
import { isActiveStaff, requireMembership } from '../model/lookups';
import type { GroupRecord, MembershipRecord, QwilState } from '../model/types';

/**
 * Qwil's group rules (documented): a group that contains clients needs an active staff member
 * (pending staff do not count), and a client cannot be left without a group.
 */

function members(state: QwilState, group: GroupRecord, except: readonly string[] = []): MembershipRecord[] {
    return group.member_xref_uuids
        .filter((xref) => !except.includes(xref))
        .map((xref) => requireMembership(state, group.entity_uuid, xref));
}

function hasCurrentClients(people: readonly MembershipRecord[]): boolean {
    return people.some((m) => m.role === 'client' && m.status !== 'deactivated');
}

/** QX031: clients join only a group that has an active staff member. */
export function assertClientsCanJoin(state: QwilState, group: GroupRecord): void {
    const people = members(state, group);
    if (hasCurrentClients(people) && !people.some(isActiveStaff)) {
        throw new QwilError('QX031', `Group "${group.name}" needs an active staff member before clients can join it`);
    }
}

/** QX030: checked before the change; the last active staff member cannot leave a group that keeps clients. */
export function assertStaffCanLeave(state: QwilState, group: GroupRecord, leaving: readonly string[]): void {
    const leavers = members(state, group).filter((m) => leaving.includes(m.entity_user_xref_uuid));
    const remaining = members(state, group, leaving);
    if (leavers.some(isActiveStaff) && hasCurrentClients(remaining) && !remaining.some(isActiveStaff)) {
        throw new QwilError(
            'QX030',
            `The last active staff member cannot leave "${group.name}", which contains clients`
        );
    }
}

/** QX031: checked before the change; each current client must keep at least one other group. */
export function assertClientsKeepAGroup(
    state: QwilState,
    leavingGroup: GroupRecord,
    clientXrefs: readonly string[]
): void {
    for (const xref of clientXrefs) {
        const client = requireMembership(state, leavingGroup.entity_uuid, xref);
        if (client.role !== 'client' || client.status === 'deactivated') continue;
        const otherGroups = state.groups.filter(
            (g) =>
                g.group_uuid !== leavingGroup.group_uuid &&
                g.entity_uuid === client.entity_uuid &&
                g.member_xref_uuids.includes(xref)
        );
        if (otherGroups.length === 0) {
            throw new QwilError('QX031', `${client.first_name} ${client.last_name} would be left without a group`);
        }
    }
}

export function addToGroup(group: GroupRecord, xrefs: readonly string[]): void {
    for (const xref of xrefs) {
        if (!group.member_xref_uuids.includes(xref)) group.member_xref_uuids.push(xref);
    }
}
