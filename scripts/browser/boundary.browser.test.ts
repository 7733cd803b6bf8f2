// The boundary rule in real Chromium: James Patel, on the record of his own client Hannah Lindqvist,
// searches the tab's pickers and never sees a client of Olivia Hart's that he cannot read in Salesforce.
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import type { Locator } from 'playwright-core';
import { useMockOrgInChromium } from './mockOrgInChromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const session = useMockOrgInChromium();

/** Olivia Hart's clients in the demo org, by first and last name; James Patel cannot read their records. */
const UNREADABLE_CLIENT_NAMES = ['Eleanor', 'Whitfield', 'Marcus', 'Bennett', 'Priya', 'Raman', 'Charlotte', 'Dubois'];

async function namedUnreadableClients(area: Locator): Promise<string[]> {
    const text = (await area.textContent()) ?? '';
    return UNREADABLE_CLIENT_NAMES.filter((name) => text.includes(name));
}

test("a staff user's group and staff pickers never name another owner's clients", async () => {
    const { server, page, problems } = session();
    await page.goto(server.url);
    await logInAs(page, 'James Patel');
    await openContact(page, 'Hannah Lindqvist');
    const panel = await openQwilMessengerTab(page);

    // Every group in the organisation is named "<client> Relationship"; only his own client's group may be offered.
    await panel.getByRole('link', { name: 'Contact Groups' }).click();
    await panel.getByRole('button', { name: 'Add client to a group' }).click();
    const join = page.getByRole('dialog', { name: 'Add client to a group' });
    await join.getByLabel('Search other groups').fill('Relationship');
    const groupsFound = join.getByRole('list', { name: 'Groups found' });
    await groupsFound.getByRole('button', { name: 'Add to group Adeyemi Relationship' }).waitFor();
    expect(await namedUnreadableClients(join)).toEqual([]);
    await join.getByRole('button', { name: 'Cancel' }).click();
    await join.waitFor({ state: 'detached' });

    // "r" matches every one of Olivia Hart's clients by name or email, and staff such as Sofia Reyes.
    await panel.getByRole('link', { name: 'Chats' }).click();
    await panel.getByRole('button', { name: 'Start a chat' }).click();
    const startChat = page.getByRole('dialog', { name: 'Start a chat' });
    await startChat.getByLabel('Find active staff to add').fill('r');
    await startChat
        .getByRole('list', { name: 'Staff found' })
        .getByRole('button', { name: 'Add Sofia Reyes' })
        .waitFor();
    expect(await namedUnreadableClients(startChat)).toEqual([]);

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
});
