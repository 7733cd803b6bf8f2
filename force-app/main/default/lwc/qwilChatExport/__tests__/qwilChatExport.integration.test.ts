import { createElement } from 'lwc';
import QwilChats from '../../qwilChats/qwilChats';
import { integrationHarness } from '../../../../../../mock-org/testing/integrationHarness';
import { waitFor } from '../../../../../../mock-org/testing/waitFor';
import { deepQuery, deepQueryAll } from '../../qwilChatTabsMenu/__tests__/support/componentTesting';

// Exporting a chat through every layer: component → QwilChatsController → mock org → named
// credential → mock Qwil, whose key has been granted Qwil's "can export data" permission.
const shadow = (element: Element) => element.shadowRoot!;

it('downloads the transcript of an open chat as the PDF Qwil renders, once the key may export', async () => {
    const harness = integrationHarness();
    harness.qwil.control.setKeyPermissions({ key: harness.apiKey, canExportData: true });
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
    });
    const eleanor = harness.org.records.all('Contact').find((contact) => contact.Name === 'Eleanor Whitfield')!;
    const page = createElement('c-qwil-chats', { is: QwilChats });
    Object.assign(page, { recordId: eleanor.Id, clientStatus: 'active' });
    document.body.appendChild(page);

    await waitFor(() => deepQuery(page, 'button.chat-row') !== null);
    deepQueryAll<HTMLButtonElement>(page, 'button.chat-row')
        .find((button) => button.textContent?.trim() === 'Q3 portfolio review')!
        .click();
    await waitFor(() => shadow(page).querySelector('c-qwil-chat-export') !== null);
    shadow(shadow(page).querySelector('c-qwil-chat-export')!)
        .querySelector<HTMLButtonElement>('button[data-format="pdf"]')!
        .click();
    await waitFor(() => clicked.length === 1);

    // "JVBERi0" is "%PDF-" in base64: the file's bytes reached the browser unchanged.
    expect(clicked[0]!.href).toMatch(/^data:application\/pdf;base64,JVBERi0/);
    expect(clicked[0]!.download).toMatch(/\.pdf$/);
});
