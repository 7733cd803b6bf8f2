import type { MembershipRole } from '../../../force-app/server/qwil/schemas';
import { notFound, QwilError } from '../errors';
import type { ChatRecord, GroupRecord, MembershipRecord, OrganisationRecord, QwilState } from './types';

export function isStaffRole(role: MembershipRole): boolean {
    return role !== 'client';
}

export function isActiveStaff(membership: MembershipRecord): boolean {
    return isStaffRole(membership.role) && membership.status === 'active';
}

export function sameEmail(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

export function requireOrganisation(state: QwilState, entityUuid: string): OrganisationRecord {
    const organisation = state.organisations.find((o) => o.entity_uuid === entityUuid);
    if (!organisation) throw notFound(`Organisation ${entityUuid}`);
    return organisation;
}

export function membershipsOf(state: QwilState, entityUuid: string): MembershipRecord[] {
    return state.memberships.filter((m) => m.entity_uuid === entityUuid);
}

export function findMembership(state: QwilState, entityUuid: string, xref: string): MembershipRecord | undefined {
    return state.memberships.find((m) => m.entity_uuid === entityUuid && m.entity_user_xref_uuid === xref);
}

export function requireMembership(
    state: QwilState,
    entityUuid: string,
    xref: string,
    field = 'entity_user_xref_uuid'
): MembershipRecord {
    const membership = findMembership(state, entityUuid, xref);
    if (!membership) throw notFound(`Membership ${xref}`, field);
    return membership;
}

/** Deactivated memberships cannot join groups or chats. */
export function requireJoinableMembership(
    state: QwilState,
    entityUuid: string,
    xref: string,
    field: string
): MembershipRecord {
    const membership = requireMembership(state, entityUuid, xref, field);
    if (membership.status === 'deactivated') {
        throw new QwilError('RF024', `Membership ${xref} is deactivated`, field);
    }
    return membership;
}

export function requireGroup(
    state: QwilState,
    entityUuid: string,
    groupUuid: string,
    field = 'group_uuid'
): GroupRecord {
    const group = state.groups.find((g) => g.entity_uuid === entityUuid && g.group_uuid === groupUuid);
    if (!group) throw notFound(`Group ${groupUuid}`, field);
    return group;
}

export function requireChat(state: QwilState, entityUuid: string, chatUuid: string): ChatRecord {
    const chat = state.chats.find((c) => c.entity_uuid === entityUuid && c.chat_uuid === chatUuid);
    if (!chat) throw notFound(`Chat ${chatUuid}`, 'chat_uuid');
    return chat;
}

/** Emails are unique per organisation, case-insensitively; a deactivated membership keeps its email. */
export function assertEmailFree(state: QwilState, entityUuid: string, email: string, exceptXref?: string): void {
    const taken = membershipsOf(state, entityUuid).some(
        (m) => m.entity_user_xref_uuid !== exceptXref && sameEmail(m.primary_email, email)
    );
    if (taken) throw new QwilError('QX020', `Primary email ${email} is already in use`, 'primary_email');
}

export function assertMembershipIdentifierFree(
    state: QwilState,
    entityUuid: string,
    identifier: string,
    exceptXref?: string
): void {
    const taken = membershipsOf(state, entityUuid).some(
        (m) => m.entity_user_xref_uuid !== exceptXref && m.identifier === identifier
    );
    if (taken) throw new QwilError('QX021', `Identifier ${identifier} is already in use`, 'identifier');
}

export function assertGroupIdentifierFree(
    state: QwilState,
    entityUuid: string,
    identifier: string,
    exceptGroupUuid?: string
): void {
    const taken = state.groups.some(
        (g) => g.entity_uuid === entityUuid && g.group_uuid !== exceptGroupUuid && g.identifier === identifier
    );
    if (taken) throw new QwilError('QX021', `Group identifier ${identifier} is already in use`, 'identifier');
}
