import { createElement } from 'lwc';
import QwilPendingClientActions from '../qwilPendingClientActions';
import resendInvitation from '@salesforce/apex/QwilConnectorController.resendInvitation';
import updateInvitationPhone from '@salesforce/apex/QwilConnectorController.updateInvitationPhone';
import checkInvitationPhone from '@salesforce/apex/QwilConnectorController.checkInvitationPhone';
import type { ReadyTab, TabState } from '../../../../../server/contracts/qwilTab';
import { pendingTab, readyTab } from '../../qwilChatTabsMenu/__tests__/support/tabStates';
import { pendingClientWithoutOptionalDetails } from '../../qwilClientDetails/__tests__/data/clientStates';
import {
    apexError,
    deferred,
    flushPromises,
    normalisedTextSeen,
    typeInto,
    deepQueryAll,
    watchFocus
} from '../../qwilChatTabsMenu/__tests__/support/componentTesting';

jest.mock('@salesforce/apex/QwilConnectorController.resendInvitation', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.updateInvitationPhone', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.checkInvitationPhone', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockResend = jest.mocked(resendInvitation);
const mockUpdatePhone = jest.mocked(updateInvitationPhone);
const mockCheckPhone = jest.mocked(checkInvitationPhone);
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
    let toasts: jest.Mock;
    let onTabChange: jest.Mock;

    let focus: ReturnType<typeof watchFocus>;
    beforeEach(() => {
        toasts = jest.fn();
        onTabChange = jest.fn();
        focus = watchFocus();
        document.addEventListener('lightning__showtoast', toasts);
    });
    afterEach(() => {
        document.removeEventListener('lightning__showtoast', toasts);
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

    it('shows why resending failed', async () => {
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
            readyTab({ ...pending, client: { ...pending.client, invitationPhone: '+447700900999' } })
        );

        await openEditPhone(element);

        expect((element.shadowRoot!.querySelector('c-qwil-modal') as HTMLElement & { heading?: string }).heading).toBe(
            'Edit invitation phone'
        );
        expect(element.shadowRoot!.querySelector('[data-id="current-phone"]')?.textContent).toBe(
            'Qwil sends the invitation to +447700900999.'
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
        mockCheckPhone.mockResolvedValue({ input: '07700 900123', international: '+447700900123', problem: null });
        mockUpdatePhone.mockResolvedValue(pendingTab);
        const element = render();
        await openEditPhone(element);

        typePhone(element, '07700 900123');
        button(element, 'Save phone')!.click();
        button(element, 'Save phone')!.click();
        await flushPromises();

        expect(mockUpdatePhone.mock.calls).toEqual([[{ recordId: RECORD_ID, invitationPhone: '07700 900123' }]]);
        expect(toasts.mock.calls[0][0].detail).toEqual({
            title: 'Invitation phone changed',
            message: 'The invitation is now verified with +447700900123.',
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
