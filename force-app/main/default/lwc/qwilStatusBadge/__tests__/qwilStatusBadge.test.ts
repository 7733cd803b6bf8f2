import { createElement } from 'lwc';
import QwilStatusBadge from '../qwilStatusBadge';

function renderBadge(status?: string): HTMLElement {
    const element = createElement('c-qwil-status-badge', { is: QwilStatusBadge });
    Object.assign(element, { status });
    document.body.appendChild(element);
    return element;
}

function badgeOf(element: HTMLElement): HTMLElement | null {
    return element.shadowRoot!.querySelector('.slds-badge');
}

describe('c-qwil-status-badge', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it.each([
        ['not_invited', 'Not invited', 'slds-badge_lightest'],
        ['pending', 'Pending', 'slds-theme_warning'],
        ['active', 'Active', 'slds-theme_success'],
        ['suspended', 'Suspended', 'slds-badge_inverse'],
        ['deactivated', 'Deactivated', 'slds-theme_error']
    ])('shows %s as "%s" in its own colour', async (status, label, themeClass) => {
        const element = renderBadge(status);

        const badge = badgeOf(element);
        expect(badge?.textContent).toBe(label);
        expect(badge?.classList).toContain(themeClass);
        await expect(element).toBeAccessible();
    });

    it('shows nothing until it has a status', async () => {
        const element = renderBadge(undefined);

        expect(badgeOf(element)).toBeNull();
        await expect(element).toBeAccessible();
    });
});
