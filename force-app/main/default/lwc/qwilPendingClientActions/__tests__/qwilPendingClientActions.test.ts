import { createElement } from 'lwc';
import QwilPendingClientActions from '../qwilPendingClientActions';
import resendInvitation from '@salesforce/apex/QwilConnectorController.resendInvitation';
import updateInvitationPhone from '@salesforce/apex/QwilConnectorController.updateInvitationPhone';
import checkInvitationPhone from '@salesforce/apex/QwilConnectorController.checkInvitationPhone';
import loadTab from '@salesforce/apex/QwilConnectorController.loadTab';
import type { ReadyTab, TabState } from '../../../../../server/contracts/QwilConnectorController';
import { activeTab, pendingTab, readyTab } from 'jest-support/data/tabStates';
import { pendingClientWithoutOptionalDetails } from 'jest-support/data/clientStates';
import {
    apexError,
    deferred,
    flushPromises,
    listenForToasts,
    normalisedTextSeen,
    typeInto,
    deepQueryAll,
    watchFocus
} from 'jest-support/componentTesting';

jest.mock('@salesforce/apex/QwilConnectorController.resendInvitation', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.updateInvitationPhone', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.checkInvitationPhone', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.loadTab', () => ({ default: jest.fn() }), { virtual: true });

const mockResend = jest.mocked(resendInvitation);
const mockUpdatePhone = jest.mocked(updateInvitationPhone);
const mockCheckPhone = jest.mocked(checkInvitationPhone);
const mockLoadTab = jest.mocked(loadTab);
const RECORD_ID = '003000000000001AAA';

type ButtonStub = HTMLElement & { label?: string; disabled?: boolean };

function renderActions(tab: ReadyTab = pendingTab): HTMLElement {
    const element = createElement('c-qwil-pending-client-actions', { is: QwilPendingClientActions });
    Object.assign(element, { recordId: RECORD_ID, tab });
    document.body.appendChild(element);
    return element;
}

function button(element: HTMLElement, label: string): ButtonStub | undefined {
    return deepQueryAll<ButtonStub>(element, 'lightning-button').find((candidate) => candidate.label === label);
}

const editPhoneButton = (element: HTMLElement) =>
    element.shadowRoot!.querySelector<ButtonStub>('[data-id="edit-phone"]');

async function openEditPhone(element: HTMLElement): Promise<void> {
    editPhoneButton(element)!.click();
    await flushPromises();
}

function typePhone(element: HTMLElement, value: string): void {
    typeInto(
        element.shadowRoot!.querySelector('c-qwil-invitation-phone')!.shadowRoot!.querySelector('lightning-input'),
        value
    );
}

describe('c-qwil-pending-client-actions', () => {
    const toasts = listenForToasts();
    let onTabChange: jest.Mock;

    let focus: ReturnType<typeof watchFocus>;
    beforeEach(() => {
        onTabChange = jest.fn();
        focus = watchFocus();
        document.addEventListener('lightning__showtoast', toasts);
        // After a failure the state is read again; unless a test says otherwise, nothing changed.
        mockLoadTab.mockResolvedValue(pendingTab);
    });
    afterEach(() => {
        document.body.replaceChildren();
        focus.stop();
        jest.clearAllMocks();
    });

    function render(tab?: ReadyTab): HTMLElement {
        const element = renderActions(tab);
        element.addEventListener('tabchange', onTabChange);
        return element;
    }

    it('offers Resend invitation and Edit phone when the user may do both', async () => {
        const element = render();

        expect(button(element, 'Resend invitation')).toBeDefined();
        expect(editPhoneButton(element)?.label).toBe('Edit phone');
        await expect(element).toBeAccessible();
    });

    it('offers no Edit phone when staff may not edit the number', async () => {
        const element = render({ ...pendingTab, actions: { ...pendingTab.actions, editPhone: false } });

        expect(editPhoneButton(element)).toBeNull();
        expect(button(element, 'Resend invitation')).toBeDefined();
        await expect(element).toBeAccessible();
    });

    it('resends once even on a double click, disabled while it runs, then confirms and passes on the new tab', async () => {
        const resent = deferred<TabState>();
        mockResend.mockReturnValue(resent.promise);
        const element = render();

        button(element, 'Resend invitation')!.click();
        button(element, 'Resend invitation')!.click();
        await flushPromises();

        expect(mockResend.mock.calls).toEqual([[{ recordId: RECORD_ID }]]);
        expect(button(element, 'Resending…')?.disabled).toBe(true);
        resent.resolve(pendingTab);
        await flushPromises();

        expect(button(element, 'Resend invitation')?.disabled).toBe(false);
        expect(toasts.mock.calls[0][0].detail).toEqual({
            title: 'Invitation resent',
            message: 'The client gets a new invitation link; the earlier link no longer works.',
            variant: 'success'
        });
        expect(onTabChange.mock.calls[0][0].detail).toBe(pendingTab);
        await expect(element).toBeAccessible();
    });

    it('passes on the state Qwil answers for a client who accepted meanwhile, without saying the invitation was resent', async () => {
        mockResend.mockResolvedValue(activeTab);
        const element = render();

        button(element, 'Resend invitation')!.click();
        await flushPromises();

        expect(onTabChange.mock.calls[0][0].detail).toBe(activeTab);
        expect(toasts).not.toHaveBeenCalled();
        expect(element.shadowRoot!.querySelector('c-qwil-error-panel')).toBeNull();
    });

    it('after a failed resend, shows the state Qwil has now instead of an error with Retry when the client accepted meanwhile', async () => {
        mockResend.mockRejectedValue(
            apexError('This client has status active in Qwil; you can only resend the invitation while it is pending.')
        );
        mockLoadTab.mockResolvedValue(activeTab);
        const element = render();

        button(element, 'Resend invitation')!.click();
        await flushPromises();

        expect(mockLoadTab).toHaveBeenCalledWith({ recordId: RECORD_ID });
        expect(onTabChange.mock.calls[0][0].detail).toBe(activeTab);
        expect(element.shadowRoot!.querySelector('c-qwil-error-panel')).toBeNull();
        expect(normalisedTextSeen(element)).not.toContain('status active');
        await expect(element).toBeAccessible();
    });

    it('after a failed phone change, passes on the new state when the client is no longer pending', async () => {
        mockUpdatePhone.mockRejectedValue(apexError('This client has status active in Qwil.'));
        mockCheckPhone.mockResolvedValue({ input: '07700 910006', international: '+447700910006', problem: null });
        mockLoadTab.mockResolvedValue(activeTab);
        const element = render();
        await openEditPhone(element);

        button(element, 'Save phone')!.click();
        await flushPromises();

        expect(onTabChange.mock.calls[0][0].detail).toBe(activeTab);
        expect(element.shadowRoot!.querySelector('c-qwil-error-panel')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows why resending failed, with Retry, when the client is still pending', async () => {
        mockResend.mockRejectedValue(apexError('Qwil is not reachable. Try again in a minute.'));
        const element = render();

        button(element, 'Resend invitation')!.click();
        await flushPromises();

        const text = normalisedTextSeen(element);
        expect(text).toContain('The invitation could not be resent');
        expect(text).toContain('Qwil is not reachable. Try again in a minute.');
        expect(onTabChange).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it("opens Edit phone with the record's number and the number Qwil has now", async () => {
        const pending = pendingClientWithoutOptionalDetails;
        const element = render(
            readyTab({ ...pending, client: { ...pending.client, invitationPhone: '+447700000999' } })
        );

        await openEditPhone(element);

        expect((element.shadowRoot!.querySelector('c-qwil-modal') as HTMLElement & { heading?: string }).heading).toBe(
            'Edit invitation phone'
        );
        expect(element.shadowRoot!.querySelector('[data-id="current-phone"]')?.textContent).toBe(
            'Qwil sends the invitation to +447700000999.'
        );
        const phone = element.shadowRoot!.querySelector('c-qwil-invitation-phone') as HTMLElement & {
            editable?: boolean;
            initialCheck?: unknown;
        };
        expect(phone.editable).toBe(true);
        expect(phone.initialCheck).toEqual(pendingTab.record.invitationPhone);
        await expect(element).toBeAccessible();
    });

    it('saves a checked number once, confirms, closes and puts focus back on Edit phone', async () => {
        mockCheckPhone.mockResolvedValue({ input: '07700 000123', international: '+447700000123', problem: null });
        mockUpdatePhone.mockResolvedValue(pendingTab);
        const element = render();
        await openEditPhone(element);

        typePhone(element, '07700 000123');
        button(element, 'Save phone')!.click();
        button(element, 'Save phone')!.click();
        await flushPromises();

        expect(mockUpdatePhone.mock.calls).toEqual([[{ recordId: RECORD_ID, invitationPhone: '07700 000123' }]]);
        expect(toasts.mock.calls[0][0].detail).toEqual({
            title: 'Invitation phone changed',
            message: 'The invitation is now verified with +447700000123.',
            variant: 'success'
        });
        expect(onTabChange.mock.calls[0][0].detail).toBe(pendingTab);
        expect(element.shadowRoot!.querySelector('c-qwil-modal')).toBeNull();
        expect(focus.lastFocused()).toBe(editPhoneButton(element));
        await expect(element).toBeAccessible();
    });

    it('does not save a number that cannot be used', async () => {
        mockCheckPhone.mockResolvedValue({ input: '12', international: null, problem: 'This is not a mobile number.' });
        const element = render();
        await openEditPhone(element);

        typePhone(element, '12');
        button(element, 'Save phone')!.click();
        await flushPromises();

        expect(mockUpdatePhone).not.toHaveBeenCalled();
        expect(normalisedTextSeen(element)).toContain('This is not a mobile number.');
        expect(element.shadowRoot!.querySelector('c-qwil-modal')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('keeps the dialog open with the error when saving fails', async () => {
        mockUpdatePhone.mockRejectedValue(apexError('Qwil refused the number. Check it and try again.'));
        const element = render();
        await openEditPhone(element);

        button(element, 'Save phone')!.click();
        await flushPromises();

        const text = normalisedTextSeen(element);
        expect(text).toContain('The phone number could not be changed');
        expect(text).toContain('Qwil refused the number. Check it and try again.');
        expect(button(element, 'Save phone')?.disabled).toBe(false);
        expect(onTabChange).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('closes Edit phone on Cancel and puts focus back on Edit phone', async () => {
        const element = render();
        await openEditPhone(element);

        button(element, 'Cancel')!.click();
        await flushPromises();

        expect(element.shadowRoot!.querySelector('c-qwil-modal')).toBeNull();
        expect(focus.lastFocused()).toBe(editPhoneButton(element));
        expect(mockUpdatePhone).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });
});
