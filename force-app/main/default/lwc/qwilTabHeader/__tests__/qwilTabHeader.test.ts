import { createElement } from 'lwc';
import QwilTabHeader from '../qwilTabHeader';
import { normalisedTextSeen } from 'jest-support/componentTesting';

type ButtonStub = HTMLElement & { label?: string };

function renderHeader(canSwitch: boolean, organisationName: string | null = 'Harbour Wealth'): HTMLElement {
    const element = createElement('c-qwil-tab-header', { is: QwilTabHeader });
    Object.assign(element, { organisationName, staffName: 'Olivia Hart', canSwitch });
    document.body.appendChild(element);
    return element;
}

describe('c-qwil-tab-header', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('names the Qwil organisation and the user there', async () => {
        const element = renderHeader(false);

        const root = element.shadowRoot!;
        expect(root.querySelector('[data-id="organisation"]')?.textContent).toBe('Harbour Wealth');
        expect(root.querySelector('[data-id="staff"]')?.textContent).toBe('Olivia Hart');
        expect(normalisedTextSeen(element)).toBe('Qwil organisation: Harbour Wealth Acting in Qwil as: Olivia Hart');
        expect(root.querySelector('lightning-button')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('names only the user when the API key decides the organisation by itself', async () => {
        const element = renderHeader(false, null);

        const root = element.shadowRoot!;
        expect(root.querySelector('[data-id="organisation"]')).toBeNull();
        expect(root.querySelector('[data-id="staff"]')?.textContent).toBe('Olivia Hart');
        await expect(element).toBeAccessible();
    });

    it('offers Switch organisation when there is a choice, and fires switchorganisation', async () => {
        const element = renderHeader(true);
        const onSwitch = jest.fn();
        element.addEventListener('switchorganisation', onSwitch);

        const switchButton = element.shadowRoot!.querySelector<ButtonStub>('lightning-button')!;
        expect(switchButton.label).toBe('Switch organisation');
        switchButton.click();

        expect(onSwitch).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });
});
