/** Per-transaction governor limits the mock org enforces (synchronous Apex). */
export const LIMITS = {
    calloutsPerTransaction: 100,
    defaultCalloutTimeoutMs: 10_000,
    minCalloutTimeoutMs: 1,
    maxCalloutTimeoutMs: 120_000,
    cumulativeCalloutTimeMs: 120_000,
    calloutBodyBytes: 6_000_000
} as const;

/** `System.LimitException`: uncatchable in Apex; ends the transaction. */
export class LimitException extends Error {
    override readonly name = 'System.LimitException';
}

/** Usage counters of one transaction. */
export class Transaction {
    callouts = 0;
    calloutTimeMs = 0;
    /** DML, enqueued jobs or sent email not yet committed: no callout may follow. */
    pendingWork = false;

    constructor(
        readonly userId: string,
        readonly cacheable: boolean
    ) {}
}
