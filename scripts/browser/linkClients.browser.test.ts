// Setup > Link existing Qwil clients in real Chromium: the administrator runs a dry run, applies its
// plan and watches the progress bar finish; an advisor then opens the linked client's record and sees
// them as on Qwil.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO } from '../../mock-org/qwil';
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { accessibilityViolations } from './accessibility';
import { useMockOrgInChromium } from './mockOrgInChromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

const SCREENSHOT_DIR = path.resolve(__dirname, '../../.artifacts/screenshots');

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const session = useMockOrgInChromium();

async function screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await session().page.screenshot({ path: path.join(SCREENSHOT_DIR, `link-clients-${name}.png`), fullPage: true });
}

test('a dry run, then Apply with its progress bar, and the linked client shows as on Qwil on their record', async () => {
    const { server, page, problems } = session();
    // Thomas Okafor was added on Qwil directly, without his Salesforce record id.
    server.qwil.control.importClients({
        entityUuid: DEMO.organisations.harbourWealth,
        groupUuid: DEMO.groups.whitfieldRelationship,
        clients: [
            {
                firstName: 'Thomas',
                lastName: 'Okafor',
                primaryEmail: 'thomas.okafor@example.com',
                identifier: null,
                status: 'active'
            }
        ]
    });

    await page.goto(server.url);
    await logInAs(page, 'Sofia Reyes');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Setup' }).click();
    await page
        .getByRole('navigation', { name: 'Setup' })
        .getByRole('link', { name: 'Link existing Qwil clients' })
        .click();
    await page.getByRole('heading', { level: 1, name: 'Link existing Qwil clients' }).waitFor();
    expect(await page.getByLabel('Qwil calls per minute for this job').inputValue()).toBe('300');

    await page.getByRole('button', { name: 'Start a dry run' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dry run: Completed' }).waitFor({ timeout: 30_000 });
    const plan = page.getByRole('table', { name: 'Plan' });
    const thomas = plan.getByRole('row', { name: /Thomas Okafor/ });
    await thomas.getByRole('cell', { name: 'To link', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Download the plan as CSV' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot('dry-run');

    await page.getByRole('button', { name: 'Apply this plan' }).click();
    const progress = page.getByRole('progressbar');
    await progress.waitFor();
    await page.getByRole('heading', { level: 2, name: 'Run: Completed' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await plan
        .getByRole('row', { name: /Thomas Okafor/ })
        .getByRole('cell', { name: 'Linked', exact: true })
        .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot('applied');

    // Switch user from the Contacts list: Setup is no page for an advisor.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Thomas Okafor');
    const panel = await openQwilMessengerTab(page);
    await panel.getByText('Active', { exact: true }).waitFor();
    await panel.getByText('thomas.okafor@example.com').first().waitFor();
    await screenshot('linked-client');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
});
