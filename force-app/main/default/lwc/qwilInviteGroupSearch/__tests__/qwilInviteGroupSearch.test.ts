import { createElement } from 'lwc';
import QwilInviteGroupSearch from '../qwilInviteGroupSearch';
import searchInviteGroups from '@salesforce/apex/QwilConnectorController.searchInviteGroups';
import type { GroupOption, GroupOptions } from '../../../../../server/contracts/QwilConnectorController';
import {
    apexError,
    deepQuery,
    deferred,
    flushPromises,
    normalisedTextSeen,
    typeAndPause,
    useFakeClockPerTest
} from 'jest-support/componentTesting';

jest.mock('@salesforce/apex/QwilConnectorController.searchInviteGroups', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockSearch = jest.mocked(searchInviteGroups);
const RECORD_ID = '003000000000001AAA';

const group = (name: string, uuid: string, overrides: Partial<GroupOption> = {}): GroupOption => ({
    groupUuid: uuid,
    name,
    memberCount: 3,
    eligible: true,
    reason: null,
    ...overrides
});
const WEI_FAMILY = group('Wei Family', '11111111-1111-4111-8111-111111111111');
const PRIVATE_CLIENTS = group('Private Clients', '22222222-2222-4222-8222-222222222222', { memberCount: 1 });
const DORMANT = group('Dormant Team', '33333333-3333-4333-8333-333333333333', {
    eligible: false,
    reason: 'No active staff member'
});

type GroupSearchElement = HTMLElement & { selectedGroupUuids: string[] };

async function renderSearch(): Promise<GroupSearchElement> {
    const element = createElement('c-qwil-invite-group-search', { is: QwilInviteGroupSearch }) as GroupSearchElement;
    Object.assign(element, { recordId: RECORD_ID });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function checkboxes(element: HTMLElement): { label: string; checked: boolean; disabled: boolean }[] {
    return Array.from(element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'), (box) => ({
        label: (box.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        checked: box.checked,
        disabled: box.disabled
    }));
}

function tick(element: HTMLElement, uuid: string, checked = true): void {
    const box = element.shadowRoot!.querySelector<HTMLInputElement>(`input[data-uuid="${uuid}"]`)!;
    box.checked = checked;
    box.dispatchEvent(new CustomEvent('change'));
}

async function search(element: HTMLElement, term: string): Promise<void> {
    await typeAndPause(deepQuery(element, 'lightning-input'), term);
}

const answer = (...groups: GroupOption[]): GroupOptions => ({ groups });

describe('c-qwil-invite-group-search', () => {
    useFakeClockPerTest();

    it('lists the groups straight away, and a group without active staff disabled with the reason', async () => {
        mockSearch.mockResolvedValue(answer(WEI_FAMILY, PRIVATE_CLIENTS, DORMANT));

        const element = await renderSearch();

        expect(mockSearch.mock.calls).toEqual([[{ recordId: RECORD_ID, search: '' }]]);
        expect(checkboxes(element)).toEqual([
            { label: 'Wei Family (3 members)', checked: false, disabled: false },
            { label: 'Private Clients (1 member)', checked: false, disabled: false },
            { label: 'Dormant Team (3 members) · No active staff member', checked: false, disabled: true }
        ]);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows a spinner while searching', async () => {
        mockSearch.mockReturnValue(deferred<GroupOptions>().promise);

        const element = await renderSearch();

        expect(
            deepQuery<HTMLElement & { alternativeText?: string }>(element, 'lightning-spinner')?.alternativeText
        ).toBe('Searching contact groups');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('searches by what the user types once typing pauses, and says when nothing matches', async () => {
        mockSearch.mockResolvedValueOnce(answer(WEI_FAMILY)).mockResolvedValueOnce(answer());
        const element = await renderSearch();

        await search(element, 'zz');

        expect(mockSearch).toHaveBeenLastCalledWith({ recordId: RECORD_ID, search: 'zz' });
        expect(deepQuery(element, '[data-id="empty"]')?.textContent).toBe('No contact groups match "zz".');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('keeps ticked groups chosen and listed while the user searches for others', async () => {
        mockSearch.mockResolvedValueOnce(answer(WEI_FAMILY, PRIVATE_CLIENTS)).mockResolvedValueOnce(answer(DORMANT));
        const element = await renderSearch();

        tick(element, WEI_FAMILY.groupUuid);
        await search(element, 'dor');

        expect(element.selectedGroupUuids).toEqual([WEI_FAMILY.groupUuid]);
        expect(checkboxes(element).map(({ label, checked }) => [label, checked])).toEqual([
            ['Wei Family (3 members)', true],
            ['Dormant Team (3 members) · No active staff member', false]
        ]);

        tick(element, WEI_FAMILY.groupUuid, false);
        await flushPromises();
        expect(element.selectedGroupUuids).toEqual([]);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows a failed search in an error panel and searches again on Retry', async () => {
        mockSearch.mockRejectedValueOnce(apexError('Qwil is not reachable. Try again in a minute.'));
        mockSearch.mockResolvedValueOnce(answer(WEI_FAMILY));
        const element = await renderSearch();

        expect(normalisedTextSeen(element)).toContain('Contact groups could not be searched');
        expect(normalisedTextSeen(element)).toContain('Qwil is not reachable. Try again in a minute.');
        deepQuery(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(mockSearch).toHaveBeenCalledTimes(2);
        expect(checkboxes(element).map(({ label }) => label)).toEqual(['Wei Family (3 members)']);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('lets the user choose at most 5 groups, saying so, so the invitation is not refused for it', async () => {
        const groups = Array.from({ length: 6 }, (_, index) =>
            group(`Group ${index + 1}`, `00000000-0000-4000-8000-00000000000${index + 1}`)
        );
        mockSearch.mockResolvedValue(answer(...groups));
        const element = await renderSearch();
        groups.slice(0, 5).forEach((chosen) => tick(element, chosen.groupUuid));
        await flushPromises();

        expect(element.selectedGroupUuids).toHaveLength(5);
        expect(checkboxes(element).map((box) => box.disabled)).toEqual([false, false, false, false, false, true]);
        expect(normalisedTextSeen(element)).toContain(
            'You can choose up to 5 groups. To choose another, untick one first.'
        );

        tick(element, groups[0]!.groupUuid, false);
        await flushPromises();
        expect(checkboxes(element).every((box) => !box.disabled)).toBe(true);
        expect(element.shadowRoot!.querySelector('[data-id="choice-full"]')).toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
