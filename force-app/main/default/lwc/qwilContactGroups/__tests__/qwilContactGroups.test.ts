import { createElement } from 'lwc';
import QwilContactGroups from '../qwilContactGroups';
import loadContactGroups from '@salesforce/apex/QwilContactGroupsController.loadContactGroups';
import openContactGroup from '@salesforce/apex/QwilContactGroupsController.openContactGroup';
import type {
    ContactGroupDetail,
    ContactGroupsView
} from '../../../../../server/contracts/QwilContactGroupsController';
import {
    apexError,
    deepQuery,
    deepQueryAll,
    deferred,
    flushPromises,
    listenForToasts,
    normalisedTextSeen,
    query,
    typeInto,
    watchFocus
} from 'jest-support/componentTesting';
import {
    activeView,
    changeOf,
    RECORD_ID,
    weiFamily,
    weiFamilyDetail,
    WEI_FAMILY_UUID,
    withheldGroup,
    WITHHELD_UUID
} from 'jest-support/data/contactGroups';
import { staffWordProblems } from 'jest-support/staffWords';

jest.mock('@salesforce/apex/QwilContactGroupsController.loadContactGroups', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilContactGroupsController.openContactGroup', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/QwilContactGroupsController.searchJoinableGroups',
    () => ({ default: jest.fn(() => Promise.resolve({ groups: [] })) }),
    {
        virtual: true
    }
);

const mockLoad = jest.mocked(loadContactGroups);
const mockOpen = jest.mocked(openContactGroup);

type SpinnerStub = HTMLElement & { alternativeText?: string };
type InputStub = HTMLElement & { value?: string };

async function renderPage(view: ContactGroupsView = activeView): Promise<HTMLElement> {
    mockLoad.mockResolvedValue(view);
    const element = createElement('c-qwil-contact-groups', { is: QwilContactGroups });
    Object.assign(element, { recordId: RECORD_ID, newGroupName: 'Wei Relationship' });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const groupName = (element: HTMLElement, groupUuid: string) =>
    deepQuery<HTMLButtonElement>(element, `button[data-uuid="${groupUuid}"]`)!;

function rows(element: HTMLElement): string[] {
    return deepQueryAll(element, 'tbody tr').map((row) =>
        Array.from(row.children, (cell) => (cell.textContent ?? '').trim())
            .filter(Boolean)
            .join(' ')
    );
}

async function openWeiFamily(element: HTMLElement, detail: ContactGroupDetail = weiFamilyDetail): Promise<void> {
    mockOpen.mockResolvedValue(detail);
    groupName(element, WEI_FAMILY_UUID).click();
    await flushPromises();
}

describe('c-qwil-contact-groups', () => {
    const toasts = listenForToasts();
    afterEach(() => {
        document.body.replaceChildren();
        jest.clearAllMocks();
    });

    it('shows a spinner while the groups load', async () => {
        mockLoad.mockReturnValue(deferred<ContactGroupsView>().promise);
        const element = createElement('c-qwil-contact-groups', { is: QwilContactGroups });
        Object.assign(element, { recordId: RECORD_ID });
        document.body.appendChild(element);
        await flushPromises();

        expect(query<SpinnerStub>(element, 'lightning-spinner')?.alternativeText).toBe('Loading contact groups');
        await expect(element).toBeAccessible();
    });

    it('shows the newest record when the record changes while loading', async () => {
        const first = deferred<ContactGroupsView>();
        mockLoad.mockReturnValueOnce(first.promise).mockResolvedValueOnce({ ...activeView, clientName: 'Ming Wei' });
        const element = createElement('c-qwil-contact-groups', { is: QwilContactGroups });
        Object.assign(element, { recordId: RECORD_ID });
        document.body.appendChild(element);

        Object.assign(element, { recordId: '003000000000002AAA' });
        await flushPromises();
        first.resolve(activeView);
        await flushPromises();

        expect(mockLoad).toHaveBeenLastCalledWith({ recordId: '003000000000002AAA' });
        expect(normalisedTextSeen(element)).toContain('Groups Ming Wei is in');
    });

    it("lists the client's groups with member counts and whether each has an active staff member", async () => {
        const element = await renderPage();

        expect(mockLoad).toHaveBeenCalledWith({ recordId: RECORD_ID });
        expect(rows(element)).toEqual([
            'Wei Family WeiFamily 3 members Yes',
            'Wei Trust 2 members No: clients cannot join'
        ]);
        expect(normalisedTextSeen(element)).toContain('Groups Li Wei is in');
        expect(staffWordProblems(normalisedTextSeen(element))).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it("shows a group holding clients the user cannot read by the server's words, with no way to open it", async () => {
        const element = await renderPage({ ...activeView, groups: [weiFamily, withheldGroup] });

        expect(rows(element)).toEqual(['Wei Family WeiFamily 3 members Yes', expect.stringMatching(/ 4 members Yes$/)]);
        expect(deepQuery(element, '[data-id="withheld"]')?.textContent).toBe(
            'A group with 2 clients you cannot see in Salesforce'
        );
        expect(normalisedTextSeen(element)).toContain('Cannot be opened from this record.');
        expect(deepQuery(element, `button[data-uuid="${WITHHELD_UUID}"]`)).toBeNull();
        expect(deepQueryAll(element, 'tbody button')).toEqual([groupName(element, WEI_FAMILY_UUID)]);
        expect(staffWordProblems(normalisedTextSeen(element))).toEqual([]);
        await expect(element).toBeAccessible();

        query(element, '[data-id="create"]')!.click();
        await flushPromises();
        expect(query(element, 'c-qwil-contact-group-editor')).toHaveProperty('takenNames', ['Wei Family']);
    });

    it('filters the list by name, identifier or description as the user types, and says when nothing matches', async () => {
        const element = await renderPage();

        typeInto(query(element, 'lightning-input'), 'trust');
        await flushPromises();
        expect(rows(element)).toEqual(['Wei Trust 2 members No: clients cannot join']);

        typeInto(query(element, 'lightning-input'), 'partner');
        await flushPromises();
        expect(rows(element)).toEqual(['Wei Family WeiFamily 3 members Yes']);

        typeInto(query(element, 'lightning-input'), 'Patel');
        await flushPromises();
        expect(rows(element)).toEqual([]);
        expect(query(element, '[data-id="empty"]')?.textContent).toBe('No groups match "Patel".');
        await expect(element).toBeAccessible();
    });

    it('says why a client who is not on Qwil has no groups, and offers no changes', async () => {
        const element = await renderPage({
            ...activeView,
            clientStatus: null,
            canManage: false,
            readOnlyReason:
                'This client is not on Qwil Messenger yet, so they have no contact groups. Invite them first.',
            groups: []
        });

        expect(query(element, '[data-id="empty"]')?.textContent).toBe(
            'This client is not on Qwil Messenger yet, so they have no contact groups. Invite them first.'
        );
        expect(query(element, '[data-id="create"]')).toBeNull();
        expect(query(element, '[data-id="join"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("shows a suspended client's groups read-only, saying why", async () => {
        const reason = "Read-only: the client's access is suspended in Qwil. A Qwil administrator can restore it.";
        const element = await renderPage({
            ...activeView,
            clientStatus: 'suspended',
            canManage: false,
            readOnlyReason: reason
        });

        expect(query(element, '[data-id="read-only-note"]')?.textContent).toBe(reason);
        expect(rows(element)).toHaveLength(2);
        expect(query(element, '[data-id="create"]')).toBeNull();
        await openWeiFamily(element);
        expect(query(element, 'c-qwil-contact-group-detail')).toHaveProperty('canManage', false);
        await expect(element).toBeAccessible();
    });

    it("reads the groups again when the client's Qwil status changes, e.g. once they are invited", async () => {
        mockLoad.mockResolvedValue({
            ...activeView,
            clientStatus: null,
            canManage: false,
            readOnlyReason: 'This client is not on Qwil Messenger yet.',
            groups: []
        });
        const element = createElement('c-qwil-contact-groups', { is: QwilContactGroups });
        Object.assign(element, { recordId: RECORD_ID, clientStatus: 'not_invited' });
        document.body.appendChild(element);
        await flushPromises();
        expect(mockLoad).toHaveBeenCalledTimes(1);

        mockLoad.mockResolvedValue(activeView);
        Object.assign(element, { clientStatus: 'pending' });
        await flushPromises();

        expect(mockLoad).toHaveBeenCalledTimes(2);
        expect(rows(element)).toHaveLength(2);
        await expect(element).toBeAccessible();
    });

    it('reads the groups again when the browser tab is shown again', async () => {
        await renderPage();
        expect(mockLoad).toHaveBeenCalledTimes(1);
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        await flushPromises();
        expect(mockLoad).toHaveBeenCalledTimes(2);
    });

    it('shows why the groups could not be loaded and loads again on Retry', async () => {
        mockLoad.mockRejectedValueOnce(apexError('Qwil did not answer in time. Try again in a moment.'));
        const element = createElement('c-qwil-contact-groups', { is: QwilContactGroups });
        Object.assign(element, { recordId: RECORD_ID });
        document.body.appendChild(element);
        await flushPromises();

        expect(normalisedTextSeen(element)).toContain(
            'Contact groups could not be loaded Qwil did not answer in time. Try again in a moment.'
        );
        mockLoad.mockResolvedValue(activeView);
        query(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(rows(element)).toHaveLength(2);
        await expect(element).toBeAccessible();
    });

    it('opens a group from its name and goes back to the list, focus following', async () => {
        const element = await renderPage();

        await openWeiFamily(element);
        expect(mockOpen).toHaveBeenCalledWith({ recordId: RECORD_ID, groupUuid: WEI_FAMILY_UUID });
        const detail = query(element, 'c-qwil-contact-group-detail')!;
        expect(detail).toHaveProperty('detail', weiFamilyDetail);
        expect(deepQuery(element, 'table')).toBeNull();
        await expect(element).toBeAccessible();

        detail.dispatchEvent(new CustomEvent('back'));
        await flushPromises();
        expect(rows(element)).toHaveLength(2);
        const table = query(element, 'c-qwil-contact-group-table')!;
        expect(element.shadowRoot!.activeElement).toBe(table);
        expect(table.shadowRoot!.activeElement).toBe(groupName(element, WEI_FAMILY_UUID));
    });

    it('says why a group could not be opened', async () => {
        const element = await renderPage();
        mockOpen.mockRejectedValue(apexError("This group is not one of Li Wei's groups."));
        groupName(element, WEI_FAMILY_UUID).click();
        await flushPromises();

        expect(normalisedTextSeen(element)).toContain(
            "The group could not be opened This group is not one of Li Wei's groups."
        );
        await expect(element).toBeAccessible();
    });

    it('shows a change at once in the list and the opened group, with a toast', async () => {
        const element = await renderPage();
        await openWeiFamily(element);
        const renamed = { ...weiFamilyDetail, contactGroup: { ...weiFamily, name: 'Wei Household', memberCount: 4 } };

        query(element, 'c-qwil-contact-group-detail')!.dispatchEvent(
            new CustomEvent('groupschange', {
                detail: changeOf('Wei Household is saved.', renamed, [renamed.contactGroup])
            })
        );
        await flushPromises();

        expect(query(element, 'c-qwil-contact-group-detail')).toHaveProperty('detail', renamed);
        expect(toasts.mock.calls[0][0].detail).toEqual({
            title: 'Contact groups updated',
            message: 'Wei Household is saved.',
            variant: 'success'
        });
        query(element, 'c-qwil-contact-group-detail')!.dispatchEvent(new CustomEvent('back'));
        await flushPromises();
        expect(rows(element)).toEqual(['Wei Household WeiFamily 4 members Yes']);
        await expect(element).toBeAccessible();
    });

    it('returns to the list when a change closes the group (deleted, or the client left it)', async () => {
        const element = await renderPage();
        await openWeiFamily(element);

        query(element, 'c-qwil-contact-group-detail')!.dispatchEvent(
            new CustomEvent('groupschange', {
                detail: changeOf('Wei Family is deleted.', null, [activeView.groups[1]!])
            })
        );
        await flushPromises();

        expect(rows(element)).toEqual(['Wei Trust 2 members No: clients cannot join']);
        expect(element.shadowRoot!.activeElement).toBe(query(element, '[data-id="list-heading"]'));
        await expect(element).toBeAccessible();
    });

    it('opens New group with the same default name as the invite flow, telling it which names are taken', async () => {
        const element = await renderPage();

        query(element, '[data-id="create"]')!.click();
        await flushPromises();

        const editor = query(element, 'c-qwil-contact-group-editor')!;
        expect(editor).toHaveProperty('defaultName', 'Wei Relationship');
        expect(editor).toHaveProperty(
            'takenNames',
            activeView.groups.map((group) => group.name)
        );
        expect(editor.shadowRoot!.querySelector<InputStub>('[data-id="name"]')?.value).toBe('Wei Relationship');
        await expect(element).toBeAccessible();
        const focus = watchFocus();
        editor.dispatchEvent(new CustomEvent('close'));
        await flushPromises();
        expect(query(element, 'c-qwil-contact-group-editor')).toBeNull();
        expect(focus.lastFocused()).toBe(query(element, '[data-id="create"]'));
        focus.stop();
    });

    it('opens Add client to a group, and shows the client in the new group once added', async () => {
        const element = await renderPage();

        query(element, '[data-id="join"]')!.click();
        await flushPromises();
        const join = query(element, 'c-qwil-contact-group-join')!;
        expect(join).not.toBeNull();
        await expect(element).toBeAccessible();

        join.dispatchEvent(
            new CustomEvent('groupschange', { detail: changeOf('Li Wei is now in Wei Family.', weiFamilyDetail) })
        );
        await flushPromises();
        expect(query(element, 'c-qwil-contact-group-join')).toBeNull();
        expect(query(element, 'c-qwil-contact-group-detail')).toHaveProperty('detail', weiFamilyDetail);
        expect(toasts).toHaveBeenCalledTimes(1);
    });
});
