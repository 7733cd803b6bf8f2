import { z } from 'zod';
import type { Credentials } from './harness';
import { QWIL } from './harness';

/*
 * The requests Qwil's two public Salesforce samples make, byte for byte where it matters (method,
 * URL, headers, body text), and the fields they read from each answer. Their named credentials use
 * a Custom external credential with the key in the custom headers X-SYS-API-KEY and
 * X-SYS-API-KEY-SECRET, and "Generate Authorization Header" unchecked: no Authorization header.
 */

/** qwil-salesforce-app: named credential QwilSysApiSDKAuth, URL …/sys-api/sdk/sessions/create. */
const SINGLE_ORG_CREDENTIAL_URL = `${QWIL}/entity-service/sys-api/sdk/sessions/create`;
/** qwil-salesforce-multiorg-app: named credential QwilSysApiSDK, URL …/sys-api/sdk. */
const MULTI_ORG_CREDENTIAL_URL = `${QWIL}/entity-service/sys-api/sdk`;

export interface SampleRequest {
    method: 'GET' | 'POST';
    url: string;
    headers: Record<string, string>;
    body?: string;
}

export interface SampleReply {
    status: number;
    body: unknown;
}

function customHeaders(credentials: Credentials): Record<string, string> {
    return { 'X-SYS-API-KEY': credentials.key, 'X-SYS-API-KEY-SECRET': credentials.secret };
}

/** QwilSdkAuth.authenticate(): the Salesforce User Id as Qwil identifier, body built by string concatenation. */
export function singleOrgAuthenticate(credentials: Credentials, salesforceUserId: string): SampleRequest {
    return {
        method: 'POST',
        url: SINGLE_ORG_CREDENTIAL_URL,
        headers: { ...customHeaders(credentials), 'Content-Type': 'application/json' },
        body: `{"identifier": "${salesforceUserId}"}`
    };
}

/** QwilSdk.getEntityMemberships(): the Salesforce username as primary_email, appended unencoded; no organisation header. */
export function multiOrgEntityMemberships(credentials: Credentials, salesforceUsername: string): SampleRequest {
    return {
        method: 'GET',
        url: `${MULTI_ORG_CREDENTIAL_URL}/entity-memberships?primary_email=${salesforceUsername}`,
        headers: customHeaders(credentials)
    };
}

/** QwilSdk.authenticate(entityUuid, entityUserXrefUuid): the chosen account, its organisation in on-behalf-of-entity-uuid. */
export function multiOrgAuthenticate(
    credentials: Credentials,
    entityUuid: string,
    entityUserXrefUuid: string
): SampleRequest {
    return {
        method: 'POST',
        url: `${MULTI_ORG_CREDENTIAL_URL}/sessions/create`,
        headers: {
            ...customHeaders(credentials),
            'Content-Type': 'application/json',
            'on-behalf-of-entity-uuid': entityUuid
        },
        body: `{"entity_user_xref_uuid": "${entityUserXrefUuid}"}`
    };
}

export async function send(request: SampleRequest): Promise<SampleReply> {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    return { status: response.status, body: JSON.parse(await response.text()) as unknown };
}

/** What QwilSdkAuth.authenticate() and qwilEmbed read from a session (both samples). */
export const SessionAsSamplesRead = z.object({
    sdk_token: z.string(),
    api_base_url: z.string(),
    entity_uuid: z.string(),
    entity_user_xref_uuid: z.string()
});

/** What qwilApp.parseEntityMembership() reads; `avatar_url || ""` and `logo_url || ""` allow them to be empty. */
export const MembershipsAsSampleReads = z.object({
    entity_memberships: z.array(
        z.object({
            entity: z.object({
                entity_uuid: z.string(),
                name: z.string(),
                avatar_url: z.string().nullish(),
                logo_url: z.string().nullish()
            }),
            user: z.object({ entity_user_xref_uuid: z.string() })
        })
    )
});

/** Both samples' handleResponse(): any answer other than 200 is JSON with an error_code. */
export const ErrorAsSamplesRead = z.object({ error_code: z.string() });
