import type { Http } from '../../platform/context';
import type { HttpRequest, HttpResponse } from '../../platform/http';

/** One answer Qwil gives: a JSON body (or raw text) with a status and optional headers. */
export interface ScriptedAnswer {
    readonly status?: number;
    readonly body?: unknown;
    readonly headers?: Readonly<Record<string, string>>;
}

/** A request as the connector sent it: method, endpoint after the named credential, headers, body. */
export interface SentRequest {
    readonly method: string;
    readonly service: string;
    readonly path: string;
    readonly query: URLSearchParams;
    readonly rawQuery: string;
    readonly headers: ReadonlyMap<string, string>;
    readonly body: string | null;
}

const ENDPOINT =
    /^callout:Qwil_Messenger_Salesforce_Connector\/(entity-service\/sys-api|chat-service\/api)\/([^?]*)(?:\?(.*))?$/;

function toResponse({ status = 200, body = {}, headers = {} }: ScriptedAnswer): HttpResponse {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return {
        getStatusCode: () => status,
        getStatus: () => String(status),
        getBody: () => text,
        getBodyAsBlob: () => new TextEncoder().encode(text),
        getHeader: (name) =>
            Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null
    };
}

/**
 * An Http that answers each request from a script keyed by "METHOD path" (path below the service;
 * a list answers successive requests in turn), records every request, and fails the test on a
 * request the script does not list.
 */
export function scriptedQwil(
    script: Readonly<Record<string, ScriptedAnswer | ScriptedAnswer[]>>
): Http & { readonly sent: SentRequest[] } {
    const sent: SentRequest[] = [];
    return {
        sent,
        send(request: HttpRequest): Promise<HttpResponse> {
            const match = ENDPOINT.exec(request.getEndpoint());
            if (!match) throw new Error(`not a Qwil endpoint: ${request.getEndpoint()}`);
            const [, service = '', path = '', rawQuery = ''] = match;
            sent.push({
                method: request.getMethod(),
                service,
                path,
                query: new URLSearchParams(rawQuery),
                rawQuery,
                headers: request.getHeaders(),
                body: request.getBody()
            });
            const scripted = script[`${request.getMethod()} ${path}`];
            const answer = Array.isArray(scripted)
                ? scripted[
                      sent.filter((other) => other.method === request.getMethod() && other.path === path).length - 1
                  ]
                : scripted;
            if (!answer) throw new Error(`no scripted answer for ${request.getMethod()} ${path}`);
            return Promise.resolve(toResponse(answer));
        }
    };
}
