import { createElement } from 'lwc';
import searchInviteGroups from '@salesforce/apex/QwilConnectorController.searchInviteGroups';
import QwilNewGroupEditor, { type NewGroup } from '../qwilNewGroupEditor';
import { flushPromises, typeInto, deepQuery, deepQueryAll } from 'jest-support/componentTesting';

jest.mock('@salesforce/apex/QwilConnectorController.searchActiveStaff', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.searchInviteGroups', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockSearchGroups = jest.mocked(searchInviteGroups);
const groupNamed = (name: string) => ({
    groupUuid: '77777777-7777-4777-8777-777777777777',
    name,
    memberCount: 2,
    eligible: true,
    reason: null
});

const RECORD_ID = '003000000000001AAA';
const OLIVIA = {
    entityUserXrefUuid: '66666666-6666-4666-8666-666666666666',
    name: 'Olivia Hart',
    jobTitle: 'Relationship manager'
};
const JAMES = {
    entityUserXrefUuid: '44444444-4444-4444-8444-444444444444',
    name: 'James Patel',
    jobTitle: 'Adviser',
    status: 'active',
    eligible: true,
    reason: null
};

type EditorElement = HTMLElement & { newGroup: NewGroup | null };
type InputStub = HTMLElement & { value?: string; checked?: boolean; required?: boolean };

function renderEditor(defaultName: string | null = 'Wei Relationship', startingMembers = [OLIVIA]): EditorElement {
    const element = createElement('c-qwil-new-group-editor', { is: QwilNewGroupEditor }) as EditorElement;
    Object.assign(element, { recordId: RECORD_ID, defaultName, startingMembers });
    document.body.appendChild(element);
    return element;
}

const creatingBox = (element: HTMLElement) => element.shadowRoot!.querySelector<InputStub>('[data-id="creating"]')!;
const nameInput = (element: HTMLElement) => element.shadowRoot!.querySelector<InputStub>('[data-id="group-name"]')!;
const memberNames = (element: HTMLElement) =>
    deepQueryAll(element, 'li').map((row) => row.querySelector('span')?.textContent);

describe('c-qwil-new-group-editor', () => {
    beforeEach(() => mockSearchGroups.mockResolvedValue({ groups: [] }));

    afterEach(() => {
        document.body.replaceChildren();
        jest.clearAllMocks();
    });

    it('suggests the first free name when a group already has the suggested one', async () => {
        mockSearchGroups.mockResolvedValue({
            groups: [groupNamed('Wei Relationship'), groupNamed('Wei Relationship 2'), groupNamed('Wei Family')]
        });
        const element = renderEditor();
        await flushPromises();

        expect(mockSearchGroups).toHaveBeenCalledWith({ recordId: RECORD_ID, search: 'Wei Relationship' });
        expect(nameInput(element).value).toBe('Wei Relationship 3');
        expect(element.newGroup?.name).toBe('Wei Relationship 3');
    });

    it('keeps a name the user typed while the taken names were being looked up, and the suggestion when the lookup fails', async () => {
        mockSearchGroups.mockResolvedValue({ groups: [groupNamed('Wei Relationship')] });
        const typed = renderEditor();
        typeInto(nameInput(typed), 'Wei Household');
        await flushPromises();
        expect(typed.newGroup?.name).toBe('Wei Household');

        document.body.replaceChildren();
        mockSearchGroups.mockRejectedValue(new Error('Qwil is unavailable'));
        const failed = renderEditor();
        await flushPromises();
        expect(nameInput(failed).value).toBe('Wei Relationship');
    });

    it('starts creating a group with the suggested name and the inviting user in it', async () => {
        const element = renderEditor();

        expect(creatingBox(element).checked).toBe(true);
        expect(nameInput(element).value).toBe('Wei Relationship');
        expect(nameInput(element).required).toBe(true);
        expect(memberNames(element)).toEqual(['Olivia Hart']);
        expect(element.newGroup).toEqual({
            name: 'Wei Relationship',
            staffEntityUserXrefUuids: [OLIVIA.entityUserXrefUuid]
        });
        await expect(element).toBeAccessible();
    });

    it('starts without a new group when no name is suggested', async () => {
        const element = renderEditor(null, []);

        expect(creatingBox(element).checked).toBe(false);
        expect(nameInput(element)).toBeNull();
        expect(element.newGroup).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('lets the user rename the group, remove the inviting user and add staff found by search', async () => {
        const element = renderEditor();

        typeInto(nameInput(element), '  Wei Household ');
        deepQuery<HTMLButtonElement>(element, `button[data-uuid="${OLIVIA.entityUserXrefUuid}"]`)!.click();
        await flushPromises();
        expect(element.shadowRoot!.querySelector('[data-id="no-members"]')?.textContent).toContain(
            'A group needs at least one active staff member'
        );
        const staffSearch = element.shadowRoot!.querySelector<HTMLElement & { memberUuids?: string[] }>(
            'c-qwil-staff-search'
        )!;
        staffSearch.dispatchEvent(new CustomEvent('add', { detail: { staff: JAMES } }));
        staffSearch.dispatchEvent(new CustomEvent('add', { detail: { staff: JAMES } }));
        await flushPromises();

        expect(memberNames(element)).toEqual(['James Patel']);
        expect(staffSearch.memberUuids).toEqual([JAMES.entityUserXrefUuid]);
        expect(element.newGroup).toEqual({
            name: 'Wei Household',
            staffEntityUserXrefUuids: [JAMES.entityUserXrefUuid]
        });
        await expect(element).toBeAccessible();
    });

    it('creates no group once unticked', async () => {
        const element = renderEditor();

        creatingBox(element).dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        await flushPromises();

        expect(element.newGroup).toBeNull();
        expect(element.shadowRoot!.querySelector('c-qwil-staff-search')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
