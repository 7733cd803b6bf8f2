import type { GroupOption, StaffOption } from '../contracts/QwilConnectorController';
import { isStaffRole, type Group, type Membership } from '../qwil/schemas';
import type { ConnectorSession } from './connectorSession';
import { readableGroups } from './memberVisibility';

const STAFF_STATUS_REASONS: Record<Membership['status'], string | null> = {
    active: null,
    pending: 'Has not accepted their Qwil invitation yet',
    suspended: 'Suspended in Qwil',
    deactivated: 'Deactivated in Qwil'
};

function toGroupOption(group: Group): GroupOption {
    const eligible = group.active_staff_count > 0;
    return {
        groupUuid: group.group_uuid,
        name: group.name,
        memberCount: group.member_count,
        eligible,
        reason: eligible ? null : 'No active staff member: a client can only join a group that has one'
    };
}

/** Groups matching the search whose clients the user can all read; only groups with an active staff member can take a client. */
export async function groupOptions(session: ConnectorSession, search: string): Promise<GroupOption[]> {
    return (await readableGroups(session, await session.qwil.groups.search(search))).map(toGroupOption);
}

/** Staff matching the search (clients left out); only active staff can be added to a group. */
export async function staffOptions(session: ConnectorSession, search: string): Promise<StaffOption[]> {
    const memberships = await session.qwil.memberships.searchMemberships({ search: search.trim() });
    return memberships
        .filter((membership) => isStaffRole(membership.role))
        .map((membership) => ({
            entityUserXrefUuid: membership.entity_user_xref_uuid,
            name: `${membership.first_name} ${membership.last_name}`.trim(),
            jobTitle: membership.job_title,
            status: membership.status,
            eligible: membership.status === 'active',
            reason: STAFF_STATUS_REASONS[membership.status]
        }));
}
