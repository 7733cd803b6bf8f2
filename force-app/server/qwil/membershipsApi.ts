import type { z } from 'zod';
import type { QwilTransport } from './qwilTransport';
import { QwilApiError } from './qwilTransport';
import {
    CreateMembershipRequest,
    MembershipListResponse,
    MembershipLookupResponse,
    MembershipRef,
    MembershipResponse,
    PAGE_LIMIT_MAX,
    TenancyListResponse,
    UpdateMembershipRequest,
    UpdatePhoneNumberRequest,
    type Membership,
    type MembershipLookupQuery,
    type MembershipRole,
    type MembershipStatus,
    type Tenancy
} from './schemas';

export interface MembershipSearch {
    readonly role?: MembershipRole;
    readonly status?: MembershipStatus;
    readonly search?: string;
}

/** Qwil's members and tenancies (System API). Requests are built here and sent by the transport. */
export class MembershipsApi {
    constructor(private readonly transport: QwilTransport) {}

    /** The membership with this identifier, primary email or uuid, or null when Qwil has none (RN006). */
    async findMembership(query: MembershipLookupQuery): Promise<Membership | null> {
        try {
            return (await this.transport.call({ call: 'findMembership', query, response: MembershipLookupResponse }))
                .entity_membership;
        } catch (error) {
            if (error instanceof QwilApiError && error.errorCode === 'RN006') return null;
            throw error;
        }
    }

    /** The organisations where this primary email has a membership (Super API key); none when Qwil knows no account (RN006). */
    async listTenancies(primaryEmail: string): Promise<Tenancy[]> {
        try {
            // Without paging parameters, as Qwil's sample calls it: a strict server could refuse others.
            const query = { primary_email: primaryEmail };
            return (await this.transport.call({ call: 'listTenancies', query, response: TenancyListResponse }))
                .entity_memberships;
        } catch (error) {
            if (error instanceof QwilApiError && error.errorCode === 'RN006') return [];
            throw error;
        }
    }

    async searchMemberships(search: MembershipSearch): Promise<Membership[]> {
        return (await this.listMembershipsPage(search, null)).entity_memberships;
    }

    /** One page (Qwil's largest) of the memberships matching the filters, and the cursor of the next. */
    listMembershipsPage(search: MembershipSearch, cursor: string | null): Promise<MembershipListResponse> {
        const query = Object.fromEntries(
            Object.entries({ ...search, cursor, limit: String(PAGE_LIMIT_MAX) }).filter(
                ([, value]) => typeof value === 'string' && value !== ''
            )
        ) as Record<string, string>;
        return this.transport.call({ call: 'listMemberships', query, response: MembershipListResponse });
    }

    async createMembership(request: z.input<typeof CreateMembershipRequest>): Promise<Membership> {
        return (await this.transport.post('createMembership', CreateMembershipRequest, request, MembershipResponse))
            .entity_membership;
    }

    async resendInvitation(entityUserXrefUuid: string): Promise<Membership> {
        const body = { entity_user_xref_uuid: entityUserXrefUuid };
        return (await this.transport.post('resendInvitation', MembershipRef, body, MembershipResponse))
            .entity_membership;
    }

    async updateInvitationPhone(entityUserXrefUuid: string, invitationPhone: string): Promise<Membership> {
        const body = { entity_user_xref_uuid: entityUserXrefUuid, invitation_phone_number: invitationPhone };
        return (await this.transport.post('updateInvitationPhone', UpdatePhoneNumberRequest, body, MembershipResponse))
            .entity_membership;
    }

    /** Sets the membership's identifier (Qwil refuses one another member has: QX021). */
    async setIdentifier(entityUserXrefUuid: string, identifier: string): Promise<Membership> {
        const body = { entity_user_xref_uuid: entityUserXrefUuid, identifier };
        return (await this.transport.post('updateMembership', UpdateMembershipRequest, body, MembershipResponse))
            .entity_membership;
    }
}
