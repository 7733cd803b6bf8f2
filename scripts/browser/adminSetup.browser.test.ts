// The installation guide's steps 2–5 in real Chromium on a fresh start (no key, no secret, no
// settings record), as the administrator; then a staff user sees the client in the Qwil Messenger tab.
// The saved metadata goes to a copy of the project, so the repository's files are not changed.
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../mock-org/projectRoot';
import { startMockOrgServer, type RunningMockOrg } from '../../mock-org/server/startServer';
import { accessibilityViolations } from './accessibility';
import { collectPageProblems, launchChromium, type PageProblems } from './chromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

const SCREENSHOT_DIR = path.resolve(__dirname, '../../.artifacts/screenshots');

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

let server: RunningMockOrg;
let projectRoot: string;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
    projectRoot = mkdtempSync(path.join(tmpdir(), 'qwil-setup-project-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'qwil-setup-data-'));
    cpSync(
        path.join(PROJECT_ROOT, 'force-app', 'main', 'default'),
        path.join(projectRoot, 'force-app', 'main', 'default'),
        {
            recursive: true,
            filter: (source) => !source.includes('__tests__')
        }
    );
    // A fresh org: the settings record is step 4's job.
    rmSync(path.join(projectRoot, 'force-app', 'main', 'default', 'customMetadata'), { recursive: true });
    [server, browser] = await Promise.all([
        startMockOrgServer({ port: 0, dataDir, projectRoot, provisionConnectorKey: false }),
        launchChromium()
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    problems = collectPageProblems(page);
});

afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
    rmSync(projectRoot, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
});

async function openSetup(linkName: string, heading: string | RegExp): Promise<void> {
    await page.getByRole('navigation', { name: 'Setup' }).getByRole('link', { name: linkName }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** SLDS draws the checkbox over its visually hidden input: the user clicks the label. */
async function check(label: string): Promise<void> {
    await page.locator('label.slds-checkbox__label', { hasText: label }).click();
    expect(await page.getByLabel(label).isChecked()).toBe(true);
}

async function screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `setup-${name}.png`), fullPage: true });
}

test('the administrator walks steps 2–5, and an advisor then sees the client in the Qwil Messenger tab', async () => {
    await page.goto(server.url);
    await logInAs(page, 'Sofia Reyes');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Setup' }).click();
    await page.getByRole('heading', { level: 1, name: 'Qwil Messenger Salesforce Connector setup' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: /^Step \d\./ }).count()).toBe(5);

    // Step 2: a System API key with the guide's recommended permissions, shown once.
    await page.getByRole('link', { name: 'Qwil admin console: System API Keys' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'System API Keys' }).waitFor();
    expect(await page.getByLabel('This key can export data').isChecked()).toBe(false);
    for (const permission of ['read-only', 'write-only', 'data reviewer']) {
        expect(await page.getByLabel(`This key can perform ${permission} actions`).isChecked()).toBe(true);
    }
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Salesforce connector');
    await page.getByLabel('CIDR Blocks').fill('13.108.0.0/14, 2001:db8:/32');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was saved' }).waitFor();
    await page.getByText('"2001:db8:/32" is not a CIDR block').first().waitFor();
    await page.getByLabel('CIDR Blocks').fill('13.108.0.0/14');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'System API Key "Salesforce connector" created' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'You will only see them once' }).waitFor();
    const key = await page.getByLabel('System API Key', { exact: true }).inputValue();
    const secret = await page.getByLabel('System API Key Secret').inputValue();
    await page.getByRole('button', { name: 'Copy System API Key Secret' }).click();
    await page.getByRole('status').filter({ hasText: 'System API Key Secret copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'OK' }).click();
    await page.getByRole('table', { name: 'System API keys' }).getByText(key).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Step 3: the key and secret in the named credential.
    await openSetup('Named Credentials', 'Named Credential: Qwil Messenger Salesforce Connector');
    expect(await page.getByRole('textbox', { name: 'Label', exact: true }).inputValue()).toBe(
        'Qwil Messenger Salesforce Connector'
    );
    expect(await page.getByLabel('URL').inputValue()).toBe('https://eu.qwil.io');
    await page.getByLabel('Username').fill(key);
    await page.getByLabel('Password').fill(secret);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Step 4: the Qwil Messenger record; an invalid field first, then the guide's values.
    await openSetup('Custom Metadata Types: Qwil Messenger', 'Qwil Messenger');
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByRole('heading', { level: 1, name: 'New Qwil Messenger' }).waitFor();
    await page.getByRole('textbox', { name: 'Label', exact: true }).fill('Qwil');
    await page.getByLabel('Qwil Messenger Name').fill('Qwil');
    await page.getByLabel('Client Email API Field Name').fill('Email');
    await page.getByLabel('Staff ID Field API Name').fill('Email__c');
    await page.getByLabel('Client Chat History Visible').selectOption('View Own Chats');
    await page.getByLabel('Qwil Region').fill('eu');
    await page.getByLabel('Client Lookup Type').selectOption('Salesforce Record ID');
    await page.getByLabel('Client First Name Field API Name').fill('FirstName');
    await page.getByLabel('Client Last Name Field API Name').fill('LastName');
    await page.getByLabel('Default Client Job Title').fill('Client');
    await page.getByLabel('Client Invitation Phone No.Field ApiName').fill('MobilePhone');
    await check('Staff Can Edit Invitation Phone Number');
    await page.getByLabel('Default Contact Group Name').fill('Relationship');
    await check('Add inviting user into new groups');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
        .getByRole('alert')
        .filter({ hasText: 'Staff ID Field API Name names Email__c, which does not exist on User.' })
        .waitFor();
    expect(await page.getByLabel('Staff ID Field API Name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Default Contact Group Name').inputValue()).toBe('Relationship');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot('metadata-record-error');
    await page.getByLabel('Staff ID Field API Name').fill('FederationIdentifier');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved Qwil.' }).waitFor();
    const written = readFileSync(
        path.join(projectRoot, 'force-app', 'main', 'default', 'customMetadata', 'Qwil_Messenger.Qwil.md-meta.xml'),
        'utf8'
    );
    expect(written).toContain('<value xsi:type="xsd:string">FederationIdentifier</value>');

    // Step 5: the record pages carry the component in the Qwil Messenger tab.
    await openSetup('Lightning Record Pages', 'Lightning Record Pages');
    const contactPage = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Qwil Contact Record Page' }) });
    expect(await contactPage.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['Contact', 'Yes']));
    expect(await accessibilityViolations(page)).toEqual([]);

    // And the health check agrees.
    await openSetup('Connector Health Check', 'Connector Health Check');
    const statuses = await page
        .getByRole('table', { name: 'Health check results' })
        .locator('.slds-badge')
        .allTextContents();
    expect(statuses).toHaveLength(13);
    expect(statuses.filter((status) => status !== 'Pass')).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot('health-check');
    await openSetup('Setup Home', 'Qwil Messenger Salesforce Connector setup');
    expect(await page.locator('h2 .slds-badge').allTextContents()).toEqual(['Done', 'Done', 'Done', 'Done']);

    // A staff user opens the client's Qwil Messenger tab (switching from the contact list, as Setup would refuse her).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Eleanor Whitfield');
    const panel = await openQwilMessengerTab(page);
    await panel.getByText('Active', { exact: true }).first().waitFor();
    await panel.getByText('eleanor.whitfield@example.com').waitFor();
    await screenshot('staff-tab-after-setup');

    // Chromium logs the two refused saves above (answered 400 with the form and its errors); nothing else.
    expect(problems.consoleErrors).toEqual([
        expect.stringMatching(/status of 400 .*\/setup\/qwil-admin\/system-api-keys:/),
        expect.stringMatching(/status of 400 .*\/setup\/custom-metadata\/Qwil_Messenger\/new:/)
    ]);
    expect(problems.pageErrors).toEqual([]);
});

test('a staff user gets Insufficient Privileges in Setup', async () => {
    await page.goto(server.url);
    await logInAs(page, 'Olivia Hart');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Setup' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insufficient Privileges' }).waitFor();
});
