import type { z } from 'zod';
import type { Http } from '../platform/context';
import { HttpRequest, type HttpResponse } from '../platform/http';
import { QWIL_CALLS, requireDeclared, type QwilCallName } from './qwilCalls';
import { QwilErrorBody } from './schemas';

/** The named credential the admin creates (install guide, step 3); the name must match exactly. */
export const QWIL_NAMED_CREDENTIAL = 'Qwil_Messenger_Salesforce_Connector';

/**
 * Optional: a named credential holding a Qwil Master User API key (same URL as the first). When the org
 * has it, chat-service calls go through it with Qwil's documented Master headers.
 */
export const QWIL_CHAT_SERVICE_NAMED_CREDENTIAL = 'Qwil_Messenger_Chat_Service';

/** Qwil's two services: the System API (members, groups, review) and the chat service. */
const SERVICE_PATHS = { system: '/entity-service/sys-api', chat: '/chat-service/api' } as const;
export type QwilService = keyof typeof SERVICE_PATHS;

/** A Qwil error response, or a response the connector cannot read (`unreadable`: the body is not what Qwil documents). */
export class QwilApiError extends Error {
    override readonly name = 'QwilApiError';
    constructor(
        readonly status: number,
        readonly errorCode: string | null,
        message: string,
        readonly unreadable = false
    ) {
        super(message);
    }
}

/**
 * How chat-service calls authenticate: with the System key (`system-key`, our assumption, the default) or,
 * as Qwil documents chat-service, with a Master User key (`master-user-key`).
 */
export type ChatServiceScheme = 'system-key' | 'master-user-key';

interface Authentication {
    readonly namedCredential: string;
    readonly keyHeader: string;
    readonly secretHeader: string;
    /** A Super key picks the organisation per call; a Master User key belongs to one organisation. */
    readonly picksOrganisation: boolean;
}

const SYSTEM_KEY: Authentication = { namedCredential: QWIL_NAMED_CREDENTIAL, keyHeader: 'X-SYS-API-KEY', secretHeader: 'X-SYS-API-KEY-SECRET', picksOrganisation: true };
const MASTER_USER_KEY: Authentication = {
    namedCredential: QWIL_CHAT_SERVICE_NAMED_CREDENTIAL,
    keyHeader: 'X-MASTER-USER-API-KEY',
    secretHeader: 'X-MASTER-USER-API-KEY-SECRET',
    picksOrganisation: false
};

export interface QwilTransportOptions {
    /** With a Super API key: the organisation every call is for (`on-behalf-of-entity-uuid`). */
    readonly entityUuid?: string | null;
    /** System-key by default. */
    readonly chatServiceScheme?: ChatServiceScheme;
}

export interface QwilCall<T> {
    /** The declared call (service, method, path and the query parameters it may take). */
    readonly call: QwilCallName;
    readonly query?: Readonly<Record<string, string>>;
    /** Already checked against Qwil's request schema. */
    readonly body?: unknown;
    /** Chat-service calls act for this staff membership (`on-behalf-of`). */
    readonly onBehalfOf?: string;
    readonly response: z.ZodType<T>;
}

/** A file as Qwil sends it. */
export interface QwilFile {
    readonly fileName: string;
    readonly contentType: string;
    readonly bytes: Uint8Array;
}

/** What is sent: the declared call's service, method and path, with this call's values. */
type QwilRequest = Omit<QwilCall<unknown>, 'call' | 'response'> & { readonly service: QwilService; readonly method: string; readonly path: string };

/**
 * Percent-encodes a query value as RFC 3986 does: every character but the unreserved ones
 * (letters, digits, - . _ ~), so a space is %20, never the form encoding's "+", which a server
 * may read as a plus sign. QwilCallout encodes the same way.
 */
export function encodeQueryValue(value: string): string {
    return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function queryString(query: Readonly<Record<string, string>> | undefined): string {
    const pairs = Object.entries(query ?? {}).map(([name, value]) => `${encodeQueryValue(name)}=${encodeQueryValue(value)}`);
    return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** The request for a declared call; a call or query parameter missing from QWIL_CALLS is a connector bug and is never sent. */
function declaredRequest({ call, query, body, onBehalfOf }: Omit<QwilCall<unknown>, 'response'>): QwilRequest {
    const { service, method, path } = QWIL_CALLS[call];
    requireDeclared(service, method, path, query);
    return { service, method, path, query, body, onBehalfOf };
}

const NOT_JSON = Symbol('not JSON');

function parseJson(body: string): unknown {
    try {
        return JSON.parse(body);
    } catch {
        return NOT_JSON;
    }
}

/** What the administrator detail says of an answer that is not JSON at all (e.g. truncated), rather than a schema issue. */
export const NOT_JSON_ANSWER = 'a body that is not JSON';

/**
 * The only code that sends requests to Qwil. Every call goes through the named credential: the
 * key and secret are merge fields the platform fills in, so they never exist in connector code.
 * Every response is parsed with its schema; anything else is a QwilApiError.
 */
export class QwilTransport {
    constructor(
        private readonly http: Http,
        private readonly options: QwilTransportOptions = {}
    ) {}

    async call<T>(call: QwilCall<T>): Promise<T> {
        const response = await this.send(declaredRequest(call));
        const json = parseJson(response.getBody());
        const parsed = call.response.safeParse(json === NOT_JSON ? undefined : json);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const what = json === NOT_JSON ? NOT_JSON_ANSWER : `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
            throw new QwilApiError(response.getStatusCode(), null, what, true);
        }
        return parsed.data;
    }

    /** A file Qwil sends (PDF transcript, ZIP of attachments), byte for byte. */
    async download(call: Omit<QwilCall<never>, 'response' | 'body'>): Promise<QwilFile> {
        const response = await this.send(declaredRequest(call));
        const fileName = /filename="([^"]+)"/.exec(response.getHeader('Content-Disposition') ?? '')?.[1];
        const contentType = response.getHeader('Content-Type');
        if (!fileName || !contentType) throw new QwilApiError(response.getStatusCode(), null, 'a file without its name or type', true);
        return { fileName, contentType, bytes: response.getBodyAsBlob() };
    }

    /** Sends the request through the named credential; a non-2xx answer becomes a QwilApiError. */
    private async send({ service, method, path, query, body, onBehalfOf }: QwilRequest): Promise<HttpResponse> {
        const request = new HttpRequest();
        request.setMethod(method);
        const authentication = service === 'chat' && this.options.chatServiceScheme === 'master-user-key' ? MASTER_USER_KEY : SYSTEM_KEY;
        request.setEndpoint(`callout:${authentication.namedCredential}${SERVICE_PATHS[service]}/${path}${queryString(query)}`);
        request.setHeader(authentication.keyHeader, '{!$Credential.UserName}');
        request.setHeader(authentication.secretHeader, '{!$Credential.Password}');
        request.setHeader('Accept', 'application/json');
        if (this.options.entityUuid && authentication.picksOrganisation) request.setHeader('on-behalf-of-entity-uuid', this.options.entityUuid);
        if (onBehalfOf) request.setHeader('on-behalf-of', onBehalfOf);
        if (body !== undefined) {
            request.setHeader('Content-Type', 'application/json');
            request.setBody(JSON.stringify(body));
        }
        const response = await this.http.send(request);
        const status = response.getStatusCode();
        if (status < 200 || status >= 300) {
            const error = QwilErrorBody.safeParse(parseJson(response.getBody()));
            throw error.success
                ? new QwilApiError(status, error.data.error_code, error.data.message ?? 'no message in the answer')
                : new QwilApiError(status, null, 'no error code in the answer');
        }
        return response;
    }
}
