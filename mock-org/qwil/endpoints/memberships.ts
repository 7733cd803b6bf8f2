import {
    CreateMembershipRequest,
    GroupListResponse,
    GroupMembershipsQuery,
    MembershipListQuery,
    MembershipListResponse,
    MembershipLookupQuery,
    MembershipLookupResponse,
    MembershipRef,
    MembershipResponse,
    UpdateEmailRequest,
    UpdateMembershipRequest,
    UpdatePhoneNumberRequest,
    UpdateProfileRequest
} from '../../../force-app/server/qwil/schemas';
import type { z } from 'zod';
import { type EndpointFactory, json, systemEndpoint } from '../http/endpoint';
import { toGroup, toMembership } from '../model/views';
import * as memberships from '../operations/memberships';
import type { MembershipRecord } from '../model/types';
import type { Scope } from '../operations/scope';

const membershipResponse = (record: MembershipRecord) => ({ entity_membership: toMembership(record) });

/** A membership write: POST with a shared body schema, answering the membership as it now is. */
function membershipWrite<S extends z.ZodType>(
    path: string,
    input: S,
    operation: (scope: Scope, body: z.infer<S>) => MembershipRecord
): EndpointFactory {
    return systemEndpoint({
        method: 'post',
        path: `entity-memberships/${path}`,
        permission: 'canWriteOnly',
        input,
        handle: (context, body) => membershipResponse(operation(context, body)),
        respond: json(MembershipResponse)
    });
}

export const membershipEndpoints = [
    systemEndpoint({
        method: 'get',
        path: 'entity-memberships',
        permission: 'canReadOnly',
        input: MembershipLookupQuery,
        inputRule: 'exactly one of identifier, primary_email or entity_user_xref_uuid is required',
        handle: (context, query) => membershipResponse(memberships.lookupMembership(context, query)),
        respond: json(MembershipLookupResponse)
    }),
    systemEndpoint({
        method: 'get',
        path: 'entity-memberships/list',
        permission: 'canReadOnly',
        input: MembershipListQuery,
        handle: (context, query) => {
            const page = memberships.listMemberships(context, query);
            return { entity_memberships: page.items.map(toMembership), next_cursor: page.next_cursor };
        },
        respond: json(MembershipListResponse)
    }),
    systemEndpoint({
        method: 'get',
        path: 'entity-memberships/group-memberships/list',
        permission: 'canReadOnly',
        input: GroupMembershipsQuery,
        handle: (context, query) => {
            const page = memberships.groupMembershipsOf(context, query);
            return { groups: page.items.map(toGroup(context.state)), next_cursor: page.next_cursor };
        },
        respond: json(GroupListResponse)
    }),
    membershipWrite('create', CreateMembershipRequest, memberships.inviteMembership),
    membershipWrite('update', UpdateMembershipRequest, memberships.updateProfile),
    membershipWrite('profile/update', UpdateProfileRequest, memberships.updateProfile),
    membershipWrite('phone-numbers/update', UpdatePhoneNumberRequest, memberships.updatePhoneNumber),
    membershipWrite('emails/update', UpdateEmailRequest, memberships.updateEmail),
    membershipWrite('invitations/resend', MembershipRef, memberships.resendInvitation),
    membershipWrite('suspend', MembershipRef, memberships.suspend),
    membershipWrite('unsuspend', MembershipRef, memberships.unsuspend),
    membershipWrite('destroy', MembershipRef, memberships.deactivate),
    membershipWrite('restore', MembershipRef, memberships.restore)
];
