/** Apex `HttpRequest`: what package code builds; the platform sends it (named credential, merge fields, limits). */
export class HttpRequest {
    private endpoint = '';
    private method = 'GET';
    private body: string | null = null;
    private timeoutMs: number | null = null;
    private readonly headers = new Map<string, string>();

    setEndpoint(endpoint: string): void {
        this.endpoint = endpoint;
    }
    getEndpoint(): string {
        return this.endpoint;
    }
    setMethod(method: string): void {
        this.method = method.toUpperCase();
    }
    getMethod(): string {
        return this.method;
    }
    setHeader(name: string, value: string): void {
        this.headers.set(name, value);
    }
    /** As in Apex, the header as set: merge-field tokens stay unresolved. */
    getHeader(name: string): string | undefined {
        return this.headers.get(name);
    }
    getHeaders(): ReadonlyMap<string, string> {
        return this.headers;
    }
    setBody(body: string): void {
        this.body = body;
    }
    getBody(): string | null {
        return this.body;
    }
    /** Milliseconds, 1 to 120,000; the platform default is 10,000. */
    setTimeout(timeoutMs: number): void {
        this.timeoutMs = timeoutMs;
    }
    getTimeout(): number | null {
        return this.timeoutMs;
    }
}

/** Apex `HttpResponse`: 4xx and 5xx come back as responses, never as exceptions. */
export interface HttpResponse {
    getStatusCode(): number;
    getStatus(): string;
    getBody(): string;
    /** `getBodyAsBlob()`: the body's bytes, for binary responses such as PDF or ZIP files. */
    getBodyAsBlob(): Uint8Array;
    getHeader(name: string): string | null;
}

/** Apex `System.CalloutException`: timeouts, limits, unreachable or unknown endpoints. */
export class CalloutException extends Error {
    override readonly name = 'System.CalloutException';
}
