import { z } from 'zod';

/**
 * Contracts of exactly-once writes. The browser makes one idempotency key per user action (a draft,
 * a form) and keeps it for every Retry. Before each attempt it asks `beginWrite` for a claim; a write
 * method runs only with the claim it was given.
 */

export const BeginWriteParams = z.strictObject({
    idempotencyKey: z.uuid(),
    /** The page already tried this action (its earlier answer never came back or was an error). */
    retry: z.boolean()
});
export type BeginWriteParams = z.infer<typeof BeginWriteParams>;

/** Either a claim to make the attempt, or how long until the earlier attempt's outcome can be known. */
export const WriteClaim = z.object({
    claim: z.uuid().nullable(),
    /** Set when `claim` is null: ask again after this many seconds. */
    checkAgainInSeconds: z.number().int().positive().nullable()
});
export type WriteClaim = z.infer<typeof WriteClaim>;

/** The fields every exactly-once write method takes, beside its own. */
export const OnceFields = { idempotencyKey: z.uuid(), claim: z.uuid() } as const;
export interface OnceParams {
    readonly idempotencyKey: string;
    readonly claim: string;
}
