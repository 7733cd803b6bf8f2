import { performance } from 'node:perf_hooks';
import { setupServer } from 'msw/node';
import { createConnectorHarness } from '../../mock-org/testing/connectorHarness';

// Counts the Qwil callouts of loadTab, the one server method the tab calls for its first view,
// cold (nothing cached) and warm (the staff mapping cached), with an ordinary and a Super API key.
// Run: npm run bench

interface Row {
    readonly scenario: string;
    readonly callouts: number;
    readonly milliseconds: number;
}

async function measure(superApiKey: boolean): Promise<Row[]> {
    const harness = createConnectorHarness({ settings: { Using_Super_API_Key__c: superApiKey }, superApiKey });
    const server = setupServer(...harness.qwil.handlers);
    let callouts = 0;
    server.events.on('request:start', () => void (callouts += 1));
    server.listen({ onUnhandledRequest: 'error' });
    const recordIdOf = (name: string) => harness.org.records.all('Contact').find((contact) => contact['Name'] === name)?.Id ?? '';
    const key = superApiKey ? 'Super API key' : 'System API key';
    try {
        if (superApiKey) {
            const organisations = harness.qwil.control.snapshot().organisations;
            await harness.callApex('QwilConnectorController', 'chooseOrganisation', { entityUuid: organisations[0]?.entity_uuid });
        }
        const rows: Row[] = [];
        for (const [label, name] of [['cold', 'Eleanor Whitfield'], ['warm', 'Marcus Bennett']] as const) {
            callouts = 0;
            const started = performance.now();
            await harness.callApex('QwilConnectorController', 'loadTab', { recordId: recordIdOf(name) });
            rows.push({ scenario: `${key}, ${label}`, callouts, milliseconds: Math.round(performance.now() - started) });
        }
        return rows;
    } finally {
        server.close();
    }
}

async function main(): Promise<void> {
    const rows = [...(await measure(false)), ...(await measure(true))];
    console.log('Opening the Qwil Messenger tab (loadTab):');
    console.table(rows);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
