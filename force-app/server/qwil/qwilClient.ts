import type { z } from 'zod';
import type { Http } from '../platform/context';
import { HttpRequest } from '../platform/http';
import { MembershipLookupResponse, QwilErrorBody, type Membership, type MembershipLookupQuery } from './schemas';

/** The named credential the admin creates (install guide, step 3); the name must match exactly. */
export const QWIL_NAMED_CREDENTIAL = 'Qwil_Messenger_Salesforce_Connector';

const SYSTEM_API = '/entity-service/sys-api';

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

/**
 * The one place that builds Qwil requests. Every call goes through the named credential: the key
 * and secret are merge fields the platform fills in, so they never exist in connector code.
 */
export class QwilClient {
    constructor(private readonly http: Http) {}

    /** The membership with this identifier, primary email or uuid, or null when Qwil has none (RN006). */
    async findMembership(query: MembershipLookupQuery): Promise<Membership | null> {
        try {
            const response = await this.get(`${SYSTEM_API}/entity-memberships`, query, MembershipLookupResponse);
            return response.entity_membership;
        } catch (error) {
            if (error instanceof QwilApiError && error.errorCode === 'RN006') return null;
            throw error;
        }
    }

    private async get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
        const request = new HttpRequest();
        request.setMethod('GET');
        request.setEndpoint(`callout:${QWIL_NAMED_CREDENTIAL}${path}?${new URLSearchParams(query).toString()}`);
        request.setHeader('X-SYS-API-KEY', '{!$Credential.UserName}');
        request.setHeader('X-SYS-API-KEY-SECRET', '{!$Credential.Password}');
        request.setHeader('Accept', 'application/json');
        const response = await this.http.send(request);
        const status = response.getStatusCode();
        const body = parseJson(response.getBody());
        if (status < 200 || status >= 300) {
            const error = QwilErrorBody.safeParse(body);
            throw error.success
                ? new QwilApiError(status, error.data.error_code, error.data.message)
                : new QwilApiError(status, null, `Qwil answered ${status} without an error code`);
        }
        const parsed = schema.safeParse(body);
        if (!parsed.success) throw new QwilApiError(status, null, `Qwil sent a response the connector cannot read (${parsed.error.issues[0]?.path.join('.') ?? 'body'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
        return parsed.data;
    }
}
