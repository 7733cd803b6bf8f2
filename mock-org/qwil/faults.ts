import { delay } from 'msw';
import { QwilError } from './errors';

export interface FaultPlan {
    /** Added to every Qwil call until cleared. */
    latencyMs?: number;
    /** The next `count` calls answer `status` with error code QX500 and change nothing. */
    failNext?: { count: number; status: number };
    /** The next N calls answer 200 with a body that is not JSON. */
    malformedNext?: number;
    /** The next N calls never answer (the caller's timeout fires). */
    timeoutNext?: number;
}

/** Faults apply to Qwil API calls only, before authentication, so a faulted call never changes state. */
export class FaultInjector {
    private latencyMs = 0;
    private failNext = { count: 0, status: 500 };
    private malformedNext = 0;
    private timeoutNext = 0;

    inject(plan: FaultPlan): void {
        if (plan.latencyMs !== undefined) this.latencyMs = plan.latencyMs;
        if (plan.failNext !== undefined) this.failNext = { ...plan.failNext };
        if (plan.malformedNext !== undefined) this.malformedNext = plan.malformedNext;
        if (plan.timeoutNext !== undefined) this.timeoutNext = plan.timeoutNext;
    }

    clear(): void {
        this.inject({ latencyMs: 0, failNext: { count: 0, status: 500 }, malformedNext: 0, timeoutNext: 0 });
    }

    /** Returns a malformed response to send instead of handling the call, or null to handle it. */
    async apply(): Promise<Response | null> {
        if (this.latencyMs > 0) await delay(this.latencyMs);
        if (this.timeoutNext > 0) {
            this.timeoutNext -= 1;
            await delay('infinite');
        }
        if (this.failNext.count > 0) {
            this.failNext.count -= 1;
            const { status } = this.failNext;
            throw new QwilError('QX500', `Injected fault: HTTP ${status}`, undefined, status);
        }
        if (this.malformedNext > 0) {
            this.malformedNext -= 1;
            return new Response('{"entity_membership": {"first_name": ', {
                status: 200,
                headers: { 'Content-Type': 'application/json' }
            });
        }
        return null;
    }
}
