import type { z } from 'zod';
import type { Http } from '../platform/context';
import { HttpRequest } from '../platform/http';
import {
    CreateMembershipRequest,
    GroupListResponse,
    MembershipListResponse,
    MembershipLookupResponse,
    MembershipRef,
    MembershipResponse,
    QwilErrorBody,
    TenancyListResponse,
    UpdatePhoneNumberRequest,
    type Group,
    type Membership,
    type MembershipLookupQuery,
    type MembershipRole,
    type MembershipStatus,
    type Tenancy
} from './schemas';

/** The named credential the admin creates (install guide, step 3); the name must match exactly. */
export const QWIL_NAMED_CREDENTIAL = 'Qwil_Messenger_Salesforce_Connector';

const SYSTEM_API = '/entity-service/sys-api';
/** The most one list request returns (Qwil's page limit); the connector shows the first page of a search. */
const PAGE_LIMIT = '100';

/** A Qwil error response, or a response the connector cannot read. */
export class QwilApiError extends Error {
    override readonly name = 'QwilApiError';
    constructor(
        readonly status: number,
        readonly errorCode: string | null,
        message: string
    ) {
        super(message);
    }
}

function parseJson(body: string): unknown {
    try {
        return JSON.parse(body);
    } catch {
        return undefined;
    }
}

export interface QwilClientOptions {
    /** With a Super API key: the organisation every call is for (`on-behalf-of-entity-uuid`). */
    readonly entityUuid?: string | null;
}

export interface MembershipSearch {
    readonly role?: MembershipRole;
    readonly status?: MembershipStatus;
    readonly search?: string;
}

/**
 * The one place that builds Qwil requests. Every call goes through the named credential: the key
 * and secret are merge fields the platform fills in, so they never exist in connector code.
 */
export class QwilClient {
    constructor(
        private readonly http: Http,
        private readonly options: QwilClientOptions = {}
    ) {}

    /** The membership with this identifier, primary email or uuid, or null when Qwil has none (RN006). */
    async findMembership(query: MembershipLookupQuery): Promise<Membership | null> {
        try {
            return (await this.get('entity-memberships', query, MembershipLookupResponse)).entity_membership;
        } catch (error) {
            if (error instanceof QwilApiError && error.errorCode === 'RN006') return null;
            throw error;
        }
    }

    /** The organisations where this primary email has a membership (Super API key). */
    async listTenancies(primaryEmail: string): Promise<Tenancy[]> {
        return (await this.get('sdk/entity-memberships', { primary_email: primaryEmail, limit: PAGE_LIMIT }, TenancyListResponse)).entity_memberships;
    }

    async searchMemberships(search: MembershipSearch): Promise<Membership[]> {
        const query = Object.fromEntries(Object.entries({ ...search, limit: PAGE_LIMIT }).filter(([, value]) => value !== undefined && value !== ''));
        return (await this.get('entity-memberships/list', query as Record<string, string>, MembershipListResponse)).entity_memberships;
    }

    async searchGroups(search: string): Promise<Group[]> {
        const query: Record<string, string> = search.trim() === '' ? { limit: PAGE_LIMIT } : { search: search.trim(), limit: PAGE_LIMIT };
        return (await this.get('groups/list', query, GroupListResponse)).groups;
    }

    async createMembership(request: z.input<typeof CreateMembershipRequest>): Promise<Membership> {
        return (await this.post('entity-memberships/create', CreateMembershipRequest, request, MembershipResponse)).entity_membership;
    }

    async resendInvitation(entityUserXrefUuid: string): Promise<Membership> {
        return (await this.post('entity-memberships/invitations/resend', MembershipRef, { entity_user_xref_uuid: entityUserXrefUuid }, MembershipResponse)).entity_membership;
    }

    async updateInvitationPhone(entityUserXrefUuid: string, invitationPhone: string): Promise<Membership> {
        const body = { entity_user_xref_uuid: entityUserXrefUuid, invitation_phone_number: invitationPhone };
        return (await this.post('entity-memberships/phone-numbers/update', UpdatePhoneNumberRequest, body, MembershipResponse)).entity_membership;
    }

    private get<T>(path: string, query: Record<string, string>, response: z.ZodType<T>): Promise<T> {
        return this.send('GET', `${path}?${new URLSearchParams(query).toString()}`, null, response);
    }

    /** The body is checked against Qwil's request schema before it leaves the org. */
    private post<Body extends z.ZodType, T>(path: string, requestSchema: Body, body: z.input<Body>, response: z.ZodType<T>): Promise<T> {
        return this.send('POST', path, JSON.stringify(requestSchema.parse(body)), response);
    }

    private async send<T>(method: 'GET' | 'POST', path: string, body: string | null, schema: z.ZodType<T>): Promise<T> {
        const request = new HttpRequest();
        request.setMethod(method);
        request.setEndpoint(`callout:${QWIL_NAMED_CREDENTIAL}${SYSTEM_API}/${path}`);
        request.setHeader('X-SYS-API-KEY', '{!$Credential.UserName}');
        request.setHeader('X-SYS-API-KEY-SECRET', '{!$Credential.Password}');
        request.setHeader('Accept', 'application/json');
        if (this.options.entityUuid) request.setHeader('on-behalf-of-entity-uuid', this.options.entityUuid);
        if (body !== null) {
            request.setHeader('Content-Type', 'application/json');
            request.setBody(body);
        }
        const response = await this.http.send(request);
        const status = response.getStatusCode();
        const parsedBody = parseJson(response.getBody());
        if (status < 200 || status >= 300) {
            const error = QwilErrorBody.safeParse(parsedBody);
            throw error.success
                ? new QwilApiError(status, error.data.error_code, error.data.message)
                : new QwilApiError(status, null, `Qwil answered ${status} without an error code`);
        }
        const parsed = schema.safeParse(parsedBody);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new QwilApiError(status, null, `Qwil sent a response the connector cannot read (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`);
        }
        return parsed.data;
    }
}
