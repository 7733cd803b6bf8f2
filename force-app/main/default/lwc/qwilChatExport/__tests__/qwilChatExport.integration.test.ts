import { createElement } from 'lwc';
import QwilChats from '../../qwilChats/qwilChats';
import { integrationHarness } from '../../../../../../mock-org/testing/integrationHarness';
import { recordIdByName } from '../../../../../../mock-org/testing/finders';
import { waitFor } from '../../../../../../mock-org/testing/waitFor';
import { shadow, deepQuery, deepQueryAll } from 'jest-support/componentTesting';

// Exporting a chat through every layer: component → QwilChatsController → mock org → named
// credential → mock Qwil, whose key has been granted Qwil's "can export data" permission.

it('downloads the transcript of an open chat as the PDF Qwil renders, once the key may export', async () => {
    const harness = integrationHarness();
    harness.qwil.control.setKeyPermissions({ key: harness.apiKey, canExportData: true });
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
    });
    const page = createElement('c-qwil-chats', { is: QwilChats });
    Object.assign(page, {
        recordId: recordIdByName(harness.org, 'Contact', 'Eleanor Whitfield'),
        clientStatus: 'active'
    });
    document.body.appendChild(page);

    await waitFor(() => deepQuery(page, 'button.chat-row') !== null);
    deepQueryAll<HTMLButtonElement>(page, 'button.chat-row')
        .find((button) => button.textContent?.trim() === 'Q3 portfolio review')!
        .click();
    await waitFor(() => shadow(page).querySelector('c-qwil-chat-export') !== null);
    shadow(shadow(page).querySelector('c-qwil-chat-export')!)
        .querySelector<HTMLButtonElement>('lightning-button[data-format="pdf"]')!
        .click();
    await waitFor(() => clicked.length === 1);

    // "JVBERi0" is "%PDF-" in base64: the file's bytes reached the browser unchanged.
    expect(clicked[0]!.href).toMatch(/^data:application\/pdf;base64,JVBERi0/);
    expect(clicked[0]!.download).toMatch(/\.pdf$/);
});
