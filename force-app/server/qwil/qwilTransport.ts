/** The one module that sends requests to Qwil: every Qwil call of the connector leaves through QwilTransport. */
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
export const SERVICE_PATHS = { system: '/entity-service/sys-api', chat: '/chat-service/api' } as const;
export type QwilService = keyof typeof SERVICE_PATHS;

/** A Qwil error response, or a response the connector cannot read (`unreadable`: the body is not what Qwil documents). */
export class QwilApiError extends Error {
    override readonly name = 'QwilApiError';
    constructor(
        readonly status: number,
        readonly errorCode: string | null,
        message: string,
        readonly unreadable = false,
        /** From a 429's Retry-After: how many seconds Qwil asks the connector to wait; null when it did not say. */
        readonly retryAfterSeconds: number | null = null
    ) {
        super(message);
    }
}

/**
 * Qwil's rate limit (per key per minute) is shared by every user of the org, so a 429 is never retried
 * in a loop: a read is retried once, after waiting, only when Qwil asks for at most this many seconds;
 * otherwise staff are told when to try again.
 */
const RATE_LIMIT_RETRY_MAX_WAIT_SECONDS = 2;

/** Retry-After in whole seconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(header: string | null | undefined, nowMs: number = Date.now()): number | null {
    const value = header?.trim() ?? '';
    if (/^\d+$/.test(value)) return Number(value);
    const date = Date.parse(value);
    return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/**
 * Identical reads in flight (several staff opening tabs at once), by the exact request: the second waits
 * for the first's answer instead of calling Qwil again. A Node process serves one org (the dev server,
 * a test file), so the map is the org's. Apex has no equivalent (each transaction runs alone and its
 * callouts one after another), so the Apex twin relies on Platform Cache for sharing answers instead.
 */
const readsInFlight = new Map<string, Promise<HttpResponse>>();

function requestKey(request: HttpRequest): string {
    return JSON.stringify([request.getMethod(), request.getEndpoint(), [...request.getHeaders()].sort()]);
}

const wait = (seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));

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

const SYSTEM_KEY: Authentication = {
    namedCredential: QWIL_NAMED_CREDENTIAL,
    keyHeader: 'X-SYS-API-KEY',
    secretHeader: 'X-SYS-API-KEY-SECRET',
    picksOrganisation: true
};
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
type QwilRequest = Omit<QwilCall<unknown>, 'call' | 'response'> & {
    readonly service: QwilService;
    readonly method: string;
    readonly path: string;
};

/**
 * Percent-encodes a query value as RFC 3986 does: every character but the unreserved ones
 * (letters, digits, - . _ ~), so a space is %20, never the form encoding's "+", which a server
 * may read as a plus sign. QwilCallout encodes the same way.
 */
export function encodeQueryValue(value: string): string {
    return encodeURIComponent(value).replace(
        /[!'()*]/g,
        (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
    );
}

function queryString(query: Readonly<Record<string, string>> | undefined): string {
    const pairs = Object.entries(query ?? {}).map(
        ([name, value]) => `${encodeQueryValue(name)}=${encodeQueryValue(value)}`
    );
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
const NOT_JSON_ANSWER = 'a body that is not JSON';

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

    /** The organisation the calls are for (Super API key), or the System API key's own. */
    get organisationScope(): string {
        return this.options.entityUuid ?? 'system-key';
    }

    async call<T>(call: QwilCall<T>): Promise<T> {
        const response = await this.send(declaredRequest(call));
        const json = parseJson(response.getBody());
        const parsed = call.response.safeParse(json === NOT_JSON ? undefined : json);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const what =
                json === NOT_JSON
                    ? NOT_JSON_ANSWER
                    : `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
            throw new QwilApiError(response.getStatusCode(), null, what, true);
        }
        return parsed.data;
    }

    /** A POST whose body is checked against Qwil's request schema before it leaves the org. */
    post<Body extends z.ZodType, T>(
        call: QwilCallName,
        requestSchema: Body,
        body: z.input<Body>,
        response: z.ZodType<T>,
        onBehalfOf?: string
    ): Promise<T> {
        return this.call({ call, body: requestSchema.parse(body), response, ...(onBehalfOf ? { onBehalfOf } : {}) });
    }

    /** A file Qwil sends (PDF transcript, ZIP of attachments), byte for byte. */
    async download(call: Omit<QwilCall<never>, 'response' | 'body'>): Promise<QwilFile> {
        const response = await this.send(declaredRequest(call));
        const fileName = /filename="([^"]+)"/.exec(response.getHeader('Content-Disposition') ?? '')?.[1];
        const contentType = response.getHeader('Content-Type');
        if (!fileName || !contentType)
            throw new QwilApiError(response.getStatusCode(), null, 'a file without its name or type', true);
        return { fileName, contentType, bytes: response.getBodyAsBlob() };
    }

    /** Sends the request through the named credential; a non-2xx answer becomes a QwilApiError. */
    private async send({ service, method, path, query, body, onBehalfOf }: QwilRequest): Promise<HttpResponse> {
        const request = new HttpRequest();
        request.setMethod(method);
        const authentication =
            service === 'chat' && this.options.chatServiceScheme === 'master-user-key' ? MASTER_USER_KEY : SYSTEM_KEY;
        request.setEndpoint(
            `callout:${authentication.namedCredential}${SERVICE_PATHS[service]}/${path}${queryString(query)}`
        );
        request.setHeader(authentication.keyHeader, '{!$Credential.UserName}');
        request.setHeader(authentication.secretHeader, '{!$Credential.Password}');
        request.setHeader('Accept', 'application/json');
        if (this.options.entityUuid && authentication.picksOrganisation)
            request.setHeader('on-behalf-of-entity-uuid', this.options.entityUuid);
        if (onBehalfOf) request.setHeader('on-behalf-of', onBehalfOf);
        if (body !== undefined) {
            request.setHeader('Content-Type', 'application/json');
            request.setBody(JSON.stringify(body));
        }
        const response = method === 'GET' ? await this.sendRead(request) : await this.http.send(request);
        const status = response.getStatusCode();
        if (status < 200 || status >= 300) {
            const error = QwilErrorBody.safeParse(parseJson(response.getBody()));
            const retryAfter = status === 429 ? retryAfterSeconds(response.getHeader('Retry-After')) : null;
            throw error.success
                ? new QwilApiError(
                      status,
                      error.data.error_code,
                      error.data.message ?? 'no message in the answer',
                      false,
                      retryAfter
                  )
                : new QwilApiError(status, null, 'no error code in the answer', false, retryAfter);
        }
        return response;
    }

    /** A read, shared with an identical one in flight, retried once after a short Retry-After. */
    private sendRead(request: HttpRequest): Promise<HttpResponse> {
        const key = requestKey(request);
        const inFlight = readsInFlight.get(key);
        if (inFlight) return inFlight;
        const answer = this.sendReadOnce(request).finally(() => readsInFlight.delete(key));
        readsInFlight.set(key, answer);
        return answer;
    }

    private async sendReadOnce(request: HttpRequest): Promise<HttpResponse> {
        const response = await this.http.send(request);
        if (response.getStatusCode() !== 429) return response;
        const retryAfter = retryAfterSeconds(response.getHeader('Retry-After'));
        if (retryAfter === null || retryAfter > RATE_LIMIT_RETRY_MAX_WAIT_SECONDS) return response;
        await wait(retryAfter);
        return this.http.send(request);
    }
}
