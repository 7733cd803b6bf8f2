import type { ConnectorHarness } from './connectorHarness';

let current: ConnectorHarness | undefined;
const qwilRequests: string[] = [];

export function setIntegrationHarness(harness: ConnectorHarness): void {
    current = harness;
}

/** The mock org and mock Qwil behind the components of the running integration test file. */
export function integrationHarness(): ConnectorHarness {
    if (!current) throw new Error('No integration harness: integration tests run in the lwc-integration jest project');
    return current;
}

export function recordQwilRequest(request: Request): void {
    qwilRequests.push(`${request.method} ${request.url}`);
}

/** The requests that reached the mock Qwil since the last call, oldest first. */
export function takeQwilRequests(): string[] {
    return qwilRequests.splice(0, qwilRequests.length);
}
