import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockOrg } from '../platform/mockOrg';
import { ClientError } from './httpErrors';
import { readBodyOnce } from './requestBody';
import { requireCsrfToken, requireSameOrigin } from './requestGuards';
import type { Session } from './sessions';

/** The largest control input (a fault plan, a key's CIDR list) is well under a kilobyte. */
const MAX_CONTROL_BODY_BYTES = 64_000;

export type ControlSurfaceListener = (
    request: IncomingMessage,
    response: ServerResponse,
    session: Session
) => Promise<void>;

export interface ControlSurfaceOptions {
    readonly org: MockOrg;
    /** The local admin token (see localState.ts): the way scripts on this machine are let in. */
    readonly adminToken: string;
    /** Hands the checked request, with its body already read, to the mock Qwil's admin handlers. */
    readonly forward: (request: IncomingMessage, response: ServerResponse, body: Buffer | undefined) => Promise<void>;
}

function bearerTokenMatches(authorization: string, adminToken: string): boolean {
    const given = Buffer.from(authorization);
    const expected = Buffer.from(`Bearer ${adminToken}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `/__mock-qwil-admin/*` stands for Qwil's admin console: only the mock org's administrators
 * (Customize Application) from a page of this server, or a script holding the local admin token;
 * JSON bodies only (a `text/plain` no-cors fetch is refused with 415), at most 64 kB (413).
 */
export function createControlSurfaceListener({
    org,
    adminToken,
    forward
}: ControlSurfaceOptions): ControlSurfaceListener {
    return async (request, response, session) => {
        const authorization = request.headers.authorization;
        const byScript = authorization !== undefined;
        if (byScript && !bearerTokenMatches(authorization, adminToken)) {
            throw new ClientError(
                401,
                'The admin token is not the one in the local state (.local/mock-qwil-admin-token).'
            );
        }
        if (!byScript && !org.accessOf(session.userId).hasUserPermission('CustomizeApplication')) {
            throw new ClientError(
                403,
                "The mock Qwil's admin console is for administrators (Customize Application) only."
            );
        }
        if (request.method === 'GET' || request.method === 'HEAD') return forward(request, response, undefined);
        requireSameOrigin(request);
        if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
            throw new ClientError(415, 'The admin console takes a JSON body (Content-Type: application/json).');
        }
        if (!byScript) await requireCsrfToken(request, session);
        return forward(request, response, await readBodyOnce(request, MAX_CONTROL_BODY_BYTES));
    };
}
