import { randomBytes } from 'node:crypto';
import type {
    CreateMembershipRequest,
    GroupMembershipsQuery,
    MembershipListQuery,
    MembershipLookupQuery,
    MembershipRef,
    MembershipStatus,
    UpdateEmailRequest,
    UpdatePhoneNumberRequest,
    UpdateProfileRequest
} from '../../../force-app/server/qwil/schemas';
import { notFound, QwilError, validationError } from '../errors';
import { nextUuid } from '../model/ids';
import {
    assertEmailFree,
    assertMembershipIdentifierFree,
    isStaffRole,
    membershipsOf,
    requireGroup,
    requireMembership,
    sameEmail
} from '../model/lookups';
import type { GroupRecord, Invitation, MembershipRecord, QwilState } from '../model/types';
import { type Page, pageByOffset } from '../paging';
import { addToGroup, assertClientsCanJoin, assertStaffCanLeave } from './groupRules';
import { addNewGroup } from './groups';
import type { Scope } from './scope';

/** Exact identifier; case-insensitive email. */
export function lookupMembership({ state, entityUuid }: Scope, query: MembershipLookupQuery): MembershipRecord {
    const people = membershipsOf(state, entityUuid);
    const found =
        'identifier' in query
            ? people.find((m) => m.identifier === query.identifier)
            : 'primary_email' in query
              ? people.find((m) => sameEmail(m.primary_email, query.primary_email))
              : people.find((m) => m.entity_user_xref_uuid === query.entity_user_xref_uuid);
    if (!found) throw notFound('Membership');
    return found;
}

export function listMemberships({ state, entityUuid }: Scope, query: MembershipListQuery): Page<MembershipRecord> {
    const needle = query.search?.toLowerCase();
    const people = membershipsOf(state, entityUuid)
        .filter((m) => query.role === undefined || m.role === query.role)
        .filter((m) => query.status === undefined || m.status === query.status)
        .filter(
            (m) =>
                needle === undefined ||
                [m.first_name, m.last_name, m.primary_email, m.identifier ?? ''].some((text) =>
                    text.toLowerCase().includes(needle)
                )
        )
        .sort((a, b) => `${a.last_name} ${a.first_name}`.localeCompare(`${b.last_name} ${b.first_name}`));
    return pageByOffset(people, query);
}

export function groupMembershipsOf({ state, entityUuid }: Scope, query: GroupMembershipsQuery): Page<GroupRecord> {
    const membership = requireMembership(state, entityUuid, query.entity_user_xref_uuid);
    const groups = state.groups
        .filter((g) => g.entity_uuid === entityUuid && g.member_xref_uuids.includes(membership.entity_user_xref_uuid))
        .sort((a, b) => a.name.localeCompare(b.name));
    return pageByOffset(groups, query);
}

function newInvitation(now: string, message: string | null): Invitation {
    return { token: randomBytes(16).toString('hex'), sent_at: now, message };
}

/**
 * Invites a staff member or a client (pending until accepted). A client must join at least one group,
 * and every group it joins must have an active staff member (documented by Qwil).
 */
export function inviteMembership(scope: Scope, body: CreateMembershipRequest): MembershipRecord {
    const { state, entityUuid, now } = scope;
    const inviterField = 'created_by_entity_user_xref_uuid';
    const inviter = requireMembership(state, entityUuid, body.created_by_entity_user_xref_uuid, inviterField);
    if (!isStaffRole(inviter.role)) throw validationError(inviterField, 'must be a staff member');
    if (inviter.status !== 'active')
        throw new QwilError('RF024', 'The inviting staff member is not currently active', inviterField);
    assertEmailFree(state, entityUuid, body.primary_email);
    if (body.identifier !== undefined) assertMembershipIdentifierFree(state, entityUuid, body.identifier);
    const existingGroups = (body.group_uuids ?? []).map((uuid) => requireGroup(state, entityUuid, uuid, 'group_uuids'));

    const membership: MembershipRecord = {
        entity_user_xref_uuid: nextUuid(state),
        entity_uuid: entityUuid,
        first_name: body.first_name,
        last_name: body.last_name,
        job_title: body.job_title,
        primary_email: body.primary_email,
        identifier: body.identifier ?? null,
        invitation_phone_number: body.invitation_phone_number ?? null,
        role: body.role,
        status: 'pending',
        invited_at: now,
        joined_at: null,
        created_by_entity_user_xref_uuid: inviter.entity_user_xref_uuid,
        invitation: body.send_invitation === false ? null : newInvitation(now, body.invitation_message ?? null)
    };
    state.memberships.push(membership);
    const xref = membership.entity_user_xref_uuid;
    for (const group of existingGroups) addToGroup(group, [xref]);
    const joined = [...existingGroups];
    if (body.new_group_name !== undefined) {
        const otherMembers = body.new_group_entity_user_xref_uuids ?? [];
        joined.push(
            addNewGroup(
                scope,
                { name: body.new_group_name },
                [...otherMembers, xref],
                'new_group_entity_user_xref_uuids'
            )
        );
    }
    if (membership.role === 'client') {
        if (joined.length === 0) throw new QwilError('QX031', 'A client must join at least one group', 'group_uuids');
        for (const group of joined) assertClientsCanJoin(state, group);
    }
    return membership;
}

export function updateProfile({ state, entityUuid }: Scope, body: UpdateProfileRequest): MembershipRecord {
    const membership = requireMembership(state, entityUuid, body.entity_user_xref_uuid);
    if (body.role !== undefined && isStaffRole(body.role) !== isStaffRole(membership.role)) {
        throw new QwilError('QX050', 'A staff member cannot become a client, nor a client staff', 'role');
    }
    if (body.identifier)
        assertMembershipIdentifierFree(state, entityUuid, body.identifier, membership.entity_user_xref_uuid);
    if (body.first_name !== undefined) membership.first_name = body.first_name;
    if (body.last_name !== undefined) membership.last_name = body.last_name;
    if (body.job_title !== undefined) membership.job_title = body.job_title;
    if (body.identifier !== undefined) membership.identifier = body.identifier;
    if (body.role !== undefined) membership.role = body.role;
    return membership;
}

export function updatePhoneNumber({ state, entityUuid }: Scope, body: UpdatePhoneNumberRequest): MembershipRecord {
    const membership = requireMembership(state, entityUuid, body.entity_user_xref_uuid);
    membership.invitation_phone_number = body.invitation_phone_number;
    return membership;
}

export function updateEmail({ state, entityUuid }: Scope, body: UpdateEmailRequest): MembershipRecord {
    const membership = requireMembership(state, entityUuid, body.entity_user_xref_uuid);
    assertEmailFree(state, entityUuid, body.primary_email, membership.entity_user_xref_uuid);
    membership.primary_email = body.primary_email;
    return membership;
}

function requireStatus(membership: MembershipRecord, allowed: readonly MembershipStatus[], action: string): void {
    if (!allowed.includes(membership.status)) {
        throw new QwilError('QX060', `Cannot ${action} a membership that is ${membership.status}`);
    }
}

/** A new invitation replaces the previous one: only the latest token is valid (documented by Qwil). */
export function resendInvitation({ state, entityUuid, now }: Scope, body: MembershipRef): MembershipRecord {
    const membership = requireMembership(state, entityUuid, body.entity_user_xref_uuid);
    requireStatus(membership, ['pending'], 'resend the invitation of');
    membership.invitation = newInvitation(now, membership.invitation?.message ?? null);
    return membership;
}

export function suspend({ state, entityUuid }: Scope, body: MembershipRef): MembershipRecord {
    const membership = requireMembership(state, entityUuid, body.entity_user_xref_uuid);
    requireStatus(membership, ['active'], 'suspend');
    membership.status = 'suspended';
    return membership;
}

export function unsuspend({ state, entityUuid }: Scope, body: MembershipRef): MembershipRecord {
    const membership = requireMembership(state, entityUuid, body.entity_user_xref_uuid);
    requireStatus(membership, ['suspended'], 'unsuspend');
    membership.status = 'active';
    return membership;
}

/**
 * Deactivation keeps the email taken and makes the person a former participant of every chat
 * (documented by Qwil); the last active staff member of a group with clients cannot be deactivated.
 */
export function deactivate({ state, entityUuid, now }: Scope, body: MembershipRef): MembershipRecord {
    const membership = requireMembership(state, entityUuid, body.entity_user_xref_uuid);
    requireStatus(membership, ['pending', 'active', 'suspended'], 'deactivate');
    const xref = membership.entity_user_xref_uuid;
    for (const group of state.groups.filter(
        (g) => g.entity_uuid === entityUuid && g.member_xref_uuids.includes(xref)
    )) {
        assertStaffCanLeave(state, group, [xref]);
    }
    membership.status = 'deactivated';
    membership.invitation = null;
    for (const chat of state.chats.filter((c) => c.entity_uuid === entityUuid)) {
        for (const participant of chat.participants) {
            if (participant.entity_user_xref_uuid === xref && participant.left_at === null) participant.left_at = now;
        }
    }
    return membership;
}

/** Our choice: restore returns a deactivated membership to active if it had joined, else to pending. */
export function restore({ state, entityUuid }: Scope, body: MembershipRef): MembershipRecord {
    const membership = requireMembership(state, entityUuid, body.entity_user_xref_uuid);
    requireStatus(membership, ['deactivated'], 'restore');
    membership.status = membership.joined_at === null ? 'pending' : 'active';
    return membership;
}

/** The invitee follows the link (control surface). With a token, it must be the latest invitation's. */
export function acceptInvitation(state: QwilState, xref: string, now: string, token?: string): MembershipRecord {
    const membership = state.memberships.find((m) => m.entity_user_xref_uuid === xref);
    if (!membership) throw notFound(`Membership ${xref}`, 'entityUserXrefUuid');
    requireStatus(membership, ['pending'], 'accept the invitation of');
    if (token !== undefined && membership.invitation?.token !== token) {
        throw notFound('Invitation (the link is no longer valid)', 'invitationToken');
    }
    membership.status = 'active';
    membership.joined_at = now;
    membership.invitation = null;
    return membership;
}
