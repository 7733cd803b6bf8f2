import { z } from 'zod';
import type { ApexContext } from '../platform/context';
import type { Membership } from '../qwil/schemas';
import { readCached, writeCached } from './chatsCache';
import type { ConnectorSession } from './connectorSession';
import { isStaff } from './contactGroupRules';

/** Names change rarely; an hour keeps a busy chat list from looking every participant up again. */
const PERSON_TTL_SECONDS = 3600;
/** Keeps one server call well inside Apex's 100 callouts, whatever the size of the chats on a page. */
const MAX_LOOKUPS_PER_CALL = 40;
/** Someone not looked up (beyond the cap, or gone from Qwil) may be a client the user cannot read, so is never named. */
const UNKNOWN_PERSON = { name: '', isClient: true, identifier: null, email: '' };

/** What is remembered of a member for every user: the name, and how their Salesforce record is found. */
const Person = z.object({
    name: z.string(),
    isClient: z.boolean(),
    identifier: z.string().nullable(),
    email: z.string()
});
type Person = z.infer<typeof Person>;

/** A member as this user may see them: a client whose record they cannot read is hidden (the boundary rule). */
export interface ShownPerson {
    readonly name: string;
    readonly isClient: boolean;
    readonly hidden: boolean;
}
export type People = ReadonlyMap<string, ShownPerson>;

function personOf(membership: Membership): Person {
    return {
        name: `${membership.first_name} ${membership.last_name}`.trim(),
        isClient: !isStaff(membership),
        identifier: membership.identifier,
        email: membership.primary_email
    };
}

/** Hides the clients the running user cannot read in Salesforce; one readability check for all of them. */
function shownTo(session: ConnectorSession, people: ReadonlyMap<string, Person>): People {
    const clients = [...people]
        .filter(([, person]) => person.isClient)
        .map(([uuid, person]) => ({
            entity_user_xref_uuid: uuid,
            role: 'client' as const,
            identifier: person.identifier,
            primary_email: person.email
        }));
    const readable = clients.length > 0 ? session.clientReader.readableUuids(clients) : new Set<string>();
    return new Map(
        [...people].map(([uuid, { name, isClient }]) => [
            uuid,
            { name, isClient, hidden: isClient && !readable.has(uuid) }
        ])
    );
}

/** Names of Qwil memberships (the ones already known, then the cache, then one lookup each), unreadable clients hidden. */
export async function lookUpPeople(
    context: ApexContext,
    session: ConnectorSession,
    known: readonly Membership[],
    uuids: Iterable<string>
): Promise<People> {
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
        const membership = await session.qwil.memberships.findMembership({ entity_user_xref_uuid: uuid });
        const person = membership ? personOf(membership) : UNKNOWN_PERSON;
        people.set(uuid, person);
        if (membership) writeCached(context, 'qwilperson', [uuid], person, PERSON_TTL_SECONDS);
    }
    return shownTo(session, people);
}
