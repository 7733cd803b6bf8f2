import { createElement } from 'lwc';
import QwilOrganisationPicker from '../qwilOrganisationPicker';
import chooseOrganisation from '@salesforce/apex/QwilConnectorController.chooseOrganisation';
import { HARBOUR, NORTHGATE } from 'jest-support/data/tabStates';
import {
    apexError,
    deferred,
    flushPromises,
    normalisedTextSeen,
    type LightningButton
} from 'jest-support/componentTesting';

jest.mock('@salesforce/apex/QwilConnectorController.chooseOrganisation', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockChoose = jest.mocked(chooseOrganisation);

function renderPicker(organisations = [HARBOUR, NORTHGATE], canCancel = false): HTMLElement {
    const element = createElement('c-qwil-organisation-picker', { is: QwilOrganisationPicker });
    Object.assign(element, { organisations, canCancel });
    document.body.appendChild(element);
    return element;
}

const organisationButtons = (element: HTMLElement) =>
    Array.from(element.shadowRoot!.querySelectorAll<LightningButton>('lightning-button[data-uuid]'));

describe('c-qwil-organisation-picker', () => {
    afterEach(() => {
        document.body.replaceChildren();
        jest.clearAllMocks();
    });

    it('offers each organisation as a button under a heading', async () => {
        const element = renderPicker();

        expect(element.shadowRoot!.querySelector('h2')?.textContent).toBe('Select a Qwil organisation');
        expect(organisationButtons(element).map((button) => button.label)).toEqual([
            'Harbour Wealth',
            'Northgate Advisers'
        ]);
        expect(element.shadowRoot!.querySelector('lightning-button:not([data-uuid])')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('saves the choice once, with every button disabled meanwhile, then fires chosen', async () => {
        const saved = deferred<null>();
        mockChoose.mockReturnValue(saved.promise);
        const element = renderPicker();
        const onChosen = jest.fn();
        element.addEventListener('chosen', onChosen);

        organisationButtons(element)[1]!.click();
        await flushPromises();
        organisationButtons(element)[0]!.click();

        expect(mockChoose.mock.calls).toEqual([[{ entityUuid: NORTHGATE.entityUuid }]]);
        expect(organisationButtons(element).every((button) => button.disabled)).toBe(true);
        saved.resolve(null);
        await flushPromises();

        expect(onChosen).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('shows why the choice failed and tries the same organisation again on Retry', async () => {
        mockChoose.mockRejectedValueOnce(
            apexError('You are no longer active staff in Northgate Advisers. Choose another organisation.')
        );
        mockChoose.mockResolvedValueOnce(null);
        const element = renderPicker();
        const onChosen = jest.fn();
        element.addEventListener('chosen', onChosen);

        organisationButtons(element)[1]!.click();
        await flushPromises();

        expect(normalisedTextSeen(element)).toContain('You are no longer active staff in Northgate Advisers.');
        expect(onChosen).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();

        element.shadowRoot!.querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(mockChoose).toHaveBeenLastCalledWith({ entityUuid: NORTHGATE.entityUuid });
        expect(onChosen).toHaveBeenCalledTimes(1);
    });

    it('lets a user who is switching keep the current organisation', async () => {
        const element = renderPicker([HARBOUR, NORTHGATE], true);
        const onCancel = jest.fn();
        element.addEventListener('cancel', onCancel);

        element.shadowRoot!.querySelector<LightningButton>('lightning-button:not([data-uuid])')!.click();

        expect(onCancel).toHaveBeenCalledTimes(1);
        expect(mockChoose).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('says what to do when there is no organisation to choose', async () => {
        const element = renderPicker([]);

        expect(element.shadowRoot!.querySelector('[data-id="no-organisations"]')?.textContent).toContain(
            'Ask your Qwil administrator to add you.'
        );
        await expect(element).toBeAccessible();
    });
});
