import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { BeginWriteParams, OnceParams, WriteClaim } from '../contracts/exactlyOnce';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { CalloutException } from '../platform/http';
import { QwilApiError } from '../qwil/qwilTransport';
import { readCached, writeCached } from './chatsCache';

/**
 * Exactly-once writes to Qwil, which offers no idempotency key. Each user action has a key; its
 * ledger entry in the org cache says whether an attempt is claimed (since when) or done (with the
 * answer). A claim is committed in its own transaction (`beginWrite`) before the write method runs,
 * because cache puts reach other transactions only at commit and a callout releases record locks.
 *
 * - One claim at a time: claims for one user are taken under a lock on their User record, so of
 *   concurrent identical requests exactly one gets it; the others are told to check again.
 * - An attempt whose outcome is unknown (no answer, an error, a server restart) blocks the key for
 *   the settle window. After it, the next attempt first looks in Qwil for what the earlier one did
 *   and answers that; only if nothing is found does it write again.
 */

/** How long after an attempt starts Qwil may still apply it (our assumption: Qwil ends a request within a minute). */
export const SETTLE_WINDOW_SECONDS = 60;
const LEDGER_PREFIX = 'qwilonce';
/** A done action is remembered for a day: far longer than anyone keeps a page open before Retry. */
const LEDGER_TTL_SECONDS = 86_400;
/** A stored answer must leave room in Platform Cache's 100 KB per item; a larger one is found again in Qwil instead. */
const STORED_RESULT_MAX_BYTES = 90_000;

const Claimed = z.object({
    state: z.literal('claimed'),
    claim: z.string(),
    startedAtMs: z.number(),
    /** An earlier attempt may have reached Qwil: look for its outcome before writing. */
    earlierAttempt: z.boolean()
});
const Done = z.object({ state: z.literal('done'), claim: z.string(), result: z.unknown() });
const LedgerEntry = z.discriminatedUnion('state', [Claimed, Done]);
type LedgerEntry = z.infer<typeof LedgerEntry>;

const UNCONFIRMED =
    'Qwil did not confirm the change, so it may still be made. Retry first checks whether it was (this can take a minute) and never makes it twice.';
const ALREADY_DONE = 'This change was already made. Reopen the page to see it as it is now.';
const ALREADY_CLAIMED =
    'This change is already being made from another click or window, or Qwil has not confirmed an earlier try yet. Wait a moment: the page shows the outcome once it is known.';
const NO_CACHE =
    'Qwil Messenger cannot make sure this change is made only once, because Platform Cache is not available to it, so it was not made. Ask your Salesforce administrator to give the QwilConnector cache partition capacity (Setup, Platform Cache).';

const keyParts = (context: ApexContext, idempotencyKey: string): string[] => [
    context.userInfo.getUserId(),
    idempotencyKey
];

function readLedger(context: ApexContext, idempotencyKey: string): LedgerEntry | null {
    return readCached(context, LEDGER_PREFIX, keyParts(context, idempotencyKey), LedgerEntry);
}

function writeLedger(context: ApexContext, idempotencyKey: string, entry: LedgerEntry): void {
    writeCached(context, LEDGER_PREFIX, keyParts(context, idempotencyKey), entry, LEDGER_TTL_SECONDS);
}

/** A claim the cache does not keep (no partition capacity in the org) would refuse every attempt as already claimed: say why instead. */
function recordClaim(context: ApexContext, idempotencyKey: string, entry: LedgerEntry): void {
    writeLedger(context, idempotencyKey, entry);
    if (readLedger(context, idempotencyKey)?.claim !== entry.claim) throw new AuraHandledException(NO_CACHE);
}

/**
 * Claims the next attempt of an action, or says when to check again. Runs in a transaction without
 * callouts, so the claim is committed (and seen by every later transaction) when it returns.
 */
export async function beginWrite(
    context: ApexContext,
    { idempotencyKey, retry }: BeginWriteParams
): Promise<WriteClaim> {
    const userId = context.userInfo.getUserId();
    // Serialises one user's claims; held until this transaction commits its ledger entry. User mode:
    // everyone can read their own User record, and a lock needs no edit access.
    await context.database.lockById('User', userId, 'USER_MODE');
    const entry = readLedger(context, idempotencyKey);
    if (entry?.state === 'done') return { claim: entry.claim, checkAgainInSeconds: null };
    const now = Date.now();
    if (entry) {
        const leftMs = entry.startedAtMs + SETTLE_WINDOW_SECONDS * 1000 - now;
        if (leftMs > 0) return { claim: null, checkAgainInSeconds: Math.ceil(leftMs / 1000) };
    } else if (retry) {
        // The page tried before, but this org has no trace of it (a restart, or the cache dropped it):
        // that attempt may still land, so its window starts now.
        recordClaim(context, idempotencyKey, {
            state: 'claimed',
            claim: randomUUID(),
            startedAtMs: now,
            earlierAttempt: true
        });
        return { claim: null, checkAgainInSeconds: SETTLE_WINDOW_SECONDS };
    }
    const claim = randomUUID();
    recordClaim(context, idempotencyKey, {
        state: 'claimed',
        claim,
        startedAtMs: now,
        earlierAttempt: entry !== null || retry
    });
    return { claim, checkAgainInSeconds: null };
}

export interface OnceSteps<R> {
    /** What an earlier attempt of this action did in Qwil, found by its effect; null when it left none. */
    readonly findEarlier: () => Promise<R | null>;
    /** The write itself, answering what the page shows. */
    readonly write: () => Promise<R>;
}

/**
 * Runs a write under its claim: answers the stored result of a done action, finds an earlier
 * attempt's effect before writing again, and records the result. A failed write leaves the claim
 * in place (the transaction rolls back), so the key waits out the settle window.
 */
export async function performOnce<R>(
    context: ApexContext,
    { idempotencyKey, claim }: OnceParams,
    result: z.ZodType<R>,
    steps: OnceSteps<R>
): Promise<R> {
    const entry = readLedger(context, idempotencyKey);
    if (entry?.state === 'done') {
        const stored = result.safeParse(entry.result);
        if (stored.success) return stored.data;
        const found = await steps.findEarlier();
        if (found) return found;
        throw new AuraHandledException(ALREADY_DONE);
    }
    if (entry?.state !== 'claimed' || entry.claim !== claim) throw new AuraHandledException(ALREADY_CLAIMED);
    const outcome =
        (entry.earlierAttempt ? await steps.findEarlier() : null) ?? (await writeOrSayUnconfirmed(steps.write));
    const storable = Buffer.byteLength(JSON.stringify(outcome), 'utf8') <= STORED_RESULT_MAX_BYTES;
    writeLedger(context, idempotencyKey, { state: 'done', claim, result: storable ? outcome : null });
    return outcome;
}

/** A timeout, a server error or an unreadable success may hide a write Qwil made: staff are told so, not that it failed. */
function outcomeUnknown(error: unknown): boolean {
    return (
        error instanceof CalloutException ||
        (error instanceof QwilApiError && (error.status >= 500 || error.status < 300))
    );
}

async function writeOrSayUnconfirmed<R>(write: () => Promise<R>): Promise<R> {
    try {
        return await write();
    } catch (error) {
        if (outcomeUnknown(error)) throw new AuraHandledException(UNCONFIRMED);
        throw error;
    }
}
