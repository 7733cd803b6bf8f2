import { createElement } from 'lwc';
import QwilContactGroupJoin from '../qwilContactGroupJoin';
import searchJoinableGroups from '@salesforce/apex/QwilContactGroupsController.searchJoinableGroups';
import addClientToGroup from '@salesforce/apex/QwilContactGroupsController.addClientToGroup';
import type { JoinableGroup } from '../../../../../server/contracts/QwilContactGroupsController';
import {
    apexError,
    flushPromises,
    normalisedTextSeen,
    query,
    typeAndPause,
    deepQuery
} from 'jest-support/componentTesting';
import {
    changeOf,
    ONBOARDING_UUID,
    RECORD_ID,
    weiFamilyDetail,
    WEI_FAMILY_UUID
} from 'jest-support/data/contactGroups';

jest.mock('@salesforce/apex/QwilContactGroupsController.searchJoinableGroups', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilContactGroupsController.addClientToGroup', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockSearch = jest.mocked(searchJoinableGroups);
const mockAdd = jest.mocked(addClientToGroup);

const ADVISORY: JoinableGroup = {
    groupUuid: WEI_FAMILY_UUID,
    name: 'Advisory Desk',
    memberCount: 3,
    eligible: true,
    reason: null
};
const ONBOARDING: JoinableGroup = {
    groupUuid: ONBOARDING_UUID,
    name: 'Onboarding',
    memberCount: 1,
    eligible: false,
    reason: 'No active staff member: a client can only join a group that has one'
};

function rows(element: HTMLElement): { text: string; canAdd: boolean }[] {
    return Array.from(element.shadowRoot!.querySelectorAll('[data-id="groups"] li'), (row) => ({
        text: normalisedTextSeen(row.querySelector('div')!),
        canAdd: !row.querySelector('button')!.disabled
    }));
}

describe('c-qwil-contact-group-join', () => {
    let changes: jest.Mock;
    beforeEach(() => {
        changes = jest.fn();
        mockSearch.mockResolvedValue({ groups: [ADVISORY, ONBOARDING] });
    });
    afterEach(() => {
        jest.useRealTimers();
        document.body.replaceChildren();
        jest.clearAllMocks();
    });

    async function render(): Promise<HTMLElement> {
        const element = createElement('c-qwil-contact-group-join', { is: QwilContactGroupJoin });
        Object.assign(element, { recordId: RECORD_ID });
        element.addEventListener('groupschange', changes);
        document.body.appendChild(element);
        await flushPromises();
        return element;
    }

    it('lists the other groups; one without an active staff member cannot be chosen and says why', async () => {
        const element = await render();

        expect(mockSearch).toHaveBeenCalledWith({ recordId: RECORD_ID, search: '' });
        expect(rows(element)).toEqual([
            { text: 'Advisory Desk · 3 members', canAdd: true },
            {
                text: 'Onboarding · 1 member · No active staff member: a client can only join a group that has one',
                canAdd: false
            }
        ]);
        await expect(element).toBeAccessible();
    });

    it('searches as the user types', async () => {
        jest.useFakeTimers({ doNotFake: ['setImmediate'] });
        const element = await render();
        mockSearch.mockResolvedValue({ groups: [] });

        await typeAndPause(deepQuery(element, 'lightning-input'), 'zzz');

        expect(mockSearch).toHaveBeenLastCalledWith({ recordId: RECORD_ID, search: 'zzz' });
        expect(deepQuery(element, '[data-id="empty"]')?.textContent).toBe('No other groups match "zzz".');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('adds the client to the chosen group and passes the new state on', async () => {
        const change = changeOf('Li Wei is now in Advisory Desk.', weiFamilyDetail);
        mockAdd.mockResolvedValue(change);
        const element = await render();

        query(element, `button[data-uuid="${WEI_FAMILY_UUID}"]`)!.click();
        await flushPromises();

        expect(mockAdd).toHaveBeenCalledWith({ recordId: RECORD_ID, groupUuid: WEI_FAMILY_UUID });
        expect(changes.mock.calls[0][0].detail).toBe(change);
        await expect(element).toBeAccessible();
    });

    it('shows why Qwil refused, changes nothing, and tries the same group again on Retry', async () => {
        mockAdd.mockRejectedValueOnce(
            apexError('Qwil refused: a client must always be in at least one group that has an active staff member.')
        );
        const element = await render();

        query(element, `button[data-uuid="${WEI_FAMILY_UUID}"]`)!.click();
        await flushPromises();
        expect(normalisedTextSeen(element)).toContain(
            'The client could not be added to the group Qwil refused: a client must always be in at least one group that has an active staff member.'
        );
        expect(changes).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();

        mockAdd.mockResolvedValue(changeOf('Li Wei is now in Advisory Desk.', weiFamilyDetail));
        deepQuery(query(element, 'c-qwil-modal')!, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(mockAdd).toHaveBeenLastCalledWith({ recordId: RECORD_ID, groupUuid: WEI_FAMILY_UUID });
        expect(changes).toHaveBeenCalledTimes(1);
    });
});
