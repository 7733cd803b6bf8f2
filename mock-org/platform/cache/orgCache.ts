import type { OrgCache } from '../../../force-app/server/platform/context';
import type { Transaction } from '../apex/transaction';

export const ORG_CACHE_LIMITS = {
    maxKeyLength: 50,
    minTtlSeconds: 300,
    maxTtlSeconds: 172_800,
    /** Maximum size of one cached item, measured here as its JSON serialisation. */
    maxItemBytes: 102_400
} as const;

/** `Cache.InvalidParamException`: a key that is not alphanumeric or too long, a time to live out of range. */
export class CacheInvalidParamException extends Error {
    override readonly name = 'Cache.InvalidParamException';
}

/** `Cache.ItemSizeLimitExceededException`: one item larger than 100 KB. */
export class CacheItemSizeLimitExceededException extends Error {
    override readonly name = 'Cache.ItemSizeLimitExceededException';
}

/** Milliseconds since the epoch; tests pass a clock they move forward to expire entries. */
export type Clock = () => number;

interface Entry {
    readonly value: unknown;
    readonly expiresAtMs: number;
}

/** The org partition's committed entries, shared by every user and transaction. */
export class OrgCacheStore {
    private readonly entries = new Map<string, Entry>();

    constructor(private readonly clock: Clock) {}

    read(key: string): unknown {
        const entry = this.entries.get(key);
        if (!entry) return null;
        if (this.clock() >= entry.expiresAtMs) {
            this.entries.delete(key);
            return null;
        }
        return structuredClone(entry.value);
    }

    write(key: string, value: unknown, ttlSeconds: number): void {
        this.entries.set(key, { value, expiresAtMs: this.clock() + ttlSeconds * 1000 });
    }

    delete(key: string): void {
        this.entries.delete(key);
    }
}

function checkKey(key: string): void {
    if (!/^[a-zA-Z0-9]+$/.test(key) || key.length > ORG_CACHE_LIMITS.maxKeyLength) {
        throw new CacheInvalidParamException(
            `Invalid key: "${key}". A cache key must be alphanumeric and at most ${ORG_CACHE_LIMITS.maxKeyLength} characters.`
        );
    }
}

function checkTtl(ttlSeconds: number): void {
    const { minTtlSeconds, maxTtlSeconds } = ORG_CACHE_LIMITS;
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < minTtlSeconds || ttlSeconds > maxTtlSeconds) {
        throw new CacheInvalidParamException(
            `Invalid ttlSecs: ${ttlSeconds}. It must be between ${minTtlSeconds} and ${maxTtlSeconds} seconds.`
        );
    }
}

function checkSize(key: string, value: unknown): void {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
    if (bytes > ORG_CACHE_LIMITS.maxItemBytes) {
        throw new CacheItemSizeLimitExceededException(
            `The value for key "${key}" is ${bytes} bytes; a cached item may not exceed ${ORG_CACHE_LIMITS.maxItemBytes} bytes.`
        );
    }
}

type Staged = { readonly value: unknown; readonly ttlSeconds: number } | 'removed';

/**
 * `Cache.Org` as one transaction sees it: its own puts and removes first, then the committed store.
 * Values are copied in and out, as the platform serialises them; the staged operations reach the
 * store only if the transaction commits.
 */
export function createOrgCache(store: OrgCacheStore, transaction: Transaction): OrgCache {
    const staged = new Map<string, Staged>();
    transaction.onCommit(() => {
        for (const [key, operation] of staged) {
            if (operation === 'removed') store.delete(key);
            else store.write(key, operation.value, operation.ttlSeconds);
        }
    });
    return {
        get: (key) => {
            checkKey(key);
            const operation = staged.get(key);
            if (operation === undefined) return store.read(key);
            return operation === 'removed' ? null : structuredClone(operation.value);
        },
        put: (key, value, ttlSeconds) => {
            checkKey(key);
            checkTtl(ttlSeconds);
            checkSize(key, value);
            staged.set(key, { value: structuredClone(value), ttlSeconds });
        },
        remove: (key) => {
            checkKey(key);
            staged.set(key, 'removed');
        }
    };
}
