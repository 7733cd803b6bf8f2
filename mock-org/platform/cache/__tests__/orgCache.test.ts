import { Transaction } from '../../apex/transaction';
import { SEED_USERS, createScriptedOrg, type Step } from '../../../testing/probeOrg';
import { ORG_CACHE_LIMITS, OrgCacheStore, createOrgCache } from '../orgCache';

// Apex Reference, Cache.Org and "Platform Cache Limits": keys are alphanumeric (at most 50 characters [K]), the time to live is
// 300 to 172,800 seconds, one item is at most 100 KB; cache operations roll back with a failed transaction.
const HOUR = 3_600;

function cacheWithClock() {
    let now = Date.UTC(2026, 0, 1);
    const store = new OrgCacheStore(() => now);
    const transaction = () => new Transaction('005Qw0000000002IAA', false);
    return {
        store,
        advanceSeconds: (seconds: number) => {
            now += seconds * 1000;
        },
        /** Runs the body in a transaction that commits. */
        committed: <T>(body: (cache: ReturnType<typeof createOrgCache>) => T): T => {
            const tx = transaction();
            const result = body(createOrgCache(store, tx));
            tx.end('commit');
            return result;
        },
        open: () => {
            const tx = transaction();
            return { cache: createOrgCache(store, tx), end: (outcome: 'commit' | 'rollback') => tx.end(outcome) };
        }
    };
}

describe('Cache.Org values and expiry', () => {
    it('keeps a value for its time to live and drops it afterwards, on the clock the test controls', () => {
        const { committed, advanceSeconds } = cacheWithClock();
        committed((cache) => cache.put('staffMap', { olivia: 'uuid-1' }, HOUR));
        advanceSeconds(HOUR - 1);
        expect(committed((cache) => cache.get('staffMap'))).toEqual({ olivia: 'uuid-1' });
        advanceSeconds(1);
        expect(committed((cache) => cache.get('staffMap'))).toBeNull();
    });

    it('returns null for a key never put, and after remove', () => {
        const { committed } = cacheWithClock();
        expect(committed((cache) => cache.get('absent'))).toBeNull();
        committed((cache) => cache.put('gone', 1, HOUR));
        committed((cache) => cache.remove('gone'));
        expect(committed((cache) => cache.get('gone'))).toBeNull();
    });

    it('stores copies: changing an object after put or after get does not change the cached value', () => {
        const { committed } = cacheWithClock();
        const value = { ids: ['a'] };
        committed((cache) => cache.put('copied', value, HOUR));
        value.ids.push('b');
        (committed((cache) => cache.get('copied')) as { ids: string[] }).ids.push('c');
        expect(committed((cache) => cache.get('copied'))).toEqual({ ids: ['a'] });
    });
});

describe('Cache.Org parameters', () => {
    it('accepts an alphanumeric key of up to 50 characters and refuses a longer one', () => {
        const { committed } = cacheWithClock();
        expect(() => committed((cache) => cache.put('k'.repeat(ORG_CACHE_LIMITS.maxKeyLength), 1, HOUR))).not.toThrow();
        expect(() => committed((cache) => cache.put('k'.repeat(51), 1, HOUR))).toThrow(
            expect.objectContaining({ name: 'Cache.InvalidParamException' })
        );
        expect(ORG_CACHE_LIMITS.maxKeyLength).toBe(50);
    });

    it.each(['staff.map', 'staff_map', 'staff map', '', 'clé'])('refuses the non-alphanumeric key %j', (key) => {
        const { committed } = cacheWithClock();
        expect(() => committed((cache) => cache.put(key, 1, HOUR))).toThrow(
            expect.objectContaining({ name: 'Cache.InvalidParamException' })
        );
        expect(() => committed((cache) => cache.get(key))).toThrow(
            expect.objectContaining({ name: 'Cache.InvalidParamException' })
        );
    });

    it('accepts a time to live from 300 to 172,800 seconds and refuses anything else', () => {
        const { committed } = cacheWithClock();
        expect(() => committed((cache) => cache.put('low', 1, ORG_CACHE_LIMITS.minTtlSeconds))).not.toThrow();
        expect(() => committed((cache) => cache.put('high', 1, ORG_CACHE_LIMITS.maxTtlSeconds))).not.toThrow();
        for (const ttl of [299, 172_801, 300.5]) {
            expect(() => committed((cache) => cache.put('bad', 1, ttl))).toThrow(
                expect.objectContaining({ name: 'Cache.InvalidParamException' })
            );
        }
        expect([ORG_CACHE_LIMITS.minTtlSeconds, ORG_CACHE_LIMITS.maxTtlSeconds]).toEqual([300, 172_800]);
    });

    it('refuses an item over 100 KB', () => {
        const { committed } = cacheWithClock();
        expect(() => committed((cache) => cache.put('big', 'x'.repeat(ORG_CACHE_LIMITS.maxItemBytes), HOUR))).toThrow(
            expect.objectContaining({ name: 'Cache.ItemSizeLimitExceededException' })
        );
    });
});

describe('Cache.Org and the transaction (Platform Cache: "If the entire transaction fails, all cache operations in that transaction are rolled back")', () => {
    it('shows a put to its own transaction at once and to others only after commit', () => {
        const { open, committed } = cacheWithClock();
        const writer = open();
        writer.cache.put('pending', 'v', HOUR);
        expect(writer.cache.get('pending')).toBe('v');
        expect(committed((cache) => cache.get('pending'))).toBeNull();
        writer.end('commit');
        expect(committed((cache) => cache.get('pending'))).toBe('v');
    });

    it('discards puts and removes of a transaction that rolls back', () => {
        const { open, committed } = cacheWithClock();
        committed((cache) => cache.put('kept', 'v', HOUR));
        const failing = open();
        failing.cache.put('discarded', 'v', HOUR);
        failing.cache.remove('kept');
        failing.end('rollback');
        expect(committed((cache) => [cache.get('discarded'), cache.get('kept')])).toEqual([null, 'v']);
    });
});

describe('Cache.Org in the mock org', () => {
    it('is shared by all users and expires on the clock given to the org', async () => {
        let now = 0;
        const steps: Record<string, Step> = {
            remember: async ({ cache, userInfo }) => {
                cache.put('lastUser', userInfo.getUserName(), 300);
                return null;
            },
            recall: async ({ cache }) => cache.get('lastUser')
        };
        const { run } = createScriptedOrg(steps, {}, { clock: () => now });
        await run(SEED_USERS.olivia, 'remember');
        expect(await run(SEED_USERS.james, 'recall')).toEqual({ ok: true, value: SEED_USERS.olivia });
        now += 300_000;
        expect(await run(SEED_USERS.james, 'recall')).toEqual({ ok: true, value: null });
    });
});
