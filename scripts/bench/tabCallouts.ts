import { performance } from 'node:perf_hooks';
import { setupServer } from 'msw/node';
import { createConnectorHarness } from '../../mock-org/testing/connectorHarness';
import { recordIdByName } from '../../mock-org/testing/finders';
import { recordCallouts } from './calloutTimeline';

// Counts the Qwil callouts of loadTab, the one server method the tab calls for its first view,
// cold (nothing cached) and warm (the staff mapping cached), with an ordinary and a Super API key,
// and the sequential Qwil waits among them (see calloutTimeline.ts). Every mock Qwil call is
// delayed by CALLOUT_LATENCY_MS so that callouts the connector runs at once really overlap.
// Run: npm run bench

const CALLOUT_LATENCY_MS = 20;

interface Row {
    readonly scenario: string;
    readonly callouts: number;
    readonly sequentialWaits: number;
    readonly milliseconds: number;
}

async function measure(superApiKey: boolean): Promise<Row[]> {
    const harness = createConnectorHarness({ settings: { Using_Super_API_Key__c: superApiKey }, superApiKey });
    const server = setupServer(...harness.qwil.handlers);
    const timeline = recordCallouts(server.events);
    server.listen({ onUnhandledRequest: 'error' });
    harness.qwil.control.injectFault({ latencyMs: CALLOUT_LATENCY_MS });
    const recordIdOf = (name: string) => recordIdByName(harness.org, 'Contact', name);
    const key = superApiKey ? 'Super API key' : 'System API key';
    try {
        if (superApiKey) {
            const organisations = harness.qwil.control.snapshot().organisations;
            await harness.callApex('QwilConnectorController', 'chooseOrganisation', {
                entityUuid: organisations[0]?.entity_uuid
            });
        }
        const rows: Row[] = [];
        for (const [label, name] of [
            ['cold', 'Eleanor Whitfield'],
            ['warm', 'Marcus Bennett']
        ] as const) {
            timeline.reset();
            const started = performance.now();
            await harness.callApex('QwilConnectorController', 'loadTab', { recordId: recordIdOf(name) });
            rows.push({
                scenario: `${key}, ${label}`,
                callouts: timeline.callouts,
                sequentialWaits: timeline.sequentialWaits,
                milliseconds: Math.round(performance.now() - started)
            });
        }
        return rows;
    } finally {
        server.close();
    }
}

async function main(): Promise<void> {
    const rows = [...(await measure(false)), ...(await measure(true))];
    console.log(
        `Opening the Qwil Messenger tab (loadTab), in process, every mock Qwil call delayed ${CALLOUT_LATENCY_MS} ms:`
    );
    console.table(rows);
    console.log(
        'sequentialWaits: the longest chain of Qwil callouts in which each began after the previous one had answered.'
    );
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
