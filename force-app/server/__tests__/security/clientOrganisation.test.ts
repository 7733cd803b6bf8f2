import type { ReadyTab, TabState } from '../../contracts/QwilConnectorController';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';

// With a Super API key the connector looks for the client in each of the user's Qwil organisations.
// Attacked as Olivia Hart (staff in Harbour Wealth and Harbour Wealth Jersey) on George Adeyemi, whose
// record she cannot read: the search must not run for her, nor its remembered answer reach her.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const SOFIA = 'sofia.reyes@harbourwealth.example';
const ORGANISATION_NAMES = /Harbour Wealth/;

const { requests, serve } = useQwilServer();

let harness: ConnectorHarness;
beforeEach(() => {
    harness = createConnectorHarness({ settings: { Using_Super_API_Key__c: true }, superApiKey: true });
    serve(harness);
});

const georgeId = () => {
    const george = harness.org.records.all('Contact').find((contact) => contact['Name'] === 'George Adeyemi');
    if (!george) throw new Error('No contact named George Adeyemi');
    return george.Id;
};
const loadTab = () =>
    harness.callApex('QwilConnectorController', 'loadTab', { recordId: georgeId() }) as Promise<TabState>;

describe("a client's organisation is never revealed to a user who cannot read the record", () => {
    it('refuses before any Qwil lookup, even after another user found the client (the answer is remembered per record)', async () => {
        harness.runAs(SOFIA);
        expect(((await loadTab()) as ReadyTab).organisation?.name).toBe('Harbour Wealth');

        harness.runAs(OLIVIA);
        requests.length = 0;
        const refusal = await apexErrorMessage(loadTab());
        expect(refusal).toMatch(/^You don't have access to this record/);
        expect(refusal).not.toMatch(ORGANISATION_NAMES);
        expect(requests).toEqual([]);
    });

    it('refuses every action on the record the same way', async () => {
        harness.runAs(OLIVIA);
        const refusal = await apexErrorMessage(
            harness.callApex('QwilConnectorController', 'resendInvitation', { recordId: georgeId() })
        );
        expect(refusal).toMatch(/^You don't have access to this record/);
        expect(refusal).not.toMatch(ORGANISATION_NAMES);
        expect(requests).toEqual([]);
    });
});
