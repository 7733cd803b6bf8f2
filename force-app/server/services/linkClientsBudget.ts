import type { Http } from '../platform/context';
import type { HttpRequest, HttpResponse } from '../platform/http';

/** Apex's limits per transaction (synchronous and asynchronous alike): 100 callouts, 120 s of callout time. */
const CALLOUTS_PER_TRANSACTION = 100;
const CALLOUT_TIME_PER_TRANSACTION_MS = 120_000;
/** A callout's default timeout (the connector sets none): the longest one can take. */
const CALLOUT_TIMEOUT_MS = 10_000;
/** A read may be sent twice (the transport retries once after a short Retry-After); a write once. */
export const READ_COST = 2;
export const WRITE_COST = 1;
const MINUTE_MS = 60_000;

/**
 * The Http one transaction of the job uses: counts every callout (retries included), and says before
 * each step whether its worst case still fits the transaction's limits and the job's calls per minute.
 * The rate is held over any 60 seconds (a sliding minute), by the times of the job's calls in the last
 * minute, carried from one transaction to the next: so no minute, however it falls, has more.
 */
export class CalloutBudget implements Http {
    callouts = 0;
    private calloutMs = 0;
    private readonly recent: number[];

    constructor(
        private readonly http: Http,
        private readonly now: () => number,
        private readonly callsPerMinute: number,
        recentCalls: readonly number[]
    ) {
        this.recent = [...recentCalls];
    }

    async send(request: HttpRequest): Promise<HttpResponse> {
        const started = this.now();
        this.callouts += 1;
        this.recent.push(started);
        try {
            return await this.http.send(request);
        } finally {
            this.calloutMs += this.now() - started;
        }
    }

    /** Whether a step of this many callouts (at worst) fits this transaction. */
    fitsTransaction(cost: number): boolean {
        return (
            this.callouts + cost <= CALLOUTS_PER_TRANSACTION &&
            this.calloutMs + cost * CALLOUT_TIMEOUT_MS <= CALLOUT_TIME_PER_TRANSACTION_MS
        );
    }

    /** Whether a step of this many callouts fits the job's share of the last 60 seconds. */
    fitsMinute(cost: number): boolean {
        return this.recentCalls().length + cost <= this.callsPerMinute;
    }

    /** Whole minutes (Queueable delays are whole minutes), at least 1, until a step of this cost fits the minute. */
    minutesUntilFits(cost: number): number {
        const recent = this.recentCalls();
        const mustExpire = recent.length + cost - this.callsPerMinute;
        const freedAt = (recent[Math.max(0, mustExpire - 1)] ?? this.now()) + MINUTE_MS;
        return Math.max(1, Math.ceil((freedAt - this.now()) / MINUTE_MS));
    }

    /** The times of the calls in the last minute, to carry into the next transaction. */
    recentCalls(): number[] {
        const since = this.now() - MINUTE_MS;
        return this.recent.filter((time) => time > since);
    }
}
