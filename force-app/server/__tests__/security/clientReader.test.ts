import type { ApexContext } from '../../platform/context';
import { clientReader } from '../../services/memberVisibility';
import { loadConnectorSettings, type ConnectorSettings } from '../../settings/connectorSettings';
import { SEED_USERS, createScriptedOrg } from '../../../../mock-org/platform/__tests__/probeOrg';
import { DEMO } from '../../../../mock-org/qwil';
import { demoState } from '../../../../mock-org/qwil/seed/demo';

// Which Qwil clients the running user can read in Salesforce, found through the configured lookup
// (the record id in the Qwil identifier, or the email field), checked in user mode: sharing and
// permissions decide. A whole list costs one SOQL query per client object, never one per member.
const { clients: C } = DEMO;
const members = demoState().memberships.filter((membership) => membership.entity_uuid === DEMO.organisations.harbourWealth);
const name = (uuid: string) => Object.entries(C).find(([, clientUuid]) => clientUuid === uuid)?.[0] ?? uuid;

function readerOrg(lookup: ConnectorSettings['clientLookupType']) {
    return createScriptedOrg({
        readable: async (context: ApexContext) => {
            let queries = 0;
            const database = { ...context.database, queryWhereIn: (...args: Parameters<ApexContext['database']['queryWhereIn']>) => (queries++, context.database.queryWhereIn(...args)) };
            const settings = { ...loadConnectorSettings(context), clientLookupType: lookup };
            const readable = clientReader({ ...context, database }, settings).readableUuids(members);
            return { readable: [...readable].map(name).sort(), queries };
        }
    });
}

describe('clientReader', () => {
    it.each(['Salesforce Record ID', 'Email'] as const)('by %s: only the clients whose records the user can read, in at most one query per object', async (lookup) => {
        const { run } = readerOrg(lookup);
        expect(await run(SEED_USERS.james, 'readable')).toEqual({ ok: true, value: { readable: ['georgeAdeyemi', 'hannahLindqvist'], queries: 2 } });
        expect(await run(SEED_USERS.olivia, 'readable')).toEqual({
            ok: true,
            value: { readable: ['charlotteDubois', 'eleanorWhitfield', 'hannahLindqvist', 'marcusBennett', 'priyaRaman'], queries: 2 }
        });
    });
});
