// Contact groups in real Chromium: an advisor adds a staff member to the client's group and
// removes them again (asked first; Cancel changes nothing), seeing each change at once with a toast.
import { SLOW_TEST_TIMEOUT_MS } from '../../mock-org/testing/testLimits';
import { DEMO } from '../../mock-org/qwil';
import { accessibilityViolations } from './accessibility';
import { useMockOrgInChromium } from './mockOrgInChromium';
import { logInAs, openContact, openQwilMessengerTab } from './recordPageActions';

jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const session = useMockOrgInChromium();

const whitfieldMembers = () =>
    session()
        .server.qwil.control.snapshot()
        .groups.find((group) => group.group_uuid === DEMO.groups.whitfieldRelationship)?.member_xref_uuids;

test("an advisor adds a staff member to the client's group and removes them again after confirming", async () => {
    const { server, page, problems } = session();
    await page.goto(server.url);
    await logInAs(page, 'Olivia Hart');
    await openContact(page, 'Eleanor Whitfield');
    const panel = await openQwilMessengerTab(page);

    await panel.getByRole('link', { name: 'Contact Groups' }).click();
    const groups = panel.getByRole('table', { name: 'Contact groups of Eleanor Whitfield' });
    await groups
        .getByRole('row', { name: /Whitfield Relationship\s+WhitfieldRelationship\s+3 members\s+Yes/ })
        .waitFor();
    await groups.getByRole('button', { name: 'Whitfield Relationship' }).click();
    const members = panel.getByRole('list', { name: 'Contact group members' });
    await members
        .getByText('Olivia Hart is the only active staff member of a group with clients', { exact: false })
        .waitFor();

    await panel.getByRole('button', { name: 'Add Staff Members' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Staff Members' });
    await dialog.getByLabel('Find active staff to add').fill('a');
    await dialog.getByText('Has not accepted their Qwil invitation yet').waitFor();
    expect(await dialog.getByRole('button', { name: 'Add Ava Collins' }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add James Patel' }).click();
    await dialog
        .getByRole('list', { name: 'Staff to add' })
        .getByRole('button', { name: 'Take off James Patel' })
        .waitFor();
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('status').filter({ hasText: 'James Patel is now in Whitfield Relationship.' }).waitFor();
    const remove = members.getByRole('button', { name: 'Remove James Patel' });
    await remove.waitFor();
    expect(whitfieldMembers()).toContain(DEMO.staff.jamesPatel);
    expect(await accessibilityViolations(page)).toEqual([]);

    await remove.click();
    const confirm = page.getByRole('dialog', { name: 'Remove staff member' });
    await confirm
        .getByText("Remove James Patel from Whitfield Relationship? They will no longer see this group's chats.", {
            exact: false
        })
        .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(whitfieldMembers()).toContain(DEMO.staff.jamesPatel);
    expect(await remove.isVisible()).toBe(true);

    await remove.click();
    await confirm.getByRole('button', { name: 'Remove staff member' }).click();
    await page.getByRole('status').filter({ hasText: 'James Patel is no longer in Whitfield Relationship.' }).waitFor();
    await remove.waitFor({ state: 'detached' });
    expect(await members.textContent()).not.toContain('James Patel');
    expect(whitfieldMembers()).not.toContain(DEMO.staff.jamesPatel);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
});
