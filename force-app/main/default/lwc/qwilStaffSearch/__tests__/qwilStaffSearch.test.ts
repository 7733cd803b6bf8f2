import { createElement } from 'lwc';
import QwilStaffSearch from '../qwilStaffSearch';
import searchActiveStaff from '@salesforce/apex/QwilConnectorController.searchActiveStaff';
import {
    apexError,
    flushPromises,
    normalisedTextSeen,
    typeAndPause,
    useFakeClockPerTest,
    deepQuery
} from 'jest-support/componentTesting';
import { staffOption } from 'jest-support/data/staffOptions';

jest.mock('@salesforce/apex/QwilConnectorController.searchActiveStaff', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockSearch = jest.mocked(searchActiveStaff);
const RECORD_ID = '003000000000001AAA';

const JAMES = staffOption('James Patel', '44444444-4444-4444-8444-444444444444');
const NINA = staffOption('Nina Shah', '55555555-5555-4555-8555-555555555555', {
    status: 'pending',
    eligible: false,
    reason: 'Has not accepted their Qwil invitation'
});
const OLIVIA = staffOption('Olivia Hart', '66666666-6666-4666-8666-666666666666');

function renderSearch(memberUuids: string[] = []): HTMLElement {
    const element = createElement('c-qwil-staff-search', { is: QwilStaffSearch });
    Object.assign(element, { recordId: RECORD_ID, memberUuids });
    document.body.appendChild(element);
    return element;
}

async function search(element: HTMLElement, term: string): Promise<void> {
    await typeAndPause(deepQuery(element, 'lightning-input'), term);
}

function rows(element: HTMLElement): { text: string; canAdd: boolean }[] {
    return Array.from(element.shadowRoot!.querySelectorAll('li'), (row) => ({
        text: (row.querySelector('div')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        canAdd: !row.querySelector('button')!.disabled
    }));
}

describe('c-qwil-staff-search', () => {
    useFakeClockPerTest();

    it('asks nothing until the user types', async () => {
        const element = renderSearch();
        await flushPromises();

        expect(mockSearch).not.toHaveBeenCalled();
        expect(element.shadowRoot!.querySelector('ul')).toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('offers active staff to add, and shows who cannot be added and why', async () => {
        mockSearch.mockResolvedValue({ staff: [JAMES, NINA, OLIVIA] });
        const element = renderSearch([OLIVIA.entityUserXrefUuid]);

        await search(element, 'a');

        expect(mockSearch.mock.calls).toEqual([[{ recordId: RECORD_ID, search: 'a' }]]);
        expect(rows(element)).toEqual([
            { text: 'James Patel · Adviser', canAdd: true },
            { text: 'Nina Shah · Adviser · Has not accepted their Qwil invitation', canAdd: false },
            { text: 'Olivia Hart · Adviser · Already in the group', canAdd: false }
        ]);
        expect(element.shadowRoot!.querySelector('button')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
            'Add James Patel'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('fires add with the chosen staff member', async () => {
        mockSearch.mockResolvedValue({ staff: [JAMES] });
        const element = renderSearch();
        const onAdd = jest.fn();
        element.addEventListener('add', onAdd);
        await search(element, 'james');

        element.shadowRoot!.querySelector('button')!.click();

        expect(onAdd).toHaveBeenCalledTimes(1);
        expect(onAdd.mock.calls[0][0].detail).toEqual({ staff: JAMES });
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('leaves out the separator for staff without a job title', async () => {
        mockSearch.mockResolvedValue({ staff: [{ ...JAMES, jobTitle: '' }] });
        const element = renderSearch();

        await search(element, 'james');

        expect(rows(element)).toEqual([{ text: 'James Patel', canAdd: true }]);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('says when no staff match', async () => {
        mockSearch.mockResolvedValue({ staff: [] });
        const element = renderSearch();

        await search(element, 'zz');

        expect(deepQuery(element, '[data-id="empty"]')?.textContent).toBe('No staff match "zz".');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows a failed search in an error panel', async () => {
        mockSearch.mockRejectedValue(apexError('Qwil is not reachable. Try again in a minute.'));
        const element = renderSearch();

        await search(element, 'james');

        expect(normalisedTextSeen(element)).toContain('Staff could not be searched');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
