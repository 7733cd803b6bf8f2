import type { AccessLevel } from '../../../force-app/server/platform/context';
import { LIMITS, LimitException } from './limits';

/**
 * One Apex transaction: its usage counters, and what happens when it ends. Work staged by DML and
 * cache puts is applied only when the transaction commits; an unhandled exception rolls it all back.
 */
export class Transaction {
    callouts = 0;
    calloutTimeMs = 0;
    soqlQueries = 0;
    dmlStatements = 0;
    /** DML, enqueued jobs or sent email not yet committed: no callout may follow. */
    pendingWork = false;
    /** Jobs this transaction queued (`System.enqueueJob`). */
    enqueuedJobs = 0;
    /** The Queueable this transaction runs, or null for a synchronous one. */
    asyncJobId: string | null = null;
    private readonly commitActions: (() => void)[] = [];
    private readonly endActions: (() => void)[] = [];

    constructor(
        readonly userId: string,
        readonly cacheable: boolean,
        /** SOQL and DML without an explicit access mode run in this one (decided by the class's API version). */
        readonly defaultAccessLevel: AccessLevel = 'USER_MODE'
    ) {}

    countSoql(): void {
        if (this.soqlQueries >= LIMITS.soqlQueriesPerTransaction)
            throw new LimitException(`Too many SOQL queries: ${this.soqlQueries + 1}`);
        this.soqlQueries += 1;
    }

    /** Counts a DML statement; a cacheable method runs read-only, where the limit is 0. */
    countDml(): void {
        const limit = this.cacheable ? 0 : LIMITS.dmlStatementsPerTransaction;
        if (this.dmlStatements >= limit) throw new LimitException(`Too many DML statements: ${this.dmlStatements + 1}`);
        this.dmlStatements += 1;
    }

    onCommit(action: () => void): void {
        this.commitActions.push(action);
    }

    /** Runs whether the transaction commits or rolls back (e.g. releasing record locks). */
    onEnd(action: () => void): void {
        this.endActions.push(action);
    }

    end(outcome: 'commit' | 'rollback'): void {
        if (outcome === 'commit') for (const action of this.commitActions) action();
        for (const action of this.endActions) action();
    }
}
