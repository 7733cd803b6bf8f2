import type { z } from 'zod';
import type { Http } from '../platform/context';
import { HttpRequest, type HttpResponse } from '../platform/http';
import { QWIL_CALLS, requireDeclared, type QwilCallName } from './qwilCalls';
import { QwilErrorBody } from './schemas';

/** The named credential the admin creates (install guide, step 3); the name must match exactly. */
export const QWIL_NAMED_CREDENTIAL = 'Qwil_Messenger_Salesforce_Connector';

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
        readonly unreadable = false
    ) {
        super(message);
    }
}

export interface QwilTransportOptions {
    /** With a Super API key: the organisation every call is for (`on-behalf-of-entity-uuid`). */
    readonly entityUuid?: string | null;
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

function parseJson(body: string): unknown {
    try {
        return JSON.parse(body);
    } catch {
        return undefined;
    }
}

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
        const parsed = call.response.safeParse(parseJson(response.getBody()));
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new QwilApiError(response.getStatusCode(), null, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`, true);
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
        request.setEndpoint(`callout:${QWIL_NAMED_CREDENTIAL}${SERVICE_PATHS[service]}/${path}${queryString(query)}`);
        request.setHeader('X-SYS-API-KEY', '{!$Credential.UserName}');
        request.setHeader('X-SYS-API-KEY-SECRET', '{!$Credential.Password}');
        request.setHeader('Accept', 'application/json');
        if (this.options.entityUuid) request.setHeader('on-behalf-of-entity-uuid', this.options.entityUuid);
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
