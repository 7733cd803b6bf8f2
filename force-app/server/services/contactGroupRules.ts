import { isStaffRole, type Group, type Membership } from '../qwil/schemas';
import { statusWord } from './statusWords';

/**
 * Qwil's group rules that the connector checks before calling Qwil, so the page can explain a
 * refusal up front and no write is attempted: the scope rule (contactGroups.ts), only active
 * staff join, the last active staff member stays in a group with clients (QX030), a client
 * joins only a group with an active staff member (QX031), the viewed client keeps at least one
 * group (QX031), and a suspended or deactivated client's groups are read-only.
 * Left to Qwil's answer: identifier uniqueness (QX021), other clients who would be left without
 * a group when one is deleted (QX031), and any rule broken by a change made in Qwil meanwhile.
 */

export const isStaff = (membership: Pick<Membership, 'role'>): boolean => isStaffRole(membership.role);
export const isActiveStaff = (membership: Membership): boolean => isStaff(membership) && membership.status === 'active';
const isCurrentClient = (membership: Membership): boolean =>
    membership.role === 'client' && membership.status !== 'deactivated';

const fullName = (membership: Membership): string => `${membership.first_name} ${membership.last_name}`.trim();

/** Only a pending or active client's groups can be changed from Salesforce. */
export function readOnlyReason(client: Membership): string | null {
    if (client.status === 'suspended')
        return "Read-only: the client's access is suspended in Qwil. A Qwil administrator can restore it.";
    if (client.status === 'deactivated')
        return "Read-only: the client's Qwil account is deactivated, so their groups cannot change.";
    return null;
}

/** QX030: the last active staff member cannot leave a group that keeps clients. */
export function staffRemovalRefusal(members: readonly Membership[], leaving: Membership): string | null {
    if (!isActiveStaff(leaving)) return null;
    const remaining = members.filter((member) => member.entity_user_xref_uuid !== leaving.entity_user_xref_uuid);
    if (remaining.some(isCurrentClient) && !remaining.some(isActiveStaff)) {
        return `${fullName(leaving)} is the only active staff member of a group with clients, and clients must always have an active staff member to talk to. Add another active staff member first.`;
    }
    return null;
}

/** Our rule, the same as Qwil's QX031: the client cannot be left without a group, by leaving it or deleting it. */
export function lastGroupRefusal(clientGroups: readonly Group[]): string | null {
    return clientGroups.length <= 1
        ? "This is the client's only group, so it cannot be deleted and the client cannot be removed from it: a Qwil client must always be in at least one group. Add them to another group first."
        : null;
}

/** QX031: a client joins only a group that has an active staff member (pending staff do not count). */
export function joinRefusal(activeStaffCount: number): string | null {
    return activeStaffCount > 0 ? null : 'No active staff member: a client can only join a group that has one';
}

/** Only active staff can be added to a group (a client is refused, unnamed, by memberVisibility.ts). */
export function staffAdditionRefusal(membership: Membership): string | null {
    if (membership.status === 'pending')
        return `${fullName(membership)} has not accepted their Qwil invitation yet; only Active staff can be added.`;
    if (membership.status !== 'active')
        return `${fullName(membership)} is ${statusWord(membership.status)} in Qwil; only Active staff can be added.`;
    return null;
}
