// Inviting a client in real Chromium: a UK national number is shown normalised before sending,
// the invitation goes out, and the tab shows the client as pending.
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { accessibilityViolations } from './accessibility';
import { useMockOrgInChromium } from './mockOrgInChromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const session = useMockOrgInChromium();

test('an advisor invites a client: the national number is normalised, the invitation is sent and the client shows as pending', async () => {
    const { server, page, problems } = session();
    await page.goto(server.url);
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Thomas Okafor');
    const panel = await openQwilMessengerTab(page);

    await panel.getByRole('button', { name: 'Invite', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Invite/ });
    await dialog.waitFor();
    const phone = dialog.getByLabel(/phone/i);
    await phone.fill('07700 010005');
    await dialog.getByText('+447700010005').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel.getByText('Pending', { exact: true }).first().waitFor();
    await page.getByRole('status').filter({ hasText: 'Invitation sent' }).waitFor();

    const thomas = server.qwil.control
        .snapshot()
        .memberships.find((membership) => membership.primary_email === 'thomas.okafor@example.com');
    expect(thomas).toMatchObject({ status: 'pending', invitation_phone_number: '+447700010005' });
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
});
