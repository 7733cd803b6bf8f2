import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ApexContext } from '../platform/context';

/** Platform Cache keys are alphanumeric and at most 50 characters: a short prefix (at most 14) and a digest of the parts. */
function cacheKey(prefix: string, parts: readonly string[]): string {
    return `${prefix}${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 36)}`;
}

/** A cached value checked against its schema; anything else (absent, expired, old shape) is a miss. */
export function readCached<T>(
    context: ApexContext,
    prefix: string,
    parts: readonly string[],
    schema: z.ZodType<T>
): T | null {
    const parsed = schema.safeParse(context.cache.get(cacheKey(prefix, parts)));
    return parsed.success ? parsed.data : null;
}

export function writeCached(
    context: ApexContext,
    prefix: string,
    parts: readonly string[],
    value: unknown,
    ttlSeconds: number
): void {
    context.cache.put(cacheKey(prefix, parts), value, ttlSeconds);
}
