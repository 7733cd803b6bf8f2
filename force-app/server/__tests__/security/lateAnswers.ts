import type { Transport } from '../../../../mock-org/platform/callouts/calloutService';

/**
 * The network between the org and Qwil, with answers that come back too late. `loseNextAnswer`
 * lets the next matching request reach Qwil (its change is made) but the caller's timeout fires
 * before the answer arrives. `holdNext` keeps the next matching request on its way until `release`:
 * the caller's timeout fires at once, and Qwil makes the change only when the request is released.
 * The caller sees what a timeout looks like: the request's abort as a TimeoutError.
 */
export interface LateAnswers {
    readonly transport: Transport;
    loseNextAnswer(path: string): void;
    holdNext(path: string): void;
    /** Lets the held request reach Qwil; resolves once Qwil has answered it (to nobody). */
    release(): Promise<void>;
}

const timedOut = (): DOMException => new DOMException('The operation was aborted due to timeout', 'TimeoutError');

/** A copy Qwil can still read after the caller gave up on the original. */
async function detached(request: Request): Promise<Request> {
    const body = request.method === 'GET' ? undefined : await request.text();
    return new Request(request.url, { method: request.method, headers: request.headers, body });
}

export function lateAnswers(): LateAnswers {
    let plan: { path: string; mode: 'lose' | 'hold' } | null = null;
    let held: Request | null = null;
    return {
        transport: async (request) => {
            const current = plan;
            if (!current || !new URL(request.url).pathname.endsWith(current.path)) return fetch(request);
            plan = null;
            const copy = await detached(request);
            if (current.mode === 'hold') held = copy;
            else await (await fetch(copy)).arrayBuffer();
            throw timedOut();
        },
        loseNextAnswer: (path) => {
            plan = { path, mode: 'lose' };
        },
        holdNext: (path) => {
            plan = { path, mode: 'hold' };
        },
        release: async () => {
            if (!held) throw new Error('No request is held');
            const request = held;
            held = null;
            await (await fetch(request)).arrayBuffer();
        }
    };
}
