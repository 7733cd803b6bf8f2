import type { ConnectorHarness } from './connectorHarness';

let current: ConnectorHarness | undefined;

export function setIntegrationHarness(harness: ConnectorHarness): void {
    current = harness;
}

/** The mock org and mock Qwil behind the components of the running integration test file. */
export function integrationHarness(): ConnectorHarness {
    if (!current) throw new Error('No integration harness: integration tests run in the lwc-integration jest project');
    return current;
}
