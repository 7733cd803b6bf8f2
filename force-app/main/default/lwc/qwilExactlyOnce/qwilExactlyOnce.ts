import beginWrite from '@salesforce/apex/QwilConnectorController.beginWrite';
import { newIdempotencyKey } from './idempotencyKey';

/**
 * One user action that writes to Qwil (a draft, a new chat, a new group), made at most once however
 * often it is attempted. Every attempt carries the action's idempotency key; the server hands out
 * one claim at a time, and while an earlier attempt's outcome is unknown it answers "check again"
 * instead of letting the write run again.
 */

/** What the write method receives beside its own fields. */
export interface OnceFields {
    readonly idempotencyKey: string;
    readonly claim: string;
}

export type OnceOutcome<R> =
    { readonly done: true; readonly result: R } | { readonly done: false; readonly checkAgainInSeconds: number };

/** Shown while an earlier attempt's outcome is being checked; `what` is e.g. "your message was sent". */
export function checkingNotice(what: string, seconds: number): string {
    return `Qwil has not confirmed yet whether ${what}. Checking again in ${seconds} seconds; it will not be done twice.`;
}

export class OnceAction {
    readonly idempotencyKey = newIdempotencyKey();
    private attempted = false;
    private recheckTimer?: ReturnType<typeof setTimeout>;

    /** Claims an attempt and runs `write` with the claim; rejects with the write's error. */
    async attempt<R>(write: (fields: OnceFields) => Promise<R>): Promise<OnceOutcome<R>> {
        const retry = this.attempted;
        this.attempted = true;
        const { claim, checkAgainInSeconds } = await beginWrite({ idempotencyKey: this.idempotencyKey, retry });
        if (!claim) return { done: false, checkAgainInSeconds: checkAgainInSeconds ?? 1 };
        return { done: true, result: await write({ idempotencyKey: this.idempotencyKey, claim }) };
    }

    /** Runs `recheck` once, after `seconds`; for a component to try again when the server said so. */
    recheckAfter(seconds: number, recheck: () => unknown): void {
        clearTimeout(this.recheckTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.recheckTimer = setTimeout(recheck, seconds * 1000);
    }

    /** Cancels a pending recheck (the component left the page). */
    stop(): void {
        clearTimeout(this.recheckTimer);
    }
}
