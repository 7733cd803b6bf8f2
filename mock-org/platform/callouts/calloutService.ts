import { CalloutException, type HttpRequest, type HttpResponse } from '../../../force-app/server/platform/http';
import { LIMITS, LimitException } from '../apex/limits';
import type { Transaction } from '../apex/transaction';
import type { NamedCredentialDefinition } from '../metadata/namedCredentials';
import type { CredentialPrincipal, CredentialStore } from './credentialStore';

/** Who makes the callout: a new-model credential needs the running user to have access to its principal. */
export interface CalloutCaller {
    canUseExternalCredentialPrincipal(principal: string): boolean;
}

/** How the org reaches the network; tests hand in msw-intercepted fetch, the dev server may route hosts. */
export type Transport = (request: Request) => Promise<Response>;

const MERGE_FIELD = /\{!\$Credential\.(UserName|Username|Password)\}/gi;

function mergeCredential(text: string, principal: CredentialPrincipal): string {
    return text.replace(MERGE_FIELD, (_token, field: string) =>
        field.toLowerCase() === 'password' ? principal.password : principal.username
    );
}

function credentialUnavailable(name: string): CalloutException {
    return new CalloutException(
        `We couldn't access the credential(s). You might not have the required permissions, or the named credential "${name}" might not exist or has no credentials set.`
    );
}

interface ResolvedTarget {
    url: string;
    credential: NamedCredentialDefinition | null;
}

function responseOf(status: number, statusText: string, headers: Headers, bytes: Uint8Array): HttpResponse {
    return {
        getStatusCode: () => status,
        getStatus: () => statusText,
        getBody: () => new TextDecoder().decode(bytes),
        getBodyAsBlob: () => bytes.slice(),
        getHeader: (name) => headers.get(name)
    };
}

interface CalloutDeadline {
    /** Aborts the request when the time is up. */
    readonly signal: AbortSignal;
    /** Rejects with "Read timed out" when the time is up, whatever the transport does with the signal. */
    readonly expired: Promise<never>;
    clear(): void;
}

/**
 * The callout's timeout as a ref'd timer the event loop holds until it is cleared. `AbortSignal.timeout`
 * is not enough: once the Request holds only a weak link to it, the garbage collector may take the
 * signal and its timer never fires, so a callout to a server that never answers would never end.
 */
function calloutDeadline(timeoutMs: number): CalloutDeadline {
    const controller = new AbortController();
    let expire: (error: CalloutException) => void = () => undefined;
    const expired = new Promise<never>((_resolve, reject) => {
        expire = reject;
    });
    const timer = setTimeout(() => {
        controller.abort(new DOMException('The callout timed out', 'TimeoutError'));
        expire(new CalloutException('Read timed out'));
    }, timeoutMs);
    // The race may already be settled when the timer fires; the rejection then has no reader.
    expired.catch(() => undefined);
    return { signal: controller.signal, expired, clear: () => clearTimeout(timer) };
}

/** Sends Apex callouts the way the platform does: named credentials, merge fields, auth header, limits. */
export class CalloutService {
    constructor(
        private readonly credentials: Pick<ReadonlyMap<string, NamedCredentialDefinition>, 'get'>,
        private readonly principals: CredentialStore,
        private readonly transport: Transport
    ) {}

    async send(request: HttpRequest, transaction: Transaction, caller: CalloutCaller): Promise<HttpResponse> {
        if (transaction.pendingWork) {
            throw new CalloutException(
                'You have uncommitted work pending. Please commit or rollback before calling out'
            );
        }
        if (transaction.callouts >= LIMITS.calloutsPerTransaction) {
            throw new LimitException(`Too many callouts: ${transaction.callouts + 1}`);
        }
        const timeoutMs = request.getTimeout() ?? LIMITS.defaultCalloutTimeoutMs;
        if (
            !Number.isInteger(timeoutMs) ||
            timeoutMs < LIMITS.minCalloutTimeoutMs ||
            timeoutMs > LIMITS.maxCalloutTimeoutMs
        ) {
            throw new CalloutException(
                `Timeout must be between ${LIMITS.minCalloutTimeoutMs} and ${LIMITS.maxCalloutTimeoutMs} milliseconds: ${timeoutMs}`
            );
        }
        const remainingMs = LIMITS.cumulativeCalloutTimeMs - transaction.calloutTimeMs;
        if (remainingMs <= 0)
            throw new CalloutException(
                `Exceeded maximum time allotted for callout (${LIMITS.cumulativeCalloutTimeMs} ms)`
            );

        const target = this.resolve(request.getEndpoint());
        const principal = this.principalFor(target.credential, caller);
        const headers = new Headers();
        for (const [name, value] of request.getHeaders()) {
            headers.set(
                name,
                principal && target.credential?.allowMergeFieldsInHeader ? mergeCredential(value, principal) : value
            );
        }
        if (principal && target.credential?.generateAuthorizationHeader) {
            headers.set(
                'Authorization',
                `Basic ${Buffer.from(`${principal.username}:${principal.password}`, 'utf8').toString('base64')}`
            );
        }
        const rawBody = request.getBody();
        const body =
            rawBody !== null && principal && target.credential?.allowMergeFieldsInBody
                ? mergeCredential(rawBody, principal)
                : rawBody;
        if (body !== null && Buffer.byteLength(body, 'utf8') > LIMITS.calloutBodyBytes) {
            throw new CalloutException(
                `Exceeded max size limit of ${LIMITS.calloutBodyBytes} with request size ${Buffer.byteLength(body, 'utf8')}`
            );
        }

        transaction.callouts += 1;
        const started = performance.now();
        const deadline = calloutDeadline(Math.min(timeoutMs, remainingMs));
        try {
            const exchange = async (): Promise<HttpResponse> => {
                const response = await this.transport(
                    new Request(target.url, {
                        method: request.getMethod(),
                        headers,
                        body: body ?? undefined,
                        signal: deadline.signal
                    })
                );
                const responseBody = new Uint8Array(await response.arrayBuffer());
                if (responseBody.byteLength > LIMITS.calloutBodyBytes) {
                    throw new CalloutException(
                        `Exceeded max size limit of ${LIMITS.calloutBodyBytes} with response size ${responseBody.byteLength}`
                    );
                }
                return responseOf(response.status, response.statusText, response.headers, responseBody);
            };
            return await Promise.race([exchange(), deadline.expired]);
        } catch (error) {
            if (error instanceof CalloutException) throw error;
            // Abort errors are DOMExceptions, which may come from another realm than this module's Error.
            const { name, message } = error as { name?: unknown; message?: unknown };
            if (name === 'TimeoutError' || name === 'AbortError') throw new CalloutException('Read timed out');
            throw new CalloutException(
                `Unable to tunnel through proxy or reach ${new URL(target.url).host}: ${String(message ?? error)}`
            );
        } finally {
            deadline.clear();
            transaction.calloutTimeMs += performance.now() - started;
        }
    }

    private resolve(endpoint: string): ResolvedTarget {
        if (!endpoint.startsWith('callout:')) {
            throw new CalloutException(
                `Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = ${endpoint}`
            );
        }
        const reference = endpoint.slice('callout:'.length);
        const nameEnd = reference.search(/[/?]/);
        const name = nameEnd === -1 ? reference : reference.slice(0, nameEnd);
        const rest = nameEnd === -1 ? '' : reference.slice(nameEnd);
        const credential = this.credentials.get(name);
        if (!credential) throw credentialUnavailable(name);
        return { url: `${credential.endpoint}${rest}`, credential };
    }

    /**
     * Fails closed: a credential that authenticates but has no secret, or none of whose external
     * credential principals the user has access to, never sends a request. A legacy secret belongs
     * to the named credential; a new-model one to the first principal (by sequence number) the user may use.
     */
    private principalFor(
        credential: NamedCredentialDefinition | null,
        caller: CalloutCaller
    ): CredentialPrincipal | null {
        if (!credential || credential.authentication === 'none') return null;
        const secretName = credential.externalCredential
            ? credential.externalCredentialPrincipals.find((principal) =>
                  caller.canUseExternalCredentialPrincipal(principal)
              )
            : credential.name;
        const principal = secretName === undefined ? undefined : this.principals.get(secretName);
        if (!principal) throw credentialUnavailable(credential.name);
        return principal;
    }
}
