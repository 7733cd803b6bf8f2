import { createElement } from 'lwc';
import QwilFeatureNotYetAvailable from '../qwilFeatureNotYetAvailable';

describe('c-qwil-feature-not-yet-available', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('shows the client status summary and says the feature is not available yet', async () => {
        const element = createElement('c-qwil-feature-not-yet-available', { is: QwilFeatureNotYetAvailable });
        Object.assign(element, { status: 'active', featureName: 'Contact groups' });
        document.body.appendChild(element);

        const summary = element.shadowRoot!.querySelector<HTMLElement & { status?: string }>(
            'c-qwil-client-status-summary'
        );
        expect(summary?.status).toBe('active');
        expect(element.shadowRoot!.textContent).toContain(
            'Contact groups are not available in this version of the Qwil Messenger connector yet.'
        );
        await expect(element).toBeAccessible();
    });
});
