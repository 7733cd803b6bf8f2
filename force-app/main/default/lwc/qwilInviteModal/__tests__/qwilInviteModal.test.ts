import { createElement } from 'lwc';
import QwilInviteModal from '../qwilInviteModal';
import inviteClient from '@salesforce/apex/QwilConnectorController.inviteClient';
import checkInvitationPhone from '@salesforce/apex/QwilConnectorController.checkInvitationPhone';
import searchInviteGroups from '@salesforce/apex/QwilConnectorController.searchInviteGroups';
import type { ReadyTab, TabState } from '../../../../../server/contracts/QwilConnectorController';
import { HARBOUR, NORTHGATE, notInvitedTab, OLIVIA_UUID, pendingTab } from 'jest-support/data/tabStates';
import {
    apexError,
    deferred,
    flushPromises,
    listenForToasts,
    normalisedTextSeen,
    typeInto,
    deepQuery,
    lightningButton
} from 'jest-support/componentTesting';

jest.mock('@salesforce/apex/QwilConnectorController.inviteClient', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilConnectorController.checkInvitationPhone', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.searchInviteGroups', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.searchActiveStaff', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockInvite = jest.mocked(inviteClient);
const mockCheckPhone = jest.mocked(checkInvitationPhone);
const RECORD_ID = '003000000000001AAA';
const WEI_FAMILY_UUID = '11111111-1111-4111-8111-111111111111';

type ButtonStub = HTMLElement & { label?: string; disabled?: boolean };
type InputStub = HTMLElement & { value?: string; readOnly?: boolean };

async function renderModal(tab: ReadyTab = notInvitedTab): Promise<HTMLElement> {
    jest.mocked(searchInviteGroups).mockResolvedValue({
        groups: [{ groupUuid: WEI_FAMILY_UUID, name: 'Wei Family', memberCount: 2, eligible: true, reason: null }]
    });
    const element = createElement('c-qwil-invite-modal', { is: QwilInviteModal });
    Object.assign(element, { recordId: RECORD_ID, tab });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function child(element: HTMLElement, selector: string): HTMLElement {
    return element.shadowRoot!.querySelector<HTMLElement>(selector)!;
}

function button(element: HTMLElement, label: string): ButtonStub {
    const found = lightningButton(element, label);
    if (!found) throw new Error(`No ${label} button`);
    return found;
}

function tickExistingGroup(element: HTMLElement): void {
    const box = child(element, 'c-qwil-invite-group-search').shadowRoot!.querySelector<HTMLInputElement>(
        `input[data-uuid="${WEI_FAMILY_UUID}"]`
    )!;
    box.checked = true;
    box.dispatchEvent(new CustomEvent('change'));
}

function untickNewGroup(element: HTMLElement): void {
    child(element, 'c-qwil-new-group-editor')
        .shadowRoot!.querySelector('[data-id="creating"]')!
        .dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
}

function jobTitleInput(element: HTMLElement): InputStub {
    return Array.from(element.shadowRoot!.querySelectorAll<InputStub & { label?: string }>('lightning-input')).find(
        (input) => input.label === 'Job title'
    )!;
}

function problemsShown(element: HTMLElement): string[] {
    return Array.from(
        element.shadowRoot!.querySelectorAll('[data-id="problems"] li'),
        (item) => item.textContent ?? ''
    );
}

describe('c-qwil-invite-modal', () => {
    const toasts = listenForToasts();
    afterEach(() => {
        document.body.replaceChildren();
        jest.clearAllMocks();
    });

    it('shows the names and email from the record read-only, with the phone, job title and groups to fill in', async () => {
        const element = await renderModal();

        expect((child(element, 'c-qwil-modal') as HTMLElement & { heading?: string }).heading).toBe(
            'Invite to Qwil Messenger'
        );
        const recordValues = Array.from(
            element.shadowRoot!.querySelectorAll('[data-id="record-values"] dd'),
            (value) => value.textContent
        );
        expect(recordValues).toEqual(['Li', 'Wei', 'li.wei@example.com']);
        expect(
            element.shadowRoot!.querySelector(
                '[data-id="record-values"] input, [data-id="record-values"] lightning-input'
            )
        ).toBeNull();
        const text = normalisedTextSeen(element);
        expect(text).toContain('These come from the Salesforce record and cannot be changed here.');
        expect(text).toContain('Will be sent as +447700010005');
        expect(text).toContain('The client must be in at least one contact group that has an active staff member.');
        expect(child(element, '[data-id="groups-legend"]').textContent).toBe('Contact Groups');
        expect(jobTitleInput(element).value).toBe('Client');
        const phone = child(element, 'c-qwil-invitation-phone') as HTMLElement & {
            editable?: boolean;
            defaultCountrySource?: string;
        };
        expect([phone.editable, phone.defaultCountrySource]).toEqual([true, 'the connector settings']);
        const newGroup = child(element, 'c-qwil-new-group-editor') as HTMLElement & {
            defaultName?: string;
            startingMembers?: unknown[];
        };
        expect(newGroup.defaultName).toBe('Wei Relationship');
        expect(newGroup.startingMembers).toEqual([notInvitedTab.staff]);
        await expect(element).toBeAccessible();
    });

    it('asks which Qwil organisation to invite into when there are several, the current one first chosen', async () => {
        const element = await renderModal({
            ...notInvitedTab,
            organisation: NORTHGATE,
            switchableOrganisations: [HARBOUR, NORTHGATE]
        });
        const select = element.shadowRoot!.querySelector<HTMLSelectElement>('select[data-id="organisation"]')!;
        const onChange = jest.fn();
        element.addEventListener('organisationchange', onChange);

        const label = select.closest('.slds-form-element')!.querySelector('label')!;
        expect(label.textContent).toBe('Qwil organisation');
        expect(label.htmlFor).toBe(select.id);
        expect(Array.from(select.options, (option) => [option.textContent?.trim(), option.selected])).toEqual([
            ['Northgate Advisers', true],
            ['Harbour Wealth', false]
        ]);
        select.value = HARBOUR.entityUuid;
        select.dispatchEvent(new CustomEvent('change'));

        expect(onChange.mock.calls[0][0].detail).toEqual({ entityUuid: HARBOUR.entityUuid });
        await expect(element).toBeAccessible();
    });

    it('asks for no organisation when the user works in one', async () => {
        const element = await renderModal();
        expect(element.shadowRoot!.querySelector('select[data-id="organisation"]')).toBeNull();
    });

    it('says which record values are missing', async () => {
        const element = await renderModal({ ...notInvitedTab, record: { ...notInvitedTab.record, firstName: null } });

        expect(element.shadowRoot!.querySelector('[data-id="record-values"] dd')?.textContent).toBe(
            'Not on the record'
        );
        await expect(element).toBeAccessible();
    });

    it('starts a new group without the inviting user when the settings say so', async () => {
        const element = await renderModal({
            ...notInvitedTab,
            invite: { ...notInvitedTab.invite, addInvitingUser: false }
        });

        expect(
            (child(element, 'c-qwil-new-group-editor') as HTMLElement & { startingMembers?: unknown[] }).startingMembers
        ).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it.each(['Back', 'Cancel'])('closes on %s without sending', async (label) => {
        const element = await renderModal();
        const onClose = jest.fn();
        element.addEventListener('close', onClose);

        button(element, label).click();

        expect(onClose).toHaveBeenCalledTimes(1);
        expect(mockInvite).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('closes when the dialog is dismissed with Escape or its close button', async () => {
        const element = await renderModal();
        const onClose = jest.fn();
        element.addEventListener('close', onClose);

        child(element, 'c-qwil-modal').dispatchEvent(new CustomEvent('close'));

        expect(onClose).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('wraps Shift+Tab from the start of the dialog round to Send invitation', async () => {
        const element = await renderModal();
        const focusSend = jest.spyOn(button(element, 'Send invitation'), 'focus');

        child(element, 'c-qwil-modal').shadowRoot!.querySelector<HTMLElement>('[data-id="start-guard"]')!.focus();

        expect(focusSend).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('sends the invitation once, with exactly what the user chose, even on a double click', async () => {
        mockInvite.mockResolvedValue(pendingTab);
        const element = await renderModal();
        const onTabChange = jest.fn();
        element.addEventListener('tabchange', onTabChange);
        tickExistingGroup(element);
        typeInto(jobTitleInput(element), '  Private client ');

        button(element, 'Send invitation').click();
        button(element, 'Send invitation').click();
        await flushPromises();

        expect(mockInvite.mock.calls).toEqual([
            [
                {
                    recordId: RECORD_ID,
                    jobTitle: 'Private client',
                    invitationPhone: '07700 010005',
                    groupUuids: [WEI_FAMILY_UUID],
                    newGroup: { name: 'Wei Relationship', staffEntityUserXrefUuids: [OLIVIA_UUID] }
                }
            ]
        ]);
        expect(mockCheckPhone).not.toHaveBeenCalled();
        expect(toasts).toHaveBeenCalledTimes(1);
        expect(toasts.mock.calls[0][0].detail).toEqual({
            title: 'Invitation sent',
            message: 'Li Wei is invited to Qwil Messenger and shows as pending until they join.',
            variant: 'success'
        });
        expect(onTabChange).toHaveBeenCalledTimes(1);
        expect(onTabChange.mock.calls[0][0].detail).toBe(pendingTab);
        await expect(element).toBeAccessible();
    });

    it('checks a number typed just before sending and sends it as typed', async () => {
        mockCheckPhone.mockResolvedValue({ input: '07700 000123', international: '+447700000123', problem: null });
        mockInvite.mockResolvedValue(pendingTab);
        const element = await renderModal();
        const phoneInput = child(element, 'c-qwil-invitation-phone').shadowRoot!.querySelector('lightning-input');

        typeInto(phoneInput, '07700 000123');
        button(element, 'Send invitation').click();
        await flushPromises();

        expect(mockCheckPhone).toHaveBeenCalledWith({ recordId: RECORD_ID, phone: '07700 000123' });
        expect(mockInvite).toHaveBeenCalledWith(expect.objectContaining({ invitationPhone: '07700 000123' }));
        await expect(element).toBeAccessible();
    });

    it('sends no phone of its own when staff may not edit it', async () => {
        mockInvite.mockResolvedValue(pendingTab);
        const element = await renderModal({
            ...notInvitedTab,
            invite: { ...notInvitedTab.invite, phoneEditable: false }
        });

        button(element, 'Send invitation').click();
        await flushPromises();

        expect(mockInvite).toHaveBeenCalledWith(expect.objectContaining({ invitationPhone: null }));
        await expect(element).toBeAccessible();
    });

    it('shows a spinner and disables Send while sending', async () => {
        mockInvite.mockReturnValue(deferred<TabState>().promise);
        const element = await renderModal();

        button(element, 'Send invitation').click();
        await flushPromises();

        expect(button(element, 'Send invitation').disabled).toBe(true);
        expect(
            deepQuery<HTMLElement & { alternativeText?: string }>(element, 'lightning-spinner')?.alternativeText
        ).toBe('Sending the invitation');
        await expect(element).toBeAccessible();
    });

    it('asks for a job title and at least one group before sending', async () => {
        const element = await renderModal();
        typeInto(jobTitleInput(element), '   ');
        untickNewGroup(element);
        await flushPromises();

        button(element, 'Send invitation').click();
        await flushPromises();

        expect(problemsShown(element)).toEqual([
            'Enter a job title.',
            'Choose at least one existing contact group or create a new group.'
        ]);
        expect(mockInvite).not.toHaveBeenCalled();
        expect(button(element, 'Send invitation').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('asks for a name and a staff member for a new group', async () => {
        const element = await renderModal({
            ...notInvitedTab,
            invite: { ...notInvitedTab.invite, addInvitingUser: false }
        });
        typeInto(child(element, 'c-qwil-new-group-editor').shadowRoot!.querySelector('[data-id="group-name"]'), '');
        await flushPromises();

        button(element, 'Send invitation').click();
        await flushPromises();

        expect(problemsShown(element)).toEqual([
            'Enter a name for the new group.',
            'Add at least one active staff member to the new group.'
        ]);
        expect(mockInvite).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it("refuses to send a phone number that cannot be used, and says to fix the record's number when it is read-only", async () => {
        const problem = 'The number must start with + and the country code.';
        const element = await renderModal({
            ...notInvitedTab,
            record: { ...notInvitedTab.record, invitationPhone: { input: '12', international: null, problem } },
            invite: { ...notInvitedTab.invite, phoneEditable: false }
        });

        button(element, 'Send invitation').click();
        await flushPromises();

        expect(problemsShown(element)).toEqual([
            `Invitation phone: ${problem} Fix the number on the Salesforce record.`
        ]);
        expect(mockInvite).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('keeps everything typed and shows the error when sending fails, and sends again on Retry', async () => {
        mockInvite
            .mockRejectedValueOnce(
                apexError('This email address is already used in Qwil. Ask your Qwil administrator.')
            )
            .mockResolvedValueOnce(pendingTab);
        const element = await renderModal();
        const onTabChange = jest.fn();
        element.addEventListener('tabchange', onTabChange);
        typeInto(jobTitleInput(element), 'Trustee');
        tickExistingGroup(element);

        button(element, 'Send invitation').click();
        await flushPromises();

        const text = normalisedTextSeen(element);
        expect(text).toContain('The invitation could not be sent');
        expect(text).toContain('This email address is already used in Qwil. Ask your Qwil administrator.');
        expect(jobTitleInput(element).value).toBe('Trustee');
        expect(
            (child(element, 'c-qwil-invite-group-search') as HTMLElement & { selectedGroupUuids?: string[] })
                .selectedGroupUuids
        ).toEqual([WEI_FAMILY_UUID]);
        expect(button(element, 'Send invitation').disabled).toBe(false);
        expect(onTabChange).not.toHaveBeenCalled();
        expect(toasts).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();

        deepQuery(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(mockInvite).toHaveBeenCalledTimes(2);
        expect(mockInvite.mock.calls[1]).toEqual(mockInvite.mock.calls[0]);
        expect(onTabChange).toHaveBeenCalledTimes(1);
    });
});
