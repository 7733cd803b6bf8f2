// The tab stays current without a reload, in real Chromium: a client who accepts their invitation in
// Qwil turns Active on the next poll, and a Resend that Qwil can no longer do shows what changed instead
// of a Retry.
import { DEMO } from '../../mock-org/qwil';
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { POLL_INTERVAL_MS } from '../../force-app/main/default/lwc/qwilLivePoll/qwilLivePoll';
import { CLIENT_STATE_REUSE_SECONDS } from '../../force-app/server/services/clientStateReuse';
import { accessibilityViolations } from './accessibility';
import { useMockOrgInChromium } from './mockOrgInChromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const session = useMockOrgInChromium();

/** Back to the seeded Qwil (Marcus pending), once the server may no longer reuse the lookup it made before. */
async function resetQwil(): Promise<void> {
    session().server.qwil.control.reset({ keepApiKeys: true });
    await new Promise((resolve) => setTimeout(resolve, (CLIENT_STATE_REUSE_SECONDS + 1) * 1000));
}

async function openMarcusPending() {
    const { server, page } = session();
    await page.goto(server.url);
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Marcus Bennett');
    const panel = await openQwilMessengerTab(page);
    await panel.getByText('Pending', { exact: true }).first().waitFor();
    return panel;
}

test('an invitation accepted in Qwil turns the tab to Active within one poll, without a reload', async () => {
    const { server, page, problems } = session();
    const panel = await openMarcusPending();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    server.qwil.control.acceptInvitation(DEMO.clients.marcusBennett);

    // One poll interval, plus the seconds a tab open may reuse a client lookup on the server.
    await panel
        .getByText('Active', { exact: true })
        .first()
        .waitFor({ timeout: POLL_INTERVAL_MS + CLIENT_STATE_REUSE_SECONDS * 1000 });
    await panel.getByRole('status').filter({ hasText: 'Marcus Bennett accepted the invitation' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Resend invitation' }).count()).toBe(0);
    expect(navigations).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
});

test('Resend on a client who has accepted meanwhile shows them Active and says why, with no Retry', async () => {
    const { server, page } = session();
    await resetQwil();
    const panel = await openMarcusPending();

    server.qwil.control.acceptInvitation(DEMO.clients.marcusBennett);
    await panel.getByRole('button', { name: 'Resend invitation' }).click();

    await panel.getByRole('status').filter({ hasText: 'Marcus Bennett accepted the invitation' }).waitFor();
    await panel.getByText('Active', { exact: true }).first().waitFor();
    expect(await panel.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect(await panel.getByText(/status active/).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
});
