import type { ApexContext } from '../../platform/context';
import type { Membership } from '../../qwil/schemas';
import { clientReader } from '../../services/memberVisibility';
import { loadConnectorSettings, type ConnectorSettings } from '../../settings/connectorSettings';
import { SEED_USERS, createScriptedOrg } from '../../../../mock-org/testing/probeOrg';
import { DEMO } from '../../../../mock-org/qwil';
import { demoState } from '../../../../mock-org/qwil/seed/demo';

// Which Qwil clients the running user can read in Salesforce, found through the configured lookup
// (the record id in the Qwil identifier, or the email field), checked in user mode: sharing and
// permissions decide. A whole list costs one SOQL query per client object, never one per member.
const { clients: C } = DEMO;
const members = demoState().memberships.filter(
    (membership) => membership.entity_uuid === DEMO.organisations.harbourWealth
);
const name = (uuid: string) => Object.entries(C).find(([, clientUuid]) => clientUuid === uuid)?.[0] ?? uuid;

function readerOrg(lookup: ConnectorSettings['clientLookupType'], listed: readonly Membership[] = members) {
    return createScriptedOrg({
        readable: async (context: ApexContext) => {
            let queries = 0;
            const counted = (database: ApexContext['database']): ApexContext['database'] => ({
                ...database,
                queryWhereIn: (...args) => (queries++, database.queryWhereIn(...args)),
                withoutSharing: () => counted(database.withoutSharing())
            });
            const database = counted(context.database);
            const settings = { ...loadConnectorSettings(context), clientLookupType: lookup };
            const readable = clientReader({ ...context, database }, settings).readableUuids(listed);
            return { readable: [...readable].map(name).sort(), queries };
        }
    });
}

describe('clientReader', () => {
    // By record id: one user-mode query per object. By email: per object, the readable holders of the
    // emails (user mode) and all holders (system mode without sharing); then, per object, the records
    // named in the Qwil identifiers of the clients found by email (user mode). At most six, whatever
    // the list's length (James's clients found by email are Contacts only: five).
    it.each([
        ['Salesforce Record ID', 2, 2],
        ['Email', 5, 6]
    ] as const)(
        'by %s: only the clients whose records the user can read, in a fixed number of queries for the whole list',
        async (lookup, jamesQueries, oliviaQueries) => {
            const { run } = readerOrg(lookup);
            expect(await run(SEED_USERS.james, 'readable')).toEqual({
                ok: true,
                value: { readable: ['georgeAdeyemi', 'hannahLindqvist'], queries: jamesQueries }
            });
            expect(await run(SEED_USERS.olivia, 'readable')).toEqual({
                ok: true,
                value: {
                    readable: ['charlotteDubois', 'eleanorWhitfield', 'hannahLindqvist', 'marcusBennett', 'priyaRaman'],
                    queries: oliviaQueries
                }
            });
        }
    );

    // Apex's Id.valueOf refuses an 18-character id whose case-safe suffix does not match: such an
    // identifier names no record, and must not make the whole list's query fail.
    it('by record id: a Qwil identifier shaped like a Contact id but with a wrong suffix names no record and hides no one else', async () => {
        const george = members.find((member) => member.entity_user_xref_uuid === C.georgeAdeyemi);
        if (!george?.identifier) throw new Error('the demo links George to his Contact');
        const mistyped = {
            ...george,
            entity_user_xref_uuid: 'f0f0f0f0-0000-4000-8000-000000000001',
            identifier: `${george.identifier.slice(0, 15)}ZZZ`
        };
        const { run } = readerOrg('Salesforce Record ID', [...members, mistyped]);
        expect(await run(SEED_USERS.james, 'readable')).toEqual({
            ok: true,
            value: { readable: ['georgeAdeyemi', 'hannahLindqvist'], queries: 2 }
        });
    });
});
