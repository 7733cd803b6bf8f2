import { createElement } from 'lwc';
import QwilChatTabsMenu from '../qwilChatTabsMenu';
import { integrationHarness, takeQwilRequests } from '../../../../../../mock-org/testing/integrationHarness';
import { visibleText, waitFor } from '../../../../../../mock-org/testing/dom';

// Through every layer: component → server method → mock org (sharing, FLS, class access)
// → named credential → fetch → msw mock Qwil.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const JAMES = 'james.patel@harbourwealth.example';
const DANIEL = 'daniel.brooks@harbourwealth.example';

function recordIdOf(type: 'Contact' | 'Account', name: string): string {
    const record = integrationHarness().org.records.all(type).find((candidate) => candidate.Name === name);
    if (!record) throw new Error(`No ${type} named ${name} in the seed`);
    return record.Id;
}

async function openTab(objectApiName: 'Contact' | 'Account', name: string): Promise<HTMLElement> {
    const element = createElement('c-qwil-chat-tabs-menu', { is: QwilChatTabsMenu });
    Object.assign(element, { objectApiName, recordId: recordIdOf(objectApiName, name) });
    document.body.appendChild(element);
    await waitFor(() => !element.shadowRoot?.querySelector('lightning-spinner') && (element.shadowRoot?.childElementCount ?? 0) > 0);
    await waitFor(() => visibleText(element) !== '');
    return element;
}

describe('c-qwil-chat-tabs-menu against the mock org and mock Qwil', () => {
    beforeEach(() => {
        integrationHarness().runAs(OLIVIA);
        takeQwilRequests();
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it("shows an active client's Qwil profile, found by record id through the named credential", async () => {
        const element = await openTab('Contact', 'Eleanor Whitfield');
        const text = visibleText(element);
        expect(text).toContain('Active');
        expect(text).toContain('eleanor.whitfield@example.com');
        expect(takeQwilRequests()).toContain(`GET https://eu.qwil.io/entity-service/sys-api/entity-memberships?identifier=${recordIdOf('Contact', 'Eleanor Whitfield')}`);
    });

    it('shows a client who is not on Qwil as not invited', async () => {
        const element = await openTab('Contact', 'Thomas Okafor');
        expect(visibleText(element)).toMatch(/not (been )?invited/i);
    });

    it('shows a pending client as pending', async () => {
        expect(visibleText(await openTab('Contact', 'Marcus Bennett'))).toContain('Pending');
    });

    it('works on a Person Account page', async () => {
        const element = await openTab('Account', 'Charlotte Dubois');
        expect(visibleText(element)).toContain('charlotte.dubois@example.com');
    });

    it('refuses a record the user cannot see, without calling Qwil', async () => {
        integrationHarness().runAs(JAMES);
        const element = await openTab('Contact', 'Eleanor Whitfield');
        expect(visibleText(element)).toContain("You don't have access to this record");
        expect(takeQwilRequests()).toEqual([]);
    });

    it('tells a user without access to the server class what is missing', async () => {
        integrationHarness().runAs(DANIEL);
        const element = await openTab('Contact', 'Thomas Okafor');
        expect(visibleText(element)).toContain("You do not have access to the Apex class named 'QwilConnectorController'.");
        expect(takeQwilRequests()).toEqual([]);
    });
});
