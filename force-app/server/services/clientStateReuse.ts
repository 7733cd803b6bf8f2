import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ApexContext } from '../platform/context';
import { Membership, type MembershipLookupQuery } from '../qwil/schemas';
import { clientLookupQuery, type ClientLookupSession } from './clientLookup';

/**
 * How long the tab may show a client's Qwil state that another tab open just read. Safe because every
 * write the connector makes to a client's membership (invite, resend, phone change) forgets it, and a
 * change made in Qwil itself (the client accepting) shows at most this late: as if the tab had been
 * opened that many seconds earlier. It lets a busy office share one lookup per client per few seconds.
 */
export const CLIENT_STATE_REUSE_SECONDS = 10;

/**
 * Platform Cache keeps a value at least 300 s, so freshness is decided from the time stored with the
 * answer, not by the cache's expiry.
 */
const CACHE_TTL_SECONDS = 300;

const StoredClientState = z.object({ storedAtMs: z.number(), membership: Membership.nullable() });

function cacheKey(session: Pick<ClientLookupSession, 'qwil'>, query: MembershipLookupQuery): string {
    const [[type, value] = ['', '']] = Object.entries(query);
    const digest = createHash('sha256').update(`${session.qwil.organisationScope}|${type}|${value}`).digest('hex');
    return `qwilclient${digest.slice(0, 40)}`;
}

/**
 * Finds the client's membership for the tab's first view: Qwil's answer to the same lookup in the same
 * organisation from the last few seconds, or a new lookup whose answer is kept for the next tab open.
 * Every user-specific check still runs on the reused answer (findClientMembership).
 */
export function reusingClientState(
    context: ApexContext,
    session: Pick<ClientLookupSession, 'qwil'>
): (query: MembershipLookupQuery) => Promise<Membership | null> {
    return async (query) => {
        const key = cacheKey(session, query);
        const stored = StoredClientState.safeParse(context.cache.get(key));
        const ageMs = stored.success ? Date.now() - stored.data.storedAtMs : -1;
        if (stored.success && ageMs >= 0 && ageMs < CLIENT_STATE_REUSE_SECONDS * 1000) return stored.data.membership;
        // The time the question was asked, so a write answered meanwhile is never hidden for longer.
        const askedAtMs = Date.now();
        const membership = await session.qwil.memberships.findMembership(query);
        context.cache.put(key, { storedAtMs: askedAtMs, membership }, CACHE_TTL_SECONDS);
        return membership;
    };
}

/** After a write to the client's membership: the next tab open asks Qwil again. */
export function forgetClientState(
    context: ApexContext,
    session: Pick<ClientLookupSession, 'qwil' | 'settings' | 'client'>
): void {
    context.cache.remove(cacheKey(session, clientLookupQuery(session.settings, session.client)));
}
