import type { z } from 'zod';
import type { Http } from '../platform/context';
import type { QwilCallName } from './qwilCalls';
import { QwilApiError, QwilTransport, type QwilTransportOptions } from './qwilTransport';
import {
    CreateMembershipRequest,
    GroupListResponse,
    MembershipListResponse,
    MembershipLookupResponse,
    MembershipRef,
    MembershipResponse,
    TenancyListResponse,
    UpdateMembershipRequest,
    UpdatePhoneNumberRequest,
    type Group,
    type Membership,
    type MembershipLookupQuery,
    type MembershipRole,
    type MembershipStatus,
    type Tenancy
} from './schemas';

/** The most one list request returns (Qwil's page limit); the connector shows the first page of a search. */
export const PAGE_LIMIT = '100';

export interface MembershipSearch {
    readonly role?: MembershipRole;
    readonly status?: MembershipStatus;
    readonly search?: string;
}

/** Qwil's members and tenancies (System API). Requests are built here and sent by the transport. */
export class QwilClient {
    readonly transport: QwilTransport;

    constructor(
        private readonly http: Http,
        options: QwilTransportOptions = {}
    ) {
        this.transport = new QwilTransport(http, options);
    }

    /** A client for one organisation (with a Super API key, its calls name that organisation). */
    inOrganisation(entityUuid: string): QwilClient {
        return new QwilClient(this.http, { entityUuid });
    }

    /** The membership with this identifier, primary email or uuid, or null when Qwil has none (RN006). */
    async findMembership(query: MembershipLookupQuery): Promise<Membership | null> {
        try {
            return (await this.get('findMembership', query, MembershipLookupResponse)).entity_membership;
        } catch (error) {
            if (error instanceof QwilApiError && error.errorCode === 'RN006') return null;
            throw error;
        }
    }

    /** The organisations where this primary email has a membership (Super API key); none when Qwil knows no account (RN006). */
    async listTenancies(primaryEmail: string): Promise<Tenancy[]> {
        try {
            // Without paging parameters, as Qwil's sample calls it: a strict server could refuse others.
            return (await this.get('listTenancies', { primary_email: primaryEmail }, TenancyListResponse))
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
    async listMembershipsPage(search: MembershipSearch, cursor: string | null): Promise<MembershipListResponse> {
        const query = Object.fromEntries(
            Object.entries({ ...search, cursor, limit: PAGE_LIMIT }).filter(
                ([, value]) => typeof value === 'string' && value !== ''
            )
        );
        return this.get('listMemberships', query as Record<string, string>, MembershipListResponse);
    }

    async searchGroups(search: string): Promise<Group[]> {
        const query: Record<string, string> =
            search.trim() === '' ? { limit: PAGE_LIMIT } : { search: search.trim(), limit: PAGE_LIMIT };
        return (await this.get('listGroups', query, GroupListResponse)).groups;
    }

    async createMembership(request: z.input<typeof CreateMembershipRequest>): Promise<Membership> {
        return (await this.post('createMembership', CreateMembershipRequest, request, MembershipResponse))
            .entity_membership;
    }

    async resendInvitation(entityUserXrefUuid: string): Promise<Membership> {
        return (
            await this.post(
                'resendInvitation',
                MembershipRef,
                { entity_user_xref_uuid: entityUserXrefUuid },
                MembershipResponse
            )
        ).entity_membership;
    }

    async updateInvitationPhone(entityUserXrefUuid: string, invitationPhone: string): Promise<Membership> {
        const body = { entity_user_xref_uuid: entityUserXrefUuid, invitation_phone_number: invitationPhone };
        return (await this.post('updateInvitationPhone', UpdatePhoneNumberRequest, body, MembershipResponse))
            .entity_membership;
    }

    /** Sets the membership's identifier (Qwil refuses one another member has: QX021). */
    async setIdentifier(entityUserXrefUuid: string, identifier: string): Promise<Membership> {
        const body = { entity_user_xref_uuid: entityUserXrefUuid, identifier };
        return (await this.post('updateMembership', UpdateMembershipRequest, body, MembershipResponse))
            .entity_membership;
    }

    private get<T>(call: QwilCallName, query: Record<string, string>, response: z.ZodType<T>): Promise<T> {
        return this.transport.call({ call, query, response });
    }

    /** The body is checked against Qwil's request schema before it leaves the org. */
    private post<Body extends z.ZodType, T>(
        call: QwilCallName,
        requestSchema: Body,
        body: z.input<Body>,
        response: z.ZodType<T>
    ): Promise<T> {
        return this.transport.call({ call, body: requestSchema.parse(body), response });
    }
}
