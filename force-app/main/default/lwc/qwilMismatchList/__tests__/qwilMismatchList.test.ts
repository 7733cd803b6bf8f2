import { createElement } from 'lwc';
import QwilMismatchList from '../qwilMismatchList';
import type { Mismatch } from '../../../../../server/contracts/QwilConnectorController';

function renderList(mismatches: Mismatch[]): HTMLElement {
    const element = createElement('c-qwil-mismatch-list', { is: QwilMismatchList });
    Object.assign(element, { mismatches });
    document.body.appendChild(element);
    return element;
}

describe('c-qwil-mismatch-list', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('says what Salesforce and Qwil each say for every field that differs, and what to do', async () => {
        const element = renderList([
            { field: 'Last name', salesforce: 'Wei-Chen', qwil: 'Wei' },
            { field: 'Invitation phone', salesforce: null, qwil: '+447700010005' },
            { field: 'Email', salesforce: 'li@wei.example', qwil: null }
        ]);

        const root = element.shadowRoot!;
        expect(root.querySelector('h3')?.textContent).toBe('The Salesforce record and Qwil differ');
        expect(root.querySelector('p')?.textContent).toContain(
            'Correct the Salesforce record, or ask a Qwil administrator'
        );
        expect(Array.from(root.querySelectorAll('li'), (item) => item.textContent)).toEqual([
            'Last name: Salesforce says "Wei-Chen", Qwil says "Wei".',
            'Invitation phone: Salesforce says nothing, Qwil says "+447700010005".',
            'Email: Salesforce says "li@wei.example", Qwil says nothing.'
        ]);
        await expect(element).toBeAccessible();
    });

    it('shows nothing when the record and Qwil agree', async () => {
        const element = renderList([]);

        expect(element.shadowRoot!.querySelector('[data-id="mismatches"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
