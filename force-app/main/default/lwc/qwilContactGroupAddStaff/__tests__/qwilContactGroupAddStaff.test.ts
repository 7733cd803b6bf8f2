import { createElement } from 'lwc';
import QwilContactGroupAddStaff from '../qwilContactGroupAddStaff';
import addStaffMembers from '@salesforce/apex/QwilContactGroupsController.addStaffMembers';
import searchActiveStaff from '@salesforce/apex/QwilConnectorController.searchActiveStaff';
import type { StaffOption } from '../../../../../server/contracts/QwilConnectorController';
import {
    apexError,
    flushPromises,
    normalisedTextSeen,
    query,
    typeAndPause,
    useFakeClockPerTest,
    deepQuery,
    deepQueryAll
} from 'jest-support/componentTesting';
import { staffOption } from 'jest-support/data/staffOptions';
import { changeOf, OLIVIA_UUID, RECORD_ID, weiFamilyDetail, WEI_FAMILY_UUID } from 'jest-support/data/contactGroups';

jest.mock('@salesforce/apex/QwilContactGroupsController.addStaffMembers', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.searchActiveStaff', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockAdd = jest.mocked(addStaffMembers);
const mockSearch = jest.mocked(searchActiveStaff);

const SOFIA = staffOption('Sofia Reyes', '77777777-7777-4777-8777-777777777777');
const NINA = staffOption('Nina Shah', '88888888-8888-4888-8888-888888888888');
const AVA = staffOption('Ava Collins', '99999999-9999-4999-8999-999999999999', {
    status: 'pending',
    eligible: false,
    reason: 'Has not accepted their Qwil invitation yet'
});
const OLIVIA = staffOption('Olivia Hart', OLIVIA_UUID);

type ButtonStub = HTMLElement & { label?: string; disabled?: boolean };

const staffSearch = (element: HTMLElement) => query(element, 'c-qwil-staff-search')!;
const addButton = (element: HTMLElement) => deepQueryAll<ButtonStub>(element, '[data-id="confirm"]')[0]!;

async function searchStaff(element: HTMLElement, term: string): Promise<void> {
    await typeAndPause(deepQuery(staffSearch(element), 'lightning-input'), term);
}

function found(element: HTMLElement): { text: string; canAdd: boolean }[] {
    return Array.from(staffSearch(element).shadowRoot!.querySelectorAll('li'), (row) => ({
        text: normalisedTextSeen(row.querySelector('div')!),
        canAdd: !row.querySelector('button')!.disabled
    }));
}

async function choose(element: HTMLElement, person: StaffOption): Promise<void> {
    staffSearch(element)
        .shadowRoot!.querySelector<HTMLButtonElement>(`button[data-uuid="${person.entityUserXrefUuid}"]`)!
        .click();
    await flushPromises();
}

describe('c-qwil-contact-group-add-staff', () => {
    let changes: jest.Mock;
    useFakeClockPerTest();
    beforeEach(() => {
        changes = jest.fn();
        mockSearch.mockResolvedValue({ staff: [OLIVIA, SOFIA, NINA, AVA] });
    });

    async function render(): Promise<HTMLElement> {
        const element = createElement('c-qwil-contact-group-add-staff', { is: QwilContactGroupAddStaff });
        Object.assign(element, { recordId: RECORD_ID, groupUuid: WEI_FAMILY_UUID, memberUuids: [OLIVIA_UUID] });
        element.addEventListener('groupschange', changes);
        document.body.appendChild(element);
        await flushPromises();
        return element;
    }

    it('shows members and staff who are not active as unavailable, with the reason', async () => {
        const element = await render();
        await searchStaff(element, 'a');

        expect(found(element)).toEqual([
            { text: 'Olivia Hart · Adviser · Already in the group', canAdd: false },
            { text: 'Sofia Reyes · Adviser', canAdd: true },
            { text: 'Nina Shah · Adviser', canAdd: true },
            { text: 'Ava Collins · Adviser · Has not accepted their Qwil invitation yet', canAdd: false }
        ]);
        expect(addButton(element).disabled).toBe(true);
        expect(query(element, '[data-id="none-chosen"]')).not.toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('adds several chosen staff members in one change', async () => {
        const change = changeOf('Sofia Reyes, Nina Shah are now in Wei Family.', weiFamilyDetail);
        mockAdd.mockResolvedValue(change);
        const element = await render();
        await searchStaff(element, 'a');

        await choose(element, SOFIA);
        await choose(element, NINA);
        expect(normalisedTextSeen(query(element, '[data-id="chosen"]')!)).toBe(
            'Sofia Reyes · Adviser Take off Sofia Reyes Nina Shah · Adviser Take off Nina Shah'
        );
        expect(addButton(element).label).toBe('Add 2 staff members');
        jest.useRealTimers();
        await expect(element).toBeAccessible();

        addButton(element).click();
        await flushPromises();
        expect(mockAdd).toHaveBeenCalledWith({
            recordId: RECORD_ID,
            groupUuid: WEI_FAMILY_UUID,
            staffEntityUserXrefUuids: [SOFIA.entityUserXrefUuid, NINA.entityUserXrefUuid]
        });
        expect(changes.mock.calls[0][0].detail).toBe(change);
    });

    it('lets the user take someone off the list before adding', async () => {
        const element = await render();
        await searchStaff(element, 'a');
        await choose(element, SOFIA);

        deepQuery(query(element, '[data-id="chosen"]')!, `button[data-uuid="${SOFIA.entityUserXrefUuid}"]`)!.click();
        await flushPromises();

        expect(query(element, '[data-id="chosen"]')).toBeNull();
        expect(addButton(element).disabled).toBe(true);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows why the staff could not be added, keeping the choice', async () => {
        mockAdd.mockRejectedValue(apexError('Sofia Reyes is Suspended in Qwil; only Active staff can be added.'));
        const element = await render();
        await searchStaff(element, 'a');
        await choose(element, SOFIA);

        addButton(element).click();
        await flushPromises();

        expect(normalisedTextSeen(element)).toContain(
            'The staff members could not be added Sofia Reyes is Suspended in Qwil; only Active staff can be added.'
        );
        expect(query(element, '[data-id="chosen"]')).not.toBeNull();
        expect(changes).not.toHaveBeenCalled();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('says at once when more staff are chosen than can be added in one change, instead of sending them', async () => {
        const many = Array.from({ length: 21 }, (_, index) =>
            staffOption(`Adviser ${index + 1}`, `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`)
        );
        mockSearch.mockResolvedValue({ staff: many });
        const element = await render();
        await searchStaff(element, 'Adviser');
        for (const person of many) {
            staffSearch(element)
                .shadowRoot!.querySelector<HTMLButtonElement>(`button[data-uuid="${person.entityUserXrefUuid}"]`)!
                .click();
        }
        await flushPromises();

        expect(addButton(element).disabled).toBe(true);
        expect(normalisedTextSeen(element)).toContain(
            'You can add at most 20 staff members at once. Take 1 off the list, add the others, then add the rest.'
        );
        addButton(element).click();
        await flushPromises();
        expect(mockAdd).not.toHaveBeenCalled();

        deepQuery(query(element, '[data-id="chosen"]')!, `button[data-uuid="${many[0]!.entityUserXrefUuid}"]`)!.click();
        await flushPromises();
        expect(addButton(element).disabled).toBe(false);
        expect(query(element, '[data-id="over-limit"]')).toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
