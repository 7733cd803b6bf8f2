import { z } from 'zod';
import type { ApexContext } from '../platform/context';
import type { Membership } from '../qwil/schemas';
import { readCached, writeCached } from './chatsCache';
import type { ConnectorSession } from './connectorSession';

/** Names change rarely; an hour keeps a busy chat list from looking every participant up again. */
const PERSON_TTL_SECONDS = 3600;
/** Keeps one server call well inside Apex's 100 callouts, whatever the size of the chats on a page. */
const MAX_LOOKUPS_PER_CALL = 40;
const UNKNOWN_PERSON = { name: 'Qwil user', isClient: false };

const Person = z.object({ name: z.string(), isClient: z.boolean() });
export type Person = z.infer<typeof Person>;
export type People = ReadonlyMap<string, Person>;

function personOf(membership: Membership): Person {
    return { name: `${membership.first_name} ${membership.last_name}`.trim(), isClient: membership.role === 'client' };
}

/** Names of Qwil memberships: the ones already known, then the cache, then one lookup each. */
export async function lookUpPeople(context: ApexContext, session: ConnectorSession, known: readonly Membership[], uuids: Iterable<string>): Promise<People> {
    const people = new Map<string, Person>();
    for (const membership of [session.staff, ...known]) {
        const person = personOf(membership);
        people.set(membership.entity_user_xref_uuid, person);
        // Remembered for the calls that follow (paging, polling), which do not look the client up.
        writeCached(context, 'qwilperson', [membership.entity_user_xref_uuid], person, PERSON_TTL_SECONDS);
    }
    let lookups = 0;
    for (const uuid of new Set(uuids)) {
        if (people.has(uuid)) continue;
        const cached = readCached(context, 'qwilperson', [uuid], Person);
        if (cached) {
            people.set(uuid, cached);
            continue;
        }
        if (lookups >= MAX_LOOKUPS_PER_CALL) {
            people.set(uuid, UNKNOWN_PERSON);
            continue;
        }
        lookups += 1;
        const membership = await session.qwil.findMembership({ entity_user_xref_uuid: uuid });
        const person = membership ? personOf(membership) : UNKNOWN_PERSON;
        people.set(uuid, person);
        if (membership) writeCached(context, 'qwilperson', [uuid], person, PERSON_TTL_SECONDS);
    }
    return people;
}
