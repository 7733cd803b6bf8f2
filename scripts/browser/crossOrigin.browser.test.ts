// A page on another origin in the administrator's browser (another port of 127.0.0.1: the same
// site, so the session cookie goes with its requests) tries what the dev server must refuse:
// an auto-submitted Setup form and no-cors fetches to the mock Qwil's control surface.
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../mock-org/projectRoot';
import { SETTINGS_EDIT_PATH, VIEW_ALL_SETTINGS_FORM } from '../../mock-org/testing/forgedSettingsForm';
import { startMockOrgServer, type RunningMockOrg } from '../../mock-org/server/startServer';
import { launchChromium } from './chromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

let mockOrg: RunningMockOrg;
let attacker: Server;
let attackerUrl: string;
let projectRoot: string;
let dataDir: string;
let browser: Browser;
let page: Page;

/** The attacker's pages: one posts the settings form on load, one fires no-cors fetches at the control surface. */
function attackerPages(target: string): Record<string, string> {
    const fields = Object.entries(VIEW_ALL_SETTINGS_FORM)
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
        .join('');
    const controlCalls = [
        ['keys', { name: 'stolen' }],
        ['faults', { failNext: { count: 5, status: 503 } }],
        ['reset', {}]
    ]
        .map(
            ([endpoint, body]) =>
                `fetch(${JSON.stringify(`${target}/__mock-qwil-admin/${String(endpoint)}`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body: ${JSON.stringify(JSON.stringify(body))} })`
        )
        .join(',');
    return {
        '/form': `<!doctype html><title>Win a prize</title><form id="f" method="post" action="${target}${SETTINGS_EDIT_PATH}">${fields}</form><script>document.getElementById('f').submit();</script>`,
        '/fetch': `<!doctype html><title>Loading</title><script>Promise.allSettled([${controlCalls}]).then(() => { document.title = 'sent'; });</script>`
    };
}

function listen(server: Server): Promise<string> {
    return new Promise((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
    );
}

beforeAll(async () => {
    projectRoot = mkdtempSync(path.join(tmpdir(), 'qwil-cross-origin-project-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'qwil-cross-origin-data-'));
    cpSync(
        path.join(PROJECT_ROOT, 'force-app', 'main', 'default'),
        path.join(projectRoot, 'force-app', 'main', 'default'),
        {
            recursive: true,
            filter: (source) => !source.includes('__tests__')
        }
    );
    [mockOrg, browser] = await Promise.all([startMockOrgServer({ port: 0, dataDir, projectRoot }), launchChromium()]);
    attacker = createServer((request, response) => {
        const pages = attackerPages(mockOrg.url);
        const body = pages[new URL(request.url ?? '/', 'http://attacker').pathname];
        response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
    });
    attackerUrl = await listen(attacker);
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
});

afterAll(async () => {
    await Promise.all([browser?.close(), mockOrg?.close(), new Promise((resolve) => attacker?.close(resolve))]);
    rmSync(projectRoot, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
});

const chatHistorySetting = () =>
    mockOrg.org.customMetadata.getInstance('Qwil_Messenger__mdt', 'Qwil')?.values['Client_Chat_History_Visible__c'];

describe('a page on another origin, in the administrator’s browser', () => {
    beforeAll(async () => {
        await page.goto(`${mockOrg.url}/setup/home`);
        await logInAs(page, 'Sofia Reyes');
    });

    it('cannot change the connector settings with an auto-submitted Setup form', async () => {
        expect(chatHistorySetting()).toBe('View Own Chats');
        await page.goto(`${attackerUrl}/form`);
        // The form lands on the mock org whatever its answer.
        await page.waitForURL((url) => url.origin === new URL(mockOrg.url).origin);
        await page.waitForLoadState('load');
        expect(chatHistorySetting()).toBe('View Own Chats');
    });

    it('cannot mint keys, inject a fault or reset the mock Qwil with no-cors fetches', async () => {
        const before = mockOrg.qwil.control.snapshot();
        await page.goto(`${attackerUrl}/fetch`);
        await page.waitForFunction(() => document.title === 'sent');
        expect(mockOrg.qwil.control.snapshot()).toEqual(before);
        // No fault waits for the next call: the record page's tab still loads.
        await page.goto(`${mockOrg.url}/lightning/o/Contact/list`);
        await logInAs(page, 'Olivia Hart');
        await openContact(page, 'Eleanor Whitfield');
        await (await openQwilMessengerTab(page)).getByText('eleanor.whitfield@example.com').waitFor();
    });
});
