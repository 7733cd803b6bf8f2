// What a user does on the mock org's pages, shared by the browser tests.
import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';

/** Uses the header's "Log in as" form, which posts and comes back to the same page. */
export async function logInAs(page: Page, userName: string): Promise<void> {
    const userSelect = page.getByLabel('Log in as');
    const userId = await userSelect.locator('option', { hasText: userName }).getAttribute('value');
    if (!userId) throw new Error(`No "Log in as" option for ${userName}`);
    await userSelect.selectOption(userId);
    await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name: 'Switch user' }).click()]);
    await page.waitForLoadState('domcontentloaded');
    // The page the server sent back names the new running user.
    expect(await userSelect.locator('option[selected]').textContent()).toContain(userName);
}

/** From the Contacts list to the record page of the contact with this name. */
export async function openContact(page: Page, name: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // The heading is in the HTML; the tabs work once the page's module script has run.
    await page.waitForLoadState('load');
}

/** Opens the record page's Qwil Messenger tab and returns its panel. */
export async function openQwilMessengerTab(page: Page): Promise<Locator> {
    await page.getByRole('tab', { name: 'Qwil Messenger' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Qwil Messenger' });
    await panel.waitFor();
    return panel;
}
