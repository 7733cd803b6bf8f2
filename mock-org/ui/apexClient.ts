// How `@salesforce/apex/<Class>.<method>` behaves in the preview: each call is a POST to the
// mock org, and failures reach components in the same shape Lightning gives them, so
// components and their `reduceErrors`-style helpers need no preview-only branches.

import { CSRF_HEADER, CSRF_META_NAME } from './pages/csrf';

export type ApexParams = Record<string, unknown>;

/** The error Lightning hands to a component when an Apex call fails. */
export interface ApexFetchError {
    ok: false;
    status: number;
    statusText: string;
    headers: Record<string, never>;
    /** The server's JSON error body as sent: `{ message }`, or e.g. `pageErrors` and `fieldErrors` for DML. */
    body: Record<string, unknown>;
    errorType: 'fetchResponse';
}

interface WireResult {
    data: unknown;
    error: ApexFetchError | undefined;
}

type DataCallback = (result: WireResult) => void;

export interface ApexMethod {
    (params?: ApexParams): Promise<unknown>;
    /** The wire adapter that `@wire(apexMethod, config)` uses. */
    adapter: new (dataCallback: DataCallback) => WireAdapter;
}

interface WireAdapter {
    connect(): void;
    disconnect(): void;
    update(config: ApexParams): void;
}

const UNREACHABLE_MESSAGE = 'Could not reach the server. Check your connection and try again.';

function fetchError(status: number, statusText: string, body: ApexFetchError['body']): ApexFetchError {
    return { ok: false, status, statusText, headers: {}, body, errorType: 'fetchResponse' };
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
    try {
        return text === '' ? null : JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** The page's anti-forgery token, which the server requires with every server-method call. */
function pageCsrfToken(): string {
    if (typeof document === 'undefined') return '';
    return document.querySelector(`meta[name="${CSRF_META_NAME}"]`)?.getAttribute('content') ?? '';
}

async function callApex(className: string, methodName: string, params: ApexParams = {}): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
        response = await fetch(`/apex/${encodeURIComponent(className)}/${encodeURIComponent(methodName)}`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', [CSRF_HEADER]: pageCsrfToken() },
            body: JSON.stringify(params)
        });
        text = await response.text();
    } catch {
        throw fetchError(0, '', { message: UNREACHABLE_MESSAGE });
    }
    const payload = parseJson(text);
    if (response.ok && payload !== undefined) return payload;
    const failure = response.ok
        ? 'answered with something other than JSON'
        : `failed: ${response.status} ${response.statusText}`.trim();
    const body = isJsonObject(payload) && !response.ok ? payload : { message: `${className}.${methodName} ${failure}` };
    throw fetchError(response.status, response.statusText, body);
}

export function createApexMethod(className: string, methodName: string): ApexMethod {
    const apexMethod = (params?: ApexParams) => callApex(className, methodName, params);

    class ApexWireAdapter implements WireAdapter {
        private connected = false;
        private latestRequest = 0;
        private config: ApexParams | undefined;
        private readonly dataCallback: DataCallback;

        constructor(dataCallback: DataCallback) {
            this.dataCallback = dataCallback;
        }

        connect(): void {
            this.connected = true;
            if (this.config) this.request(this.config);
        }

        disconnect(): void {
            this.connected = false;
            this.latestRequest += 1;
        }

        update(config: ApexParams): void {
            this.config = config;
            if (this.connected) this.request(config);
        }

        // As on the platform, nothing is provisioned while a reactive parameter is still undefined,
        // and only the latest request may provision: an older, slower response must not win.
        private request(config: ApexParams): void {
            const requestNumber = ++this.latestRequest;
            if (Object.values(config).some((value) => value === undefined)) return;
            const provide = (result: WireResult) => {
                if (requestNumber === this.latestRequest) this.dataCallback(result);
            };
            callApex(className, methodName, config).then(
                (data) => provide({ data, error: undefined }),
                (error: ApexFetchError) => provide({ data: undefined, error })
            );
        }
    }

    return Object.assign(apexMethod, { adapter: ApexWireAdapter });
}
