import { createElement } from 'lwc';
import QwilInvitationPhone, { type CheckedPhone } from '../qwilInvitationPhone';
import checkInvitationPhone from '@salesforce/apex/QwilConnectorController.checkInvitationPhone';
import { TYPING_PAUSE_MS } from 'c/qwilDebouncedRequest';
import { apexError, flushPromises, typeInto, useFakeClockPerTest } from 'jest-support/componentTesting';

jest.mock('@salesforce/apex/QwilConnectorController.checkInvitationPhone', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockCheck = jest.mocked(checkInvitationPhone);
const RECORD_ID = '003000000000001AAA';
const RECORD_PHONE = { input: '07700 010005', international: '+447700010005', problem: null };

type PhoneElement = HTMLElement & { readPhone(): Promise<CheckedPhone> };
type InputStub = HTMLElement & { value?: string; readOnly?: boolean; label?: string };

function renderPhone(editable = true): PhoneElement {
    const element = createElement('c-qwil-invitation-phone', { is: QwilInvitationPhone }) as PhoneElement;
    Object.assign(element, {
        recordId: RECORD_ID,
        editable,
        initialCheck: RECORD_PHONE,
        defaultCountry: 'GB',
        defaultCountrySource: 'the connector settings'
    });
    document.body.appendChild(element);
    return element;
}

const input = (element: HTMLElement) => element.shadowRoot!.querySelector<InputStub>('lightning-input')!;
const preview = (element: HTMLElement) => element.shadowRoot!.querySelector('[data-id="preview"]')!;

async function typeAndPause(element: HTMLElement, value: string): Promise<void> {
    typeInto(input(element), value);
    await flushPromises();
    jest.advanceTimersByTime(TYPING_PAUSE_MS);
    await flushPromises();
}

describe('c-qwil-invitation-phone', () => {
    useFakeClockPerTest();

    it("starts from the record's number and how it will be sent, without asking the server", async () => {
        const element = renderPhone();

        expect(input(element).value).toBe('07700 010005');
        expect(input(element).label).toBe('Invitation phone');
        expect(preview(element).textContent).toBe('Will be sent as +447700010005');
        expect(element.shadowRoot!.querySelector('[data-id="country-note"]')?.textContent).toBe(
            'Numbers without a country code are read as GB numbers; the default country comes from the connector settings.'
        );
        expect(mockCheck).not.toHaveBeenCalled();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('checks a typed number once typing pauses and shows how it will be sent', async () => {
        mockCheck.mockResolvedValue({ input: '07700 000123', international: '+447700000123', problem: null });
        const element = renderPhone();

        typeInto(input(element), '07700 0001');
        typeInto(input(element), '07700 000123');
        await flushPromises();
        expect(preview(element).textContent).toBe('Checking the number…');
        jest.advanceTimersByTime(TYPING_PAUSE_MS);
        await flushPromises();

        expect(mockCheck.mock.calls).toEqual([[{ recordId: RECORD_ID, phone: '07700 000123' }]]);
        expect(preview(element).textContent).toBe('Will be sent as +447700000123');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows why a number cannot be used', async () => {
        mockCheck.mockResolvedValue({ input: '12', international: null, problem: 'This is not a mobile number.' });
        const element = renderPhone();

        await typeAndPause(element, '12');

        expect(preview(element).textContent).toBe('This is not a mobile number.');
        expect(preview(element).classList).toContain('slds-text-color_error');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('says when the number could not be checked', async () => {
        mockCheck.mockRejectedValue(apexError('Qwil did not answer in time. Try again.'));
        const element = renderPhone();

        await typeAndPause(element, '07700 000123');

        expect(preview(element).textContent).toBe(
            'The number could not be checked: Qwil did not answer in time. Try again.'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('reads the number without asking again when it has been checked', async () => {
        const element = renderPhone();

        await expect(element.readPhone()).resolves.toEqual({ typed: '07700 010005', check: RECORD_PHONE });
        expect(mockCheck).not.toHaveBeenCalled();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('asks straight away, once, when read before typing has paused', async () => {
        const check = { input: '+33 6 12 34 56 78', international: '+33612345678', problem: null };
        mockCheck.mockResolvedValue(check);
        const element = renderPhone();

        typeInto(input(element), '+33 6 12 34 56 78');
        const read = await element.readPhone();
        jest.advanceTimersByTime(TYPING_PAUSE_MS);
        await flushPromises();

        expect(read).toEqual({ typed: '+33 6 12 34 56 78', check });
        expect(mockCheck).toHaveBeenCalledTimes(1);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows a number staff may not change as read-only, and says where to change it', async () => {
        const element = renderPhone(false);

        expect(input(element).readOnly).toBe(true);
        expect(element.shadowRoot!.querySelector('[data-id="read-only-note"]')?.textContent).toContain(
            'This number comes from the Salesforce record and cannot be changed here.'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
