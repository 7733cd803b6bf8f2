/** Governor limits and platform constants the mock org enforces (synchronous Apex). */
export const LIMITS = {
    calloutsPerTransaction: 100,
    defaultCalloutTimeoutMs: 10_000,
    minCalloutTimeoutMs: 1,
    maxCalloutTimeoutMs: 120_000,
    cumulativeCalloutTimeMs: 120_000,
    calloutBodyBytes: 6_000_000,
    soqlQueriesPerTransaction: 100,
    dmlStatementsPerTransaction: 150,
    /** How long a transaction waits for a record another transaction has locked. */
    recordLockWaitMs: 10_000
} as const;

/** `System.LimitException`: uncatchable in Apex; ends the transaction. */
export class LimitException extends Error {
    override readonly name = 'System.LimitException';
}
