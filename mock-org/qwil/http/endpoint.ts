import { http, HttpResponse, type RequestHandler } from 'msw';
import type { z } from 'zod';
import { authenticate, type Caller, requirePermission, resolveActor } from '../auth/authenticate';
import { QwilError } from '../errors';
import type { MasterPermission, Permission, QwilState } from '../model/types';
import { RateLimitedError } from '../rateLimit';
import { readBody, readQuery } from './input';
import type { Runtime } from './runtime';
import { parseOrThrow } from './validate';

const QWIL_ORIGIN = 'https://:region.qwil.io';
const BASE_PATHS = { system: '/entity-service/sys-api', chat: '/chat-service/api' } as const;

export interface CallContext {
    state: QwilState;
    caller: Caller;
    entityUuid: string;
    /** ISO time of the call. */
    now: string;
}

/** Chat-service calls also know the membership they act for (`on-behalf-of`). */
export interface ChatCallContext extends CallContext {
    actorUuid: string;
}

interface EndpointSpec<I extends z.ZodType, R, C extends CallContext> {
    method: 'get' | 'post';
    path: string;
    /** The System API key flag this endpoint needs. */
    permission: Permission;
    /** The query (GET) or JSON body (POST) schema from the shared schemas. */
    input: I;
    /** Shown when the input as a whole is wrong, e.g. "exactly one of …". */
    inputRule?: string;
    /** Cross-organisation lookups: a Super key may omit on-behalf-of-entity-uuid. */
    crossOrganisation?: boolean;
    handle: (context: C, input: z.infer<I>) => R;
    /** JSON endpoints parse their result with the response schema; file endpoints build the response. */
    respond: (result: R) => Response;
}

export type EndpointFactory = (runtime: Runtime) => RequestHandler;

/** Chat-service endpoints also accept Master User API keys (as Qwil documents), each needing one Master flag. */
interface ChatEndpointSpec<I extends z.ZodType, R> extends EndpointSpec<I, R, ChatCallContext> {
    masterPermission: MasterPermission;
}

export function systemEndpoint<I extends z.ZodType, R>(spec: EndpointSpec<I, R, CallContext>): EndpointFactory {
    return endpoint('system', spec, () => ({}));
}

export function chatEndpoint<I extends z.ZodType, R>(spec: ChatEndpointSpec<I, R>): EndpointFactory {
    return endpoint('chat', spec, (request, state, entityUuid) => ({
        actorUuid: resolveActor(request, state, entityUuid).entity_user_xref_uuid
    }));
}

export function json<S extends z.ZodType>(schema: S): (result: z.input<S>) => Response {
    return (result) => HttpResponse.json(schema.parse(result) as object);
}

function endpoint<I extends z.ZodType, R, C extends CallContext>(
    api: keyof typeof BASE_PATHS,
    spec: EndpointSpec<I, R, C> & { masterPermission?: MasterPermission },
    extendContext: (request: Request, state: QwilState, entityUuid: string) => Omit<C, keyof CallContext>
): EndpointFactory {
    const url = `${QWIL_ORIGIN}${BASE_PATHS[api]}/${spec.path}`;
    return (runtime) =>
        http[spec.method](url, async ({ request, params }) => {
            try {
                const faulted = await runtime.faults.apply();
                if (faulted) return faulted;
                const state = runtime.store.read();
                const caller = authenticate(request, String(params.region), state, runtime.callerAddress(), {
                    accepts: spec.masterPermission === undefined ? ['system'] : ['system', 'master'],
                    crossOrganisation: spec.crossOrganisation ?? false
                });
                runtime.rateLimiter.take(caller.key.record.key);
                requirePermission(caller.key, { system: spec.permission, master: spec.masterPermission });
                const entityUuid = caller.organisation.entity_uuid;
                const extension = extendContext(request, state, entityUuid);
                const raw = spec.method === 'get' ? readQuery(request) : await readBody(request);
                const input = parseOrThrow(spec.input, raw, spec.method === 'get' ? 'query' : 'body', spec.inputRule);
                const run = (current: QwilState): R =>
                    spec.handle(
                        { state: current, caller, entityUuid, now: runtime.now().toISOString(), ...extension } as C,
                        input
                    );
                const result = spec.method === 'get' ? run(state) : runtime.store.transact(run);
                return spec.respond(result);
            } catch (error) {
                if (error instanceof QwilError) return errorResponse(error);
                throw error;
            }
        });
}

export function errorResponse(error: QwilError): Response {
    const headers = error instanceof RateLimitedError ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
    return HttpResponse.json(error.toBody(), { status: error.status, headers });
}

/**
 * Anything else on a Qwil host: a JSON 404 rather than an unhandled request, but only to a caller
 * that authenticates, so a wrong key is told so (RU001) whatever the path.
 */
export function unknownEndpoint(runtime: Runtime): RequestHandler {
    return http.all(`${QWIL_ORIGIN}/*`, ({ request, params }) => {
        try {
            const path = new URL(request.url).pathname;
            authenticate(request, String(params.region), runtime.store.read(), runtime.callerAddress(), {
                accepts: path.startsWith(`${BASE_PATHS.chat}/`) ? ['system', 'master'] : ['system'],
                crossOrganisation: true
            });
            throw new QwilError('QX404', `No such endpoint: ${request.method} ${path}`);
        } catch (error) {
            if (error instanceof QwilError) return errorResponse(error);
            throw error;
        }
    });
}
