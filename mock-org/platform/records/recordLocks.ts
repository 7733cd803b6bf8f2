import { QueryException } from '../../../force-app/server/platform/exceptions';
import type { Transaction } from '../apex/transaction';

export const RECORD_UNAVAILABLE_MESSAGE =
    'Record Currently Unavailable: The record you are attempting to edit, or one of its related records, is currently being modified by another user. Please try again.';

interface Waiter {
    readonly owner: Transaction;
    readonly grant: () => void;
}

/**
 * Row locks (`FOR UPDATE`, DML): one transaction holds a record until it ends; another asking for it
 * waits in line, up to the wait time, then gets a QueryException.
 */
export class RecordLocks {
    private readonly holders = new Map<string, Transaction>();
    private readonly queues = new Map<string, Waiter[]>();
    private readonly tracked = new WeakSet<Transaction>();

    constructor(private readonly waitMs: number) {}

    /** Takes the lock if it is free or already this transaction's; never waits. */
    tryAcquire(recordId: string, owner: Transaction): boolean {
        const holder = this.holders.get(recordId);
        if (holder && holder !== owner) return false;
        this.hold(recordId, owner);
        return true;
    }

    acquire(recordId: string, owner: Transaction): Promise<void> {
        if (this.tryAcquire(recordId, owner)) return Promise.resolve();
        return new Promise((resolve, reject) => {
            const queue = this.queues.get(recordId) ?? [];
            this.queues.set(recordId, queue);
            const waiter: Waiter = {
                owner,
                grant: () => {
                    clearTimeout(timer);
                    resolve();
                }
            };
            const timer = setTimeout(() => {
                queue.splice(queue.indexOf(waiter), 1);
                reject(new QueryException(RECORD_UNAVAILABLE_MESSAGE));
            }, this.waitMs);
            queue.push(waiter);
        });
    }

    /** Hands each lock the transaction holds to the next transaction waiting for it. */
    releaseAll(owner: Transaction): void {
        for (const [recordId, holder] of [...this.holders]) {
            if (holder !== owner) continue;
            this.holders.delete(recordId);
            const next = this.queues.get(recordId)?.shift();
            if (next) {
                this.hold(recordId, next.owner);
                next.grant();
            }
        }
    }

    private hold(recordId: string, owner: Transaction): void {
        this.holders.set(recordId, owner);
        if (this.tracked.has(owner)) return;
        this.tracked.add(owner);
        owner.onEnd(() => this.releaseAll(owner));
    }
}
