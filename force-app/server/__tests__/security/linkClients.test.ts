import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { importQwilClients, identifierOf } from '../../../../mock-org/testing/linkClientsArrangement';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';

// Linking writes the Qwil identifier of every client of the organisation: the server methods themselves
// refuse anyone without Customize Application, even when a permission set grants the class.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const { serve, requests } = useQwilServer();

let harness: ConnectorHarness;
beforeEach(() => {
    harness = createConnectorHarness();
    serve(harness);
});

/** Staff whose permission set (wrongly) grants the administrators' class. */
function grantClassToStaff(): void {
    const accessOf = harness.org.accessOf.bind(harness.org);
    jest.spyOn(harness.org, 'accessOf').mockImplementation((userId) => {
        const access = accessOf(userId);
        access.canRunApexClass = () => true;
        return access;
    });
}

const ADMINISTRATORS_ONLY = 'Only Salesforce administrators (Customize Application) can link existing Qwil clients.';

describe('QwilLinkClientsController refuses staff even with class access', () => {
    it.each([
        ['startLinking', { dryRun: false, callsPerMinute: 600 }],
        ['applyLinking', { jobId: '707Qw0000000001IAA', callsPerMinute: 600 }],
        ['linkingJobStatus', { jobId: '707Qw0000000001IAA' }],
        ['linkingPlan', { jobId: '707Qw0000000001IAA', page: 0 }],
        ['stopLinking', { jobId: '707Qw0000000001IAA' }]
    ])('%s', async (method, params) => {
        grantClassToStaff();
        const [uuid] = importQwilClients(harness, [
            { firstName: 'Thomas', lastName: 'Okafor', email: 'thomas.okafor@example.com' }
        ]);
        harness.runAs(OLIVIA);

        const message = await apexErrorMessage(harness.callApex('QwilLinkClientsController', method, params));

        expect(message).toBe(ADMINISTRATORS_ONLY);
        await harness.org.asyncApex.whenIdle();
        expect(harness.org.asyncApex.active('QwilLinkClientsJob')).toEqual([]);
        expect(requests).toEqual([]);
        expect(identifierOf(harness, uuid ?? '')).toBeNull();
    });
});
