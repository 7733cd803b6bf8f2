// Tenancy per client with a Super API key, in real Chromium: a client who is in another of the user's
// Qwil organisations shows that organisation and no Invite, whatever organisation the user chose before.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO } from '../../mock-org/qwil';
import { createFileCredentialStore } from '../../mock-org/platform/callouts/credentialStore';
import { startMockOrgServer, type RunningMockOrg } from '../../mock-org/server/startServer';
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { QWIL_NAMED_CREDENTIAL } from '../../force-app/server/qwil/qwilTransport';
import { CHOSEN_ORGANISATION_FIELD } from '../../force-app/server/services/organisation';
import { accessibilityViolations } from './accessibility';
import { collectPageProblems, launchChromium } from './chromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const SETTINGS = path.join('force-app', 'main', 'default', 'customMetadata', 'Qwil_Messenger.Qwil.md-meta.xml');

let root: string;
let dataDir: string;
let server: RunningMockOrg;
let browser: Browser;
let page: Page;

/** A copy of the package with Using Super API Key checked, as an admin would set it. */
function superKeyProject(): string {
    const copy = mkdtempSync(path.join(tmpdir(), 'qwil-super-key-'));
    cpSync(path.join(PROJECT_ROOT, 'force-app'), path.join(copy, 'force-app'), {
        recursive: true,
        filter: (source) => !source.includes('__tests__')
    });
    const file = path.join(copy, SETTINGS);
    writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
            /(<field>Using_Super_API_Key__c<\/field>\s*<value xsi:type="xsd:boolean">)false/,
            '$1true'
        )
    );
    return copy;
}

/** Qwil's answer to a System API call made as the connector would, in one organisation. */
async function asConnectorInQwil(pathAndQuery: string, body: object, entityUuid: string): Promise<void> {
    const principal = createFileCredentialStore(path.join(dataDir, 'named-credentials.json')).get(
        QWIL_NAMED_CREDENTIAL
    )!;
    const response = await fetch(`${server.url}/__qwil/eu.qwil.io/entity-service/sys-api/${pathAndQuery}`, {
        method: 'POST',
        headers: {
            'X-SYS-API-KEY': principal.username,
            'X-SYS-API-KEY-SECRET': principal.password,
            'on-behalf-of-entity-uuid': entityUuid,
            'Content-Type': 'application/json'
        },
        body: JSON.stringify(body)
    });
    if (response.status !== 200) throw new Error(`Qwil answered ${response.status}: ${await response.text()}`);
}

beforeAll(async () => {
    root = superKeyProject();
    dataDir = mkdtempSync(path.join(tmpdir(), 'qwil-mock-org-'));
    [server, browser] = await Promise.all([
        startMockOrgServer({ port: 0, dataDir, projectRoot: root, provisionConnectorKey: false }),
        launchChromium()
    ]);
    // A Super key is restricted to CIDR blocks: the address the mock Qwil sees the calls come from.
    const { key, secret } = server.qwil.control.createSystemApiKey({
        name: 'Salesforce connector (Super key)',
        cidrBlocks: [`${server.qwil.control.callerAddress()}/32`]
    });
    server.qwil.control.promoteToSuper(key);
    createFileCredentialStore(path.join(dataDir, 'named-credentials.json')).set(QWIL_NAMED_CREDENTIAL, {
        username: key,
        password: secret
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
});

afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
    for (const dir of [root, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a client in another of the user's organisations shows that organisation and no Invite", async () => {
    const problems = collectPageProblems(page);
    const thomas = server.org.records.all('Contact').find((contact) => contact['Name'] === 'Thomas Okafor')!;
    // Thomas Okafor was invited into Harbour Wealth Jersey; Olivia last chose Harbour Wealth.
    await asConnectorInQwil(
        'entity-memberships/create',
        {
            first_name: 'Thomas',
            last_name: 'Okafor',
            primary_email: 'thomas.okafor@example.com',
            job_title: 'Client',
            identifier: thomas.Id,
            role: 'client',
            new_group_name: 'Okafor Jersey',
            new_group_entity_user_xref_uuids: [DEMO.jerseyStaff.oliviaHart],
            created_by_entity_user_xref_uuid: DEMO.jerseyStaff.oliviaHart,
            send_invitation: true
        },
        DEMO.organisations.harbourWealthJersey
    );
    const olivia = server.org.requireUser('olivia.hart@harbourwealth.example');
    server.org.records.update(olivia.Id, { [CHOSEN_ORGANISATION_FIELD]: DEMO.organisations.harbourWealth });

    await page.goto(server.url);
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Thomas Okafor');
    const panel = await openQwilMessengerTab(page);

    await panel.getByText('Pending', { exact: true }).first().waitFor();
    await panel.getByText('Harbour Wealth Jersey').first().waitFor();
    expect(await panel.getByRole('button', { name: 'Invite', exact: true }).count()).toBe(0);
    expect(await panel.getByText('Not invited', { exact: true }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
});
