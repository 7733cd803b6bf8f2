import { createElement } from 'lwc';
import QwilContactGroupTable from '../qwilContactGroupTable';
import { weiFamily, weiTrust, WEI_FAMILY_UUID, withheldGroup, WITHHELD_UUID } from 'jest-support/data/contactGroups';

type GroupTable = HTMLElement & { focusGroup(groupUuid: string): boolean };

function render(): GroupTable {
    const element = createElement('c-qwil-contact-group-table', { is: QwilContactGroupTable }) as GroupTable;
    Object.assign(element, {
        groups: [weiFamily, { ...weiTrust, activeStaffCount: 0, identifier: null }],
        clientName: 'Li Wei'
    });
    document.body.appendChild(element);
    return element;
}

const nameButton = (element: HTMLElement, groupUuid: string) =>
    element.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-uuid="${groupUuid}"]`)!;

describe('c-qwil-contact-group-table', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('lists each group with identifier, member count and whether clients can join', async () => {
        const element = render();

        const rows = Array.from(element.shadowRoot!.querySelectorAll('tbody tr'), (row) =>
            Array.from(row.children, (cell) => (cell.textContent ?? '').trim())
        );
        expect(rows).toEqual([
            [weiFamily.name, 'WeiFamily', `${weiFamily.memberCount} members`, 'Yes'],
            [weiTrust.name, '', `${weiTrust.memberCount} members`, 'No: clients cannot join']
        ]);
        expect(element.shadowRoot!.querySelector('caption')?.textContent?.trim()).toBe('Contact groups of Li Wei');
        await expect(element).toBeAccessible();
    });

    it('fires open with the chosen group, and puts focus back on a listed group only', () => {
        const element = render();
        const onOpen = jest.fn();
        element.addEventListener('open', onOpen);

        nameButton(element, WEI_FAMILY_UUID).click();
        expect(onOpen.mock.calls[0][0].detail).toEqual({ groupUuid: WEI_FAMILY_UUID });

        expect(element.focusGroup(WEI_FAMILY_UUID)).toBe(true);
        expect(element.shadowRoot!.activeElement).toBe(nameButton(element, WEI_FAMILY_UUID));
        expect(element.focusGroup('not-listed')).toBe(false);
    });

    it('shows a withheld group as text, with nothing to open or focus', async () => {
        const element = createElement('c-qwil-contact-group-table', { is: QwilContactGroupTable }) as GroupTable;
        Object.assign(element, { groups: [withheldGroup], clientName: 'Li Wei' });
        document.body.appendChild(element);

        const name = element.shadowRoot!.querySelector('tbody th');
        expect(name?.querySelector('[data-id="withheld"]')?.textContent).toBe(withheldGroup.name);
        expect(name?.textContent).toContain('Cannot be opened from this record.');
        expect(element.shadowRoot!.querySelectorAll('button, a, [tabindex]')).toHaveLength(0);
        expect(element.focusGroup(WITHHELD_UUID)).toBe(false);
        await expect(element).toBeAccessible();
    });
});
