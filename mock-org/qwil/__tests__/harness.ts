import { setupServer } from 'msw/node';
import { z } from 'zod';
import { QwilErrorBody } from '../../../force-app/server/qwil/schemas';
import { createMockQwil, type CreateSystemApiKeyInput, type MockQwil } from '../index';

export const QWIL = 'https://eu.qwil.io';
export const SYS = `${QWIL}/entity-service/sys-api`;
export const CHAT = `${QWIL}/chat-service/api`;
export const ADMIN = 'http://mock-qwil.admin/__admin';

export interface Reply {
    status: number;
    headers: Headers;
    body: unknown;
}

export interface Credentials {
    key: string;
    secret: string;
}

export interface CallOptions {
    query?: Record<string, string>;
    /** A value to send as JSON, or a raw string. */
    body?: unknown;
    headers?: Record<string, string>;
    /** Default: the harness key. `null` sends no credentials. */
    credentials?: Credentials | null;
    /** Chat-service calls: the `on-behalf-of` membership. */
    actor?: string;
}

/**
 * One mock Qwil per test file behind msw's setupServer; before each test it is reset to the demo
 * seed and a fresh key (the installation guide's recommended flags) is created.
 */
export function useMockQwil(keyInput: CreateSystemApiKeyInput = { name: 'Salesforce connector (tests)' }) {
    const clock = { now: new Date('2025-12-01T09:00:00.000Z') };
    const qwil: MockQwil = createMockQwil({ seed: 'demo', now: () => clock.now });
    const server = setupServer(...qwil.handlers, ...qwil.adminHandlers);
    const current = { credentials: { key: '', secret: '' } };

    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    beforeEach(() => {
        qwil.control.reset();
        clock.now = new Date('2025-12-01T09:00:00.000Z');
        current.credentials = qwil.control.createSystemApiKey(keyInput);
    });
    afterAll(() => server.close());

    async function call(method: 'GET' | 'POST', url: string, options: CallOptions = {}): Promise<Reply> {
        const target = new URL(url);
        for (const [name, value] of Object.entries(options.query ?? {})) target.searchParams.append(name, value);
        const credentials = options.credentials === undefined ? current.credentials : options.credentials;
        const headers: Record<string, string> = {
            ...(credentials ? { 'X-SYS-API-KEY': credentials.key, 'X-SYS-API-KEY-SECRET': credentials.secret } : {}),
            ...(options.actor ? { 'on-behalf-of': options.actor } : {}),
            ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...options.headers
        };
        const body =
            options.body === undefined
                ? undefined
                : typeof options.body === 'string'
                  ? options.body
                  : JSON.stringify(options.body);
        const response = await fetch(target, { method, headers, body });
        const text = await response.text();
        const isJson = response.headers.get('content-type')?.includes('json') ?? false;
        return {
            status: response.status,
            headers: response.headers,
            body: isJson ? (JSON.parse(text) as unknown) : text
        };
    }

    return {
        qwil,
        get control() {
            return qwil.control;
        },
        get credentials() {
            return current.credentials;
        },
        clock,
        sys: {
            get: (path: string, options?: CallOptions) => call('GET', `${SYS}/${path}`, options),
            post: (path: string, body: unknown, options?: CallOptions) =>
                call('POST', `${SYS}/${path}`, { ...options, body })
        },
        chat: {
            get: (path: string, actor: string, options?: CallOptions) =>
                call('GET', `${CHAT}/${path}`, { actor, ...options }),
            post: (path: string, actor: string, body: unknown, options?: CallOptions) =>
                call('POST', `${CHAT}/${path}`, { actor, ...options, body })
        },
        call
    };
}

/** The reply must be a 200 that parses with the shared response schema. */
export function ok<S extends z.ZodType>(reply: Reply, schema: S): z.infer<S> {
    if (reply.status !== 200) throw new Error(`Expected 200, got ${reply.status}: ${JSON.stringify(reply.body)}`);
    return schema.parse(reply.body);
}

/** The reply must be a Qwil error with this status and code; returns the body for further checks. */
export function failed(reply: Reply, status: number, code: string): z.infer<typeof ErrorBodyWithField> {
    expect({ status: reply.status, code: (reply.body as { error_code?: string }).error_code }).toEqual({
        status,
        code
    });
    return ErrorBodyWithField.parse(reply.body);
}

const ErrorBodyWithField = QwilErrorBody.extend({ field: z.string().optional() });
