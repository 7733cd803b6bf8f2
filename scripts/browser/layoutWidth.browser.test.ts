// No page needs horizontal scrolling at 1280 px: the record page with each page of the Qwil Messenger
// tab (an open chat and an open contact group included) and every Setup page, each saved as a
// screenshot to .artifacts/screenshots/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { useMockOrgInChromium } from './mockOrgInChromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

const SCREENSHOT_DIR = path.resolve(__dirname, '../../.artifacts/screenshots');

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const session = useMockOrgInChromium();

/** The page, and every element that scrolls sideways, each with how far its content overflows. */
function horizontalOverflow(page: Page): Promise<string[]> {
    return page.evaluate(() => {
        const overflows: string[] = [];
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth) overflows.push(`page: ${root.scrollWidth} > ${root.clientWidth}`);
        const scrollsSideways = (element: Element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
        const visit = (node: Document | ShadowRoot) => {
            node.querySelectorAll('*').forEach((element) => {
                if (scrollsSideways(element) && element.scrollWidth > element.clientWidth + 1) {
                    const label = element.getAttribute('aria-label') ?? element.className;
                    overflows.push(
                        `${element.tagName.toLowerCase()} "${label}": ${element.scrollWidth} > ${element.clientWidth}`
                    );
                }
                if (element.shadowRoot) visit(element.shadowRoot);
            });
        };
        visit(document);
        return overflows;
    });
}

async function expectFitsAt1280(page: Page, screenshotName: string): Promise<void> {
    expect(page.viewportSize()?.width).toBe(1280);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `1280-${screenshotName}.png`), fullPage: true });
    expect({ page: screenshotName, overflow: await horizontalOverflow(page) }).toEqual({
        page: screenshotName,
        overflow: []
    });
}

test('the record page fits 1280 px with each page of the Qwil Messenger tab', async () => {
    const { server, page } = session();
    await page.goto(server.url);
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Eleanor Whitfield');
    const panel = await openQwilMessengerTab(page);
    await panel.getByText('eleanor.whitfield@example.com').first().waitFor();
    await expectFitsAt1280(page, 'qwil-client-details');

    await panel.getByRole('link', { name: 'Chats' }).click();
    await panel.getByRole('list', { name: 'Chats' }).getByRole('button', { name: 'Q3 portfolio review' }).click();
    await panel.getByRole('list', { name: 'Messages' }).getByText('Thursday at 10:00 works for me.').waitFor();
    await expectFitsAt1280(page, 'qwil-chats');

    await panel.getByRole('link', { name: 'Contact Groups' }).click();
    const groups = panel.getByRole('table', { name: 'Contact groups of Eleanor Whitfield' });
    await groups.getByRole('button', { name: 'Whitfield Relationship' }).waitFor();
    await expectFitsAt1280(page, 'qwil-contact-groups');
    await groups.getByRole('button', { name: 'Whitfield Relationship' }).click();
    await panel.getByRole('list', { name: 'Contact group members' }).waitFor();
    await expectFitsAt1280(page, 'qwil-contact-group');
});

test('every Setup page fits 1280 px, with keys of every kind and every permission listed', async () => {
    const { server, page } = session();
    const allowed = ['13.108.0.0/14', '66.231.80.0/20', '68.232.192.0/20', '96.43.144.0/20'];
    server.qwil.control.createSystemApiKey({
        name: 'Salesforce connector for the Harbour Wealth production org',
        cidrBlocks: allowed,
        canExportData: true,
        canCreateSdkTokens: true
    });
    server.qwil.control.createMasterUserApiKey({
        name: 'Chat archive',
        cidrBlocks: allowed,
        canExportData: true,
        canReadContacts: true
    });
    await page.goto(server.url);
    await logInAs(page, 'Sofia Reyes');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Setup' }).click();
    const setupLinks = page.getByRole('navigation', { name: 'Setup' }).getByRole('link');
    const pages = await setupLinks.evaluateAll((links) =>
        links.map((link) => ({ name: link.textContent?.trim() ?? '', href: link.getAttribute('href') ?? '' }))
    );
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const { name, href } of pages) {
        await page.goto(new URL(href, server.url).toString());
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('load');
        await expectFitsAt1280(page, `setup-${href.replace(/^\/setup\//, '').replace(/[^a-z0-9]+/gi, '-')}`);
        expect(name).not.toBe('');
    }
});
