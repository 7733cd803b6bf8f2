import type { Http } from '../platform/context';
import type { HttpRequest, HttpResponse } from '../platform/http';

/** Apex's limits per transaction (synchronous and asynchronous alike): 100 callouts, 120 s of callout time. */
export const CALLOUTS_PER_TRANSACTION = 100;
export const CALLOUT_TIME_PER_TRANSACTION_MS = 120_000;
/** A callout's default timeout (the connector sets none): the longest one can take. */
const CALLOUT_TIMEOUT_MS = 10_000;
/** A read may be sent twice (the transport retries once after a short Retry-After); a write once. */
export const READ_COST = 2;
export const WRITE_COST = 1;
const MINUTE_MS = 60_000;

/** The job's minute of Qwil calls, carried from one transaction to the next. */
export interface RateWindow {
    readonly startedAtMs: number;
    readonly calls: number;
}

/**
 * The Http one transaction of the job uses: counts every callout (retries included), and says before
 * each step whether its worst case still fits the transaction's limits and the job's calls per minute.
 */
export class CalloutBudget implements Http {
    callouts = 0;
    private calloutMs = 0;
    private window: RateWindow | null;

    constructor(
        private readonly http: Http,
        private readonly now: () => number,
        private readonly callsPerMinute: number,
        window: RateWindow | null
    ) {
        this.window = window;
    }

    async send(request: HttpRequest): Promise<HttpResponse> {
        const started = this.now();
        this.callouts += 1;
        this.window = this.currentWindow();
        this.window = { ...this.window, calls: this.window.calls + 1 };
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

    /** Whether a step of this many callouts fits the job's share of the current minute. */
    fitsMinute(cost: number): boolean {
        return this.currentWindow().calls + cost <= this.callsPerMinute;
    }

    /** Whole minutes until the current minute of calls ends (Queueable delays are whole minutes): at least 1. */
    minutesUntilNextWindow(): number {
        const window = this.currentWindow();
        return Math.max(1, Math.ceil((window.startedAtMs + MINUTE_MS - this.now()) / MINUTE_MS));
    }

    /** The window to carry into the next transaction. */
    rateWindow(): RateWindow | null {
        return this.window;
    }

    private currentWindow(): RateWindow {
        const now = this.now();
        return this.window && now - this.window.startedAtMs < MINUTE_MS ? this.window : { startedAtMs: now, calls: 0 };
    }
}
