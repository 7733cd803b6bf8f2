import { setupServer } from 'msw/node';
import { apexClasses } from '../../force-app/server';
import { createConnectorHarness } from './connectorHarness';
import { recordQwilRequest, setIntegrationHarness } from './integrationHarness';

// Components under integration test call the real server methods: each
// `@salesforce/apex/<Class>.<method>` import goes to the in-process mock org, whose callouts
// reach the mock Qwil through msw.
const harness = createConnectorHarness();
setIntegrationHarness(harness);
const qwilServer = setupServer(...harness.qwil.handlers);
qwilServer.events.on('request:start', ({ request }) => recordQwilRequest(request));

for (const definition of apexClasses) {
    for (const methodName of Object.keys(definition.methods)) {
        jest.doMock(
            `@salesforce/apex/${definition.name}.${methodName}`,
            () => ({
                __esModule: true,
                default: (params: unknown) => harness.callApex(definition.name, methodName, params)
            }),
            { virtual: true }
        );
    }
}

beforeAll(() => qwilServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => qwilServer.resetHandlers());
afterAll(() => qwilServer.close());
