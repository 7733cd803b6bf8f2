// Smoke test in real Chromium: the mock org serves the Lightning-style record page, the preview
// build mounts qwilChatTabsMenu in the Qwil Messenger tab, and it shows the client's Qwil state.
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startMockOrgServer } from '../../mock-org/server/startServer';
import { accessibilityViolations } from './accessibility';
import { collectPageProblems, launchChromium, type PageProblems } from './chromium';
import { logInAs, openContact } from './recordPageActions';

const SCREENSHOT_DIR = path.resolve(__dirname, '../../.artifacts/screenshots');
// SLDS colours the tests expect once the stylesheet applies (slds-theme_success, page header).
const SLDS_SUCCESS_BACKGROUND = 'rgb(46, 132, 74)';
const SLDS_PAGE_HEADER_BACKGROUND = 'rgb(243, 243, 243)';

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

let server: { url: string; close(): Promise<void> };
let dataDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'qwil-mock-org-'));
    [server, browser] = await Promise.all([startMockOrgServer({ port: 0, dataDir }), launchChromium()]);
});

afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Well under the test timeout, so that a missing element fails with Playwright's call log.
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    problems = collectPageProblems(page);
});

afterEach(async () => {
    await context.close();
});

async function expectSelectedTab(name: string): Promise<Locator> {
    const tab = page.getByRole('tab', { name });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    const panel = page.getByRole('tabpanel', { name });
    expect(await panel.isVisible()).toBe(true);
    return panel;
}

function computedStyle(locator: Locator, property: string): Promise<string> {
    return locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
}

function expectNoProblems(): void {
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
}

test('an advisor opens an active client’s Contact page and sees her Qwil state in the Qwil Messenger tab', async () => {
    await page.goto(server.url);
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Eleanor Whitfield');
    await expectSelectedTab('Details');

    await page.getByRole('tab', { name: 'Qwil Messenger' }).click();
    const panel = await expectSelectedTab('Qwil Messenger');
    const activeBadge = panel.getByText('Active', { exact: true });
    await activeBadge.waitFor();
    await panel.getByText('eleanor.whitfield@example.com').waitFor();

    expect(await computedStyle(page.locator('body'), 'font-family')).toContain('Segoe UI');
    expect(await computedStyle(page.locator('.slds-page-header'), 'background-color')).toBe(
        SLDS_PAGE_HEADER_BACKGROUND
    );
    expect(await computedStyle(activeBadge, 'background-color')).toBe(SLDS_SUCCESS_BACKGROUND);
    expect(await accessibilityViolations(page)).toEqual([]);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({
        path: path.join(SCREENSHOT_DIR, 'contact-eleanor-whitfield-qwil-messenger.png'),
        fullPage: true
    });
    expectNoProblems();
});

test('the record tabs work from the keyboard, and a contact who was never invited shows as not invited', async () => {
    await page.goto(server.url);
    await openContact(page, 'Thomas Okafor');

    await page.getByRole('tab', { name: 'Details' }).focus();
    await page.keyboard.press('ArrowRight');
    await expectSelectedTab('Related');
    await page.keyboard.press('End');
    const panel = await expectSelectedTab('Qwil Messenger');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Qwil Messenger');

    await panel
        .getByText(/not invited/i)
        .first()
        .waitFor();

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({
        path: path.join(SCREENSHOT_DIR, 'contact-thomas-okafor-qwil-messenger.png'),
        fullPage: true
    });
    expectNoProblems();
});

test('the contact list and the Insufficient Privileges page a user gets for a record they cannot see are accessible', async () => {
    await page.goto(server.url);
    expect(await accessibilityViolations(page)).toEqual([]);
    await openContact(page, 'Eleanor Whitfield');
    const response = page.waitForResponse((candidate) => candidate.url() === page.url());
    await logInAs(page, 'James Patel');

    expect((await response).status()).toBe(403);
    await page.getByRole('heading', { level: 1, name: 'Insufficient Privileges' }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Chromium reports the page's own 403 as a failed resource; nothing else may fail.
    expect(problems.consoleErrors.filter((message) => !message.includes('status of 403'))).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
});

test('toast events from the Qwil Messenger tab show as SLDS toasts that can be closed', async () => {
    await page.goto(server.url);
    await openContact(page, 'Eleanor Whitfield');
    await page.getByRole('tab', { name: 'Qwil Messenger' }).click();
    const component = page.locator('c-qwil-chat-tabs-menu');
    await component.waitFor();

    const showToast = (detail: object) =>
        component.evaluate((element, toast) => {
            element.dispatchEvent(
                new CustomEvent('lightning__showtoast', { bubbles: true, composed: true, detail: toast })
            );
        }, detail);
    await showToast({ title: 'Invitation sent', message: 'Eleanor can now join.', variant: 'success' });
    await showToast({ title: 'Invitation failed', message: 'Qwil is unavailable.', variant: 'error' });

    const success = page.getByRole('status').filter({ hasText: 'Invitation sent' });
    const failure = page.getByRole('alert').filter({ hasText: 'Invitation failed' });
    await success.waitFor();
    expect(await computedStyle(success, 'background-color')).toBe(SLDS_SUCCESS_BACKGROUND);
    await failure.getByRole('button', { name: 'Close' }).click();
    await failure.waitFor({ state: 'detached' });
    expectNoProblems();
});
