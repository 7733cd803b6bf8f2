import { createElement } from 'lwc';
import QwilContactGroupDetail from '../qwilContactGroupDetail';
import removeStaffMember from '@salesforce/apex/QwilContactGroupsController.removeStaffMember';
import removeClientFromGroup from '@salesforce/apex/QwilContactGroupsController.removeClientFromGroup';
import deleteContactGroup from '@salesforce/apex/QwilContactGroupsController.deleteContactGroup';
import type {
    ContactGroupDetail,
    ContactGroupsChange
} from '../../../../../server/contracts/QwilContactGroupsController';
import {
    apexError,
    deferred,
    flushPromises,
    normalisedTextSeen,
    query,
    deepQuery,
    deepQueryAll,
    lightningButton,
    watchFocus
} from 'jest-support/componentTesting';
import {
    changeOf,
    JAMES_UUID,
    LAST_GROUP_REASON,
    LAST_STAFF_REASON,
    LI_UUID,
    OLIVIA_UUID,
    onlyGroupDetail,
    RECORD_ID,
    weiFamilyDetail,
    WEI_FAMILY_UUID
} from 'jest-support/data/contactGroups';
import { staffWordProblems } from 'jest-support/staffWords';

jest.mock('@salesforce/apex/QwilContactGroupsController.removeStaffMember', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilContactGroupsController.removeClientFromGroup', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilContactGroupsController.deleteContactGroup', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockRemoveStaff = jest.mocked(removeStaffMember);
const mockRemoveClient = jest.mocked(removeClientFromGroup);
const mockDelete = jest.mocked(deleteContactGroup);

type ButtonStub = HTMLElement & { label?: string; disabled?: boolean };

const dialog = (element: HTMLElement) => query(element, 'c-qwil-modal');
const dialogButton = (element: HTMLElement, label: string) => lightningButton(dialog(element)!, label);
const dialogHeading = (element: HTMLElement) => (dialog(element) as HTMLElement & { heading?: string }).heading;
const question = (element: HTMLElement) => query(element, '[data-id="confirm-question"]')?.textContent;
const memberLine = (element: HTMLElement, uuid: string) =>
    query(element, `c-qwil-contact-group-member[data-uuid="${uuid}"]`)!;
const removeButton = (element: HTMLElement, uuid: string) =>
    deepQuery<HTMLButtonElement>(memberLine(element, uuid), '[data-id="remove"]')!;

function members(element: HTMLElement): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll('[data-id="members"] li'), (row) => normalisedTextSeen(row));
}

describe('c-qwil-contact-group-detail', () => {
    let changes: jest.Mock;
    let focus: ReturnType<typeof watchFocus>;
    beforeEach(() => {
        changes = jest.fn();
        focus = watchFocus();
    });
    afterEach(() => {
        document.body.replaceChildren();
        focus.stop();
        jest.clearAllMocks();
    });

    async function render(
        detail: ContactGroupDetail = weiFamilyDetail,
        canManage = true,
        yourStaffUuid?: string
    ): Promise<HTMLElement> {
        const element = createElement('c-qwil-contact-group-detail', { is: QwilContactGroupDetail });
        Object.assign(element, { recordId: RECORD_ID, detail, canManage, yourStaffUuid });
        element.addEventListener('groupschange', changes);
        document.body.appendChild(element);
        await flushPromises();
        return element;
    }

    it("shows the group's name, identifier, description and members with their status, focusing its heading", async () => {
        const element = await render();

        expect(normalisedTextSeen(query(element, '[data-id="group-fields"]')!)).toBe(
            'Name Wei Family Identifier WeiFamily Description Li Wei and her partner'
        );
        expect(members(element)).toEqual([
            'Olivia Hart · Staff · Adviser · Active Remove Olivia Hart',
            'James Patel · Staff · Adviser · Active Remove James Patel',
            'Li Wei · Client (this record) · Active Remove client from group'
        ]);
        expect(element.shadowRoot!.activeElement).toBe(query(element, '[data-id="group-heading"]'));
        expect(staffWordProblems(normalisedTextSeen(element))).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('says "Not set" for a missing identifier or description', async () => {
        const element = await render({
            ...weiFamilyDetail,
            contactGroup: { ...weiFamilyDetail.contactGroup, identifier: null, description: null }
        });

        expect(normalisedTextSeen(query(element, '[data-id="group-fields"]')!)).toBe(
            'Name Wei Family Identifier Not set Description Not set'
        );
        await expect(element).toBeAccessible();
    });

    it('asks before removing a staff member; Cancel changes nothing and puts focus back on their Remove', async () => {
        const element = await render();

        removeButton(element, JAMES_UUID).click();
        await flushPromises();
        expect(dialogHeading(element)).toBe('Remove staff member');
        expect(question(element)).toBe(
            "Remove James Patel from Wei Family? They will no longer see this group's chats. You can add them again with Add Staff Members."
        );
        await expect(element).toBeAccessible();

        dialogButton(element, 'Cancel')!.click();
        await flushPromises();
        expect(dialog(element)).toBeNull();
        expect(mockRemoveStaff).not.toHaveBeenCalled();
        expect(changes).not.toHaveBeenCalled();
        expect(members(element)).toHaveLength(3);
        expect(element.shadowRoot!.activeElement).toBe(memberLine(element, JAMES_UUID));
    });

    it('says plainly what removing yourself means', async () => {
        const element = await render(weiFamilyDetail, true, OLIVIA_UUID);

        removeButton(element, OLIVIA_UUID).click();
        await flushPromises();

        expect(dialogHeading(element)).toBe('Remove yourself from the group');
        expect(question(element)).toBe(
            "Remove yourself from Wei Family? You will no longer see this group's chats or be able to change the group. Another staff member of the group can add you again."
        );
        expect(dialogButton(element, 'Remove me')).toBeDefined();
        await expect(element).toBeAccessible();
    });

    it('removes a staff member once confirmed, once, and passes the new state on', async () => {
        const removed = deferred<ContactGroupsChange>();
        mockRemoveStaff.mockReturnValue(removed.promise);
        const element = await render();

        removeButton(element, JAMES_UUID).click();
        await flushPromises();
        dialogButton(element, 'Remove staff member')!.click();
        dialogButton(element, 'Remove staff member')!.click();
        await flushPromises();
        expect(mockRemoveStaff.mock.calls).toEqual([
            [{ recordId: RECORD_ID, groupUuid: WEI_FAMILY_UUID, entityUserXrefUuid: JAMES_UUID }]
        ]);
        expect(dialog(element)).toHaveProperty('busy', true);

        const change = changeOf('James Patel is no longer in Wei Family.', weiFamilyDetail);
        removed.resolve(change);
        await flushPromises();
        expect(changes.mock.calls[0][0].detail).toBe(change);
        expect(dialog(element)).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('refuses to remove the last active staff member of a group with clients: no Remove, the reason instead', async () => {
        const element = await render(onlyGroupDetail);

        expect(members(element)[0]).toBe(`Olivia Hart · Staff · Adviser · Active ${LAST_STAFF_REASON}`);
        expect(deepQuery(memberLine(element, OLIVIA_UUID), '[data-id="remove"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows in the dialog why Qwil refused a removal, and changes nothing', async () => {
        mockRemoveStaff.mockRejectedValue(
            apexError('Qwil refused: this is the last active staff member of a group with clients.')
        );
        const element = await render();

        removeButton(element, JAMES_UUID).click();
        await flushPromises();
        dialogButton(element, 'Remove staff member')!.click();
        await flushPromises();

        expect(normalisedTextSeen(dialog(element)!)).toContain(
            'James Patel could not be removed Qwil refused: this is the last active staff member of a group with clients.'
        );
        expect(changes).not.toHaveBeenCalled();
        expect(members(element)).toHaveLength(3);
        await expect(element).toBeAccessible();
    });

    it('asks before taking the client out of a group that is not their last, saying what happens next', async () => {
        const change = changeOf('Li Wei is no longer in Wei Family.', null);
        mockRemoveClient.mockResolvedValue(change);
        const element = await render();

        removeButton(element, LI_UUID).click();
        await flushPromises();
        expect(mockRemoveClient).not.toHaveBeenCalled();
        expect(dialogHeading(element)).toBe('Remove client from group');
        expect(question(element)).toBe(
            "Remove Li Wei from Wei Family? Li Wei will no longer see this group's chats and stays in their other contact groups. You can add them again with Add client to a group."
        );
        await expect(element).toBeAccessible();

        dialogButton(element, 'Remove client')!.click();
        await flushPromises();

        expect(mockRemoveClient).toHaveBeenCalledWith({ recordId: RECORD_ID, groupUuid: WEI_FAMILY_UUID });
        expect(changes.mock.calls[0][0].detail).toBe(change);
    });

    it('refuses to take the client out of, or delete, their last group, and says why', async () => {
        const element = await render(onlyGroupDetail);

        expect(deepQuery(memberLine(element, LI_UUID), '[data-id="remove"]')).toBeNull();
        expect(query(element, '[data-id="delete"]')).toBeNull();
        expect(query(element, '[data-id="last-group"]')?.textContent).toBe(LAST_GROUP_REASON);
        await expect(element).toBeAccessible();
    });

    it('deletes only after confirmation; Cancel keeps the group and returns focus', async () => {
        const change = changeOf('Wei Family is deleted.', null);
        mockDelete.mockResolvedValue(change);
        const element = await render();

        query(element, '[data-id="delete"]')!.click();
        await flushPromises();
        expect(query(dialog(element)!, '[data-id="dialog"]')).not.toBeNull();
        expect(question(element)).toBe(
            'Delete Wei Family? Its members lose access to each other through this group. This cannot be undone.'
        );
        await expect(element).toBeAccessible();

        dialogButton(element, 'Cancel')!.click();
        await flushPromises();
        expect(dialog(element)).toBeNull();
        expect(mockDelete).not.toHaveBeenCalled();
        expect(focus.lastFocused()).toBe(query(element, '[data-id="delete"]'));

        query(element, '[data-id="delete"]')!.click();
        await flushPromises();
        dialogButton(element, 'Delete group')!.click();
        await flushPromises();
        expect(mockDelete).toHaveBeenCalledWith({ recordId: RECORD_ID, groupUuid: WEI_FAMILY_UUID });
        expect(changes.mock.calls[0][0].detail).toBe(change);
        expect(dialog(element)).toBeNull();
    });

    it('shows in the dialog why Qwil refused to delete, and changes nothing', async () => {
        mockDelete.mockRejectedValue(
            apexError('Qwil refused to delete Wei Family: Ming Wei would be left without a group.')
        );
        const element = await render();

        query(element, '[data-id="delete"]')!.click();
        await flushPromises();
        dialogButton(element, 'Delete group')!.click();
        await flushPromises();

        expect(normalisedTextSeen(dialog(element)!)).toContain(
            'The group could not be deleted Qwil refused to delete Wei Family: Ming Wei would be left without a group.'
        );
        expect(changes).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('opens Edit and Add Staff Members with the group, and passes on their change', async () => {
        const element = await render();

        query(element, '[data-id="edit"]')!.click();
        await flushPromises();
        expect(query(element, 'c-qwil-contact-group-editor')).toHaveProperty('group', weiFamilyDetail.contactGroup);
        await expect(element).toBeAccessible();
        query(element, 'c-qwil-contact-group-editor')!.dispatchEvent(new CustomEvent('close'));
        await flushPromises();

        query(element, '[data-id="add-staff"]')!.click();
        await flushPromises();
        const addStaff = query(element, 'c-qwil-contact-group-add-staff')!;
        expect(addStaff).toHaveProperty('groupUuid', WEI_FAMILY_UUID);
        expect(addStaff).toHaveProperty(
            'memberUuids',
            weiFamilyDetail.members.map((member) => member.entityUserXrefUuid)
        );
        const change = changeOf('Ava Collins is now in Wei Family.', weiFamilyDetail);
        addStaff.dispatchEvent(new CustomEvent('groupschange', { detail: change }));
        await flushPromises();
        expect(query(element, 'c-qwil-contact-group-add-staff')).toBeNull();
        expect(changes.mock.calls[0][0].detail).toBe(change);
        expect(focus.lastFocused()).toBe(query(element, '[data-id="add-staff"]'));
    });

    it('offers no changes when the groups are read-only', async () => {
        const element = await render(weiFamilyDetail, false);

        expect(deepQueryAll(element, 'button')).toHaveLength(0);
        expect(deepQueryAll<ButtonStub>(element, 'lightning-button').map((button) => button.label)).toEqual([
            'Back to groups'
        ]);
        expect(query(element, '[data-id="last-group"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
