import { createElement } from 'lwc';
import QwilContactGroupMember from '../qwilContactGroupMember';
import type { ContactGroupMember } from '../../../../../server/contracts/QwilContactGroupsController';
import { normalisedTextSeen } from 'jest-support/componentTesting';
import { james, li } from 'jest-support/data/contactGroups';

function render(member: ContactGroupMember, removable = false): HTMLElement {
    const element = createElement('c-qwil-contact-group-member', { is: QwilContactGroupMember });
    Object.assign(element, { member, removable });
    document.body.appendChild(element);
    return element;
}

describe('c-qwil-contact-group-member', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it.each([
        ['the viewed client whose job title is "Client"', li, 'Li Wei · Client (this record) · Active'],
        [
            'another client whose job title is "client"',
            { ...li, isViewedClient: false, jobTitle: 'client' },
            'Li Wei · Client · Active'
        ],
        [
            'a client with a job title of their own',
            { ...li, isViewedClient: false, jobTitle: 'Trustee' },
            'Li Wei · Client · Trustee · Active'
        ],
        ['staff without a job title', { ...james, jobTitle: '' }, 'James Patel · Staff · Active'],
        ['staff with a job title', james, 'James Patel · Staff · Adviser · Active']
    ])('says each fact once for %s', async (_case, member, line) => {
        const element = render(member);

        expect(normalisedTextSeen(element)).toBe(line);
        await expect(element).toBeAccessible();
    });

    it('names whom Remove takes out, and fires remove', async () => {
        const element = render(james, true);
        const onRemove = jest.fn();
        element.addEventListener('remove', onRemove);

        const remove = element.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="remove"]')!;
        expect(remove.textContent).toBe('Remove James Patel');
        remove.click();

        expect(onRemove).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it("offers the viewed client's removal in its own words", () => {
        const element = render(li, true);

        expect(element.shadowRoot!.querySelector('[data-id="remove"]')?.textContent).toBe('Remove client from group');
    });
});
