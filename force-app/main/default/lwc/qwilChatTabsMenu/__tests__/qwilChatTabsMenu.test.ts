import { createElement } from 'lwc';
import QwilChatTabsMenu from '../qwilChatTabsMenu';
import loadTab from '@salesforce/apex/QwilConnectorController.loadTab';
import chooseOrganisation from '@salesforce/apex/QwilConnectorController.chooseOrganisation';
import searchInviteGroups from '@salesforce/apex/QwilConnectorController.searchInviteGroups';
import listChats from '@salesforce/apex/QwilChatsController.listChats';
import type { ReadyTab, TabState } from '../../../../../server/contracts/QwilConnectorController';
import {
    activeTab,
    NORTHGATE,
    chooseOrganisationTab,
    HARBOUR,
    notInvitedTab,
    pendingTab,
    readyTab
} from 'jest-support/data/tabStates';
import {
    deferred,
    flushPromises,
    lightningButton,
    normalisedTextSeen,
    query,
    type LightningButton,
    watchFocus
} from 'jest-support/componentTesting';
import { notInvitedByRecordId, pendingClientWithoutOptionalDetails } from 'jest-support/data/clientStates';
import { staffWordProblems } from 'jest-support/staffWords';
import { POLL_INTERVAL_MS } from 'c/qwilLivePoll';

jest.mock('@salesforce/apex/QwilConnectorController.loadTab', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QwilConnectorController.chooseOrganisation', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.searchInviteGroups', () => ({ default: jest.fn() }), {
    virtual: true
});
// The Chats page's list stays loading: what it shows is tested with the Chats components.
jest.mock(
    '@salesforce/apex/QwilChatsController.listChats',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock('lightning/verticalNavigation', () =>
    jest.requireActual('jest-support/lightning/verticalNavigation/verticalNavigation')
);

const mockLoadTab = jest.mocked(loadTab);
const mockChooseOrganisation = jest.mocked(chooseOrganisation);
const mockListChats = jest.mocked(listChats);

const RECORD_ID = '003000000000001AAA';
const NOT_CONFIGURED_ERROR = {
    status: 500,
    ok: false,
    statusText: 'Server Error',
    headers: {},
    body: { message: 'Qwil Messenger is not configured, ask your administrator.' }
};

type NavigationStub = HTMLElement & { selectedItem?: string };
type SpinnerStub = HTMLElement & { alternativeText?: string };

function renderMenu(
    { recordId }: { recordId?: string } = { recordId: RECORD_ID }
): HTMLElement & { recordId?: string } {
    const element = createElement('c-qwil-chat-tabs-menu', { is: QwilChatTabsMenu });
    Object.assign(element, { recordId, objectApiName: 'Contact' });
    document.body.appendChild(element);
    return element;
}

function pageHeading(element: HTMLElement): string | undefined {
    return query(element, '[data-id="page"] h2')?.textContent ?? undefined;
}

async function selectPage(element: HTMLElement, name: string): Promise<void> {
    query(element, 'lightning-vertical-navigation')!.dispatchEvent(new CustomEvent('select', { detail: { name } }));
    await flushPromises();
}

describe('c-qwil-chat-tabs-menu', () => {
    afterEach(() => {
        document.body.replaceChildren();
        jest.clearAllMocks();
    });

    it('shows a spinner while the tab loads', async () => {
        mockLoadTab.mockReturnValue(deferred<TabState>().promise);

        const element = renderMenu();
        await flushPromises();

        expect(query<SpinnerStub>(element, 'lightning-spinner')?.alternativeText).toBe('Loading Qwil Messenger');
        expect(query(element, 'lightning-vertical-navigation')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for the tab of its record once', async () => {
        mockLoadTab.mockResolvedValue(activeTab);

        const element = renderMenu();
        await flushPromises();
        element.recordId = RECORD_ID;
        await flushPromises();

        expect(mockLoadTab).toHaveBeenCalledTimes(1);
        expect(mockLoadTab).toHaveBeenCalledWith({ recordId: RECORD_ID });
        await expect(element).toBeAccessible();
    });

    it('asks for its tab the moment it gets a record id, before it is even on the page', () => {
        mockLoadTab.mockReturnValue(deferred<TabState>().promise);

        const element = createElement('c-qwil-chat-tabs-menu', { is: QwilChatTabsMenu });
        element.recordId = RECORD_ID;

        expect(mockLoadTab).toHaveBeenCalledTimes(1);
        expect(mockLoadTab).toHaveBeenCalledWith({ recordId: RECORD_ID });
    });

    it('shows the first view in one render once the tab answers, asking the server nothing else first', async () => {
        const answer = deferred<TabState>();
        mockLoadTab.mockReturnValue(answer.promise);
        const element = renderMenu();
        await flushPromises();
        // Each render that changes the page is one batch of mutations.
        let renders = 0;
        const observer = new MutationObserver(() => (renders += 1));
        observer.observe(element.shadowRoot!, {
            childList: true,
            subtree: true,
            attributes: true,
            characterData: true
        });

        answer.resolve(activeTab);
        await flushPromises();
        observer.disconnect();

        expect(pageHeading(element)).toBe('Client Details');
        expect(renders).toBe(1);
        expect(mockLoadTab).toHaveBeenCalledTimes(1);
        expect(mockListChats).not.toHaveBeenCalled();
    });

    it('waits for a record id before asking', async () => {
        const element = renderMenu({});
        await flushPromises();

        expect(mockLoadTab).not.toHaveBeenCalled();
        expect(query(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers the three pages in a labelled navigation and opens Client Details first', async () => {
        mockLoadTab.mockResolvedValue(activeTab);

        const element = renderMenu();
        await flushPromises();

        const navigation = query<NavigationStub>(element, 'lightning-vertical-navigation')!;
        expect(navigation.shadowRoot?.querySelector('nav')?.getAttribute('aria-label')).toBe('Qwil Messenger pages');
        const section = query<HTMLElement & { label?: string }>(element, 'lightning-vertical-navigation-section');
        expect(section?.label).toBe('Qwil Messenger');
        expect(navigation.selectedItem).toBe('client_details');
        const items = Array.from(
            element.shadowRoot!.querySelectorAll<HTMLElement & { label?: string; name?: string }>(
                'lightning-vertical-navigation-item'
            ),
            (item) => [item.label, item.name]
        );
        expect(items).toEqual([
            ['Client Details', 'client_details'],
            ['Chats', 'chats'],
            ['Contact Groups', 'contact_groups']
        ]);
        expect(pageHeading(element)).toBe('Client Details');
        expect(query(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("shows an active client's status and Qwil profile on Client Details", async () => {
        mockLoadTab.mockResolvedValue(activeTab);

        const element = renderMenu();
        await flushPromises();

        const text = normalisedTextSeen(element);
        expect(text).toContain('Active');
        expect(text).toContain('The client has joined and can message your firm securely.');
        expect(text).toContain('Amelia Hart');
        expect(text).toContain('amelia.hart@example.com');
        await expect(element).toBeAccessible();
    });

    it('says on Client Details when the client is not on Qwil', async () => {
        mockLoadTab.mockResolvedValue(notInvitedTab);

        const element = renderMenu();
        await flushPromises();

        const text = normalisedTextSeen(element);
        expect(text).toContain('Not invited');
        expect(text).toContain('This client is not on Qwil Messenger');
        expect(text).toContain('No Qwil client was found for the email address li.wei@example.com.');
        await expect(element).toBeAccessible();
    });

    it.each([
        ['a client not on Qwil, looked up by email', notInvitedTab],
        ['a client not on Qwil, looked up by record id', readyTab(notInvitedByRecordId)],
        ['a pending client', pendingTab],
        ['an active client', activeTab],
        ['a choice of organisation', chooseOrganisationTab]
    ])('shows staff no raw id, Qwil code or status value for %s', async (_state, tab) => {
        mockLoadTab.mockResolvedValue(tab);

        const element = renderMenu();
        await flushPromises();

        expect(staffWordProblems(normalisedTextSeen(element))).toEqual([]);
    });

    it("shows the client's chats on the Chats page", async () => {
        mockLoadTab.mockResolvedValue(activeTab);
        const element = renderMenu();
        await flushPromises();

        await selectPage(element, 'chats');

        expect(pageHeading(element)).toBe('Chats');
        expect(query(element, 'c-qwil-chats')).toMatchObject({ recordId: RECORD_ID, clientStatus: 'active' });
        expect(normalisedTextSeen(element)).not.toContain('Chats are not available');
        await expect(element).toBeAccessible();
    });

    it("shows the client's contact groups on the Contact Groups page, new groups named as in the invite flow", async () => {
        mockLoadTab.mockResolvedValue(activeTab);
        const element = renderMenu();
        await flushPromises();

        await selectPage(element, 'contact_groups');

        expect(pageHeading(element)).toBe('Contact Groups');
        const groups = query(element, 'c-qwil-contact-groups');
        expect(groups).toMatchObject({ recordId: RECORD_ID, clientStatus: 'active', newGroupName: 'Wei Relationship' });
        expect(normalisedTextSeen(element)).not.toContain('Contact groups are not available');
        await expect(element).toBeAccessible();
    });

    it('goes back to Client Details when it is selected again', async () => {
        mockLoadTab.mockResolvedValue(activeTab);
        const element = renderMenu();
        await flushPromises();

        await selectPage(element, 'chats');
        await selectPage(element, 'client_details');

        expect(pageHeading(element)).toBe('Client Details');
        expect(normalisedTextSeen(element)).toContain('Amelia Hart');
        await expect(element).toBeAccessible();
    });

    it('stays on the current page when an unknown page is selected', async () => {
        mockLoadTab.mockResolvedValue(activeTab);
        const element = renderMenu();
        await flushPromises();

        await selectPage(element, 'chats');
        await selectPage(element, 'invoices');

        expect(pageHeading(element)).toBe('Chats');
        await expect(element).toBeAccessible();
    });

    it('shows the server message in an error panel when loading fails', async () => {
        mockLoadTab.mockRejectedValue(NOT_CONFIGURED_ERROR);

        const element = renderMenu();
        await flushPromises();

        const errorPanel = query(element, 'c-qwil-error-panel');
        expect(errorPanel).not.toBeNull();
        expect(normalisedTextSeen(element)).toContain('Qwil Messenger is not configured, ask your administrator.');
        expect(query(element, 'lightning-spinner')).toBeNull();
        expect(query(element, 'lightning-vertical-navigation')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks again on Retry and shows the pages once that succeeds', async () => {
        mockLoadTab.mockRejectedValueOnce(NOT_CONFIGURED_ERROR);
        const retried = deferred<TabState>();
        mockLoadTab.mockReturnValueOnce(retried.promise);
        const element = renderMenu();
        await flushPromises();

        query(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(mockLoadTab).toHaveBeenCalledTimes(2);
        expect(mockLoadTab).toHaveBeenLastCalledWith({ recordId: RECORD_ID });
        expect(query(element, 'lightning-spinner')).not.toBeNull();
        expect(query(element, 'c-qwil-error-panel')).toBeNull();

        retried.resolve(activeTab);
        await flushPromises();

        expect(query(element, 'c-qwil-error-panel')).toBeNull();
        expect(normalisedTextSeen(element)).toContain('Amelia Hart');
        await expect(element).toBeAccessible();
    });

    it('shows the error panel even when the call fails without a reason', async () => {
        mockLoadTab.mockRejectedValue(undefined);

        const element = renderMenu();
        await flushPromises();

        expect(normalisedTextSeen(element)).toContain(
            'Something went wrong. Try again, or ask your administrator if it keeps happening.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows the newest record when the record changes while loading', async () => {
        const first = deferred<TabState>();
        mockLoadTab.mockReturnValueOnce(first.promise).mockResolvedValueOnce(notInvitedTab);
        const element = renderMenu();

        element.recordId = '003000000000002AAA';
        await flushPromises();
        first.resolve(activeTab);
        await flushPromises();

        expect(mockLoadTab).toHaveBeenLastCalledWith({ recordId: '003000000000002AAA' });
        const text = normalisedTextSeen(element);
        expect(text).toContain('This client is not on Qwil Messenger');
        expect(text).not.toContain('Amelia Hart');
        await expect(element).toBeAccessible();
    });

    describe('header', () => {
        it('says which Qwil organisation the tab acts in and who the user is there', async () => {
            mockLoadTab.mockResolvedValue(activeTab);

            const element = renderMenu();
            await flushPromises();

            const header = query(element, 'c-qwil-tab-header') as HTMLElement & {
                organisationName?: string;
                staffName?: string;
                canSwitch?: boolean;
            };
            expect([header.organisationName, header.staffName, header.canSwitch]).toEqual([
                'Harbour Wealth',
                'Olivia Hart',
                false
            ]);
            await expect(element).toBeAccessible();
        });

        it('names no organisation when the API key decides it by itself', async () => {
            mockLoadTab.mockResolvedValue({ ...activeTab, organisation: null });

            const element = renderMenu();
            await flushPromises();

            const header = query(element, 'c-qwil-tab-header') as HTMLElement & {
                organisationName?: string;
                staffName?: string;
            };
            expect([header.organisationName, header.staffName]).toEqual([undefined, 'Olivia Hart']);
            expect(normalisedTextSeen(element)).toContain('Amelia Hart');
            await expect(element).toBeAccessible();
        });
    });

    describe('Invite', () => {
        function inviteButton(element: HTMLElement): LightningButton | null {
            return query<LightningButton>(element, '[data-id="invite"]');
        }

        async function openInvite(): Promise<HTMLElement> {
            mockLoadTab.mockResolvedValue(notInvitedTab);
            jest.mocked(searchInviteGroups).mockResolvedValue({ groups: [] });
            const element = renderMenu();
            await flushPromises();
            inviteButton(element)!.click();
            await flushPromises();
            return element;
        }

        it.each(['client_details', 'chats', 'contact_groups'])(
            'offers Invite on the %s page while the client is not invited',
            async (page) => {
                mockLoadTab.mockResolvedValue(notInvitedTab);
                const element = renderMenu();
                await flushPromises();

                await selectPage(element, page);

                expect(inviteButton(element)?.label).toBe('Invite');
                await expect(element).toBeAccessible();
            }
        );

        it.each([
            ['the client is pending', pendingTab],
            ['the client is active', activeTab],
            ['the user may not invite', { ...notInvitedTab, actions: { ...notInvitedTab.actions, invite: false } }]
        ])('offers no Invite when %s', async (_case, tab) => {
            mockLoadTab.mockResolvedValue(tab);

            const element = renderMenu();
            await flushPromises();

            expect(inviteButton(element)).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('opens the invite modal with the tab and record', async () => {
            const element = await openInvite();

            const modal = query(element, 'c-qwil-invite-modal') as HTMLElement & { tab?: unknown; recordId?: string };
            expect(modal.tab).toEqual(notInvitedTab);
            expect(modal.recordId).toBe(RECORD_ID);
            await expect(element).toBeAccessible();
        });

        it('closes the modal and puts focus back on Invite', async () => {
            const element = await openInvite();
            const focus = watchFocus();

            query(element, 'c-qwil-invite-modal')!.dispatchEvent(new CustomEvent('close'));
            await flushPromises();

            expect(query(element, 'c-qwil-invite-modal')).toBeNull();
            expect(focus.lastFocused()).toBe(inviteButton(element));
            focus.stop();
            await expect(element).toBeAccessible();
        });

        it('shows the client as pending once invited, with focus on the page heading', async () => {
            const element = await openInvite();

            query(element, 'c-qwil-invite-modal')!.dispatchEvent(new CustomEvent('tabchange', { detail: pendingTab }));
            await flushPromises();

            expect(query(element, 'c-qwil-invite-modal')).toBeNull();
            expect(inviteButton(element)).toBeNull();
            expect(normalisedTextSeen(element)).toContain('Invitation sent; the client has not joined yet.');
            expect(element.shadowRoot!.activeElement).toBe(query(element, '[data-id="page-heading"]'));
            await expect(element).toBeAccessible();
        });
    });

    it('shows the tab a Client Details action returns', async () => {
        mockLoadTab.mockResolvedValue(pendingTab);
        const element = renderMenu();
        await flushPromises();
        const resent = readyTab({
            ...pendingClientWithoutOptionalDetails,
            client: { ...pendingClientWithoutOptionalDetails.client, invitedAt: '2026-11-25T10:00:00.000Z' }
        });

        query(element, 'c-qwil-client-details')!.dispatchEvent(new CustomEvent('tabchange', { detail: resent }));
        await flushPromises();

        expect((query(element, 'c-qwil-client-details') as HTMLElement & { tab?: unknown }).tab).toEqual(resent);
        expect(mockLoadTab).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    describe("the client's live state", () => {
        const setHidden = (hidden: boolean) =>
            Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        const notice = (element: HTMLElement) => query(element, '[data-id="status-notice"]')?.textContent ?? null;

        beforeEach(() => {
            jest.useFakeTimers({ doNotFake: ['setImmediate'] });
            setHidden(false);
        });
        afterEach(() => {
            document.body.replaceChildren();
            jest.useRealTimers();
            setHidden(false);
        });

        it('reads the state again on the poll, shows Active without a reload and says what changed', async () => {
            mockLoadTab.mockResolvedValueOnce(pendingTab).mockResolvedValueOnce(activeTab);
            const element = renderMenu();
            await flushPromises();
            expect(normalisedTextSeen(element)).toContain('Pending');

            jest.advanceTimersByTime(POLL_INTERVAL_MS);
            await flushPromises();

            expect(mockLoadTab).toHaveBeenCalledTimes(2);
            expect(mockLoadTab).toHaveBeenLastCalledWith({ recordId: RECORD_ID });
            expect(query(element, 'lightning-spinner')).toBeNull();
            expect(normalisedTextSeen(element)).toContain('Active');
            expect(notice(element)).toBe(
                'Li Wei accepted the invitation since this page was shown: Qwil now shows Active instead of Pending.'
            );
            expect(query(element, '[data-id="status-notice-region"]')?.getAttribute('role')).toBe('status');
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('announces nothing when the state read again has not changed, and keeps what it shows when the read fails', async () => {
            mockLoadTab
                .mockResolvedValueOnce(pendingTab)
                .mockResolvedValueOnce(pendingTab)
                .mockRejectedValueOnce(NOT_CONFIGURED_ERROR);
            const element = renderMenu();
            await flushPromises();

            jest.advanceTimersByTime(POLL_INTERVAL_MS);
            await flushPromises();
            jest.advanceTimersByTime(POLL_INTERVAL_MS);
            await flushPromises();

            expect(mockLoadTab).toHaveBeenCalledTimes(3);
            expect(notice(element)).toBeNull();
            expect(query(element, 'c-qwil-error-panel')).toBeNull();
            expect(query(element, 'c-qwil-client-details')).not.toBeNull();
        });

        it('pauses while the browser tab is hidden and reads the state at once when it is shown again', async () => {
            mockLoadTab.mockResolvedValue(pendingTab);
            renderMenu();
            await flushPromises();
            setHidden(true);
            jest.advanceTimersByTime(POLL_INTERVAL_MS * 4);
            await flushPromises();
            expect(mockLoadTab).toHaveBeenCalledTimes(1);

            setHidden(false);
            document.dispatchEvent(new CustomEvent('visibilitychange'));
            await flushPromises();

            expect(mockLoadTab).toHaveBeenCalledTimes(2);
        });

        it('reads the state again when a page is picked, and the Chats page lists the chats again when shown again', async () => {
            mockLoadTab.mockResolvedValue(activeTab);
            const element = renderMenu();
            await flushPromises();

            await selectPage(element, 'chats');
            await selectPage(element, 'client_details');
            await selectPage(element, 'chats');

            expect(mockLoadTab).toHaveBeenCalledTimes(4);
            expect(mockListChats).toHaveBeenCalledTimes(2);
        });

        it('says what changed when a failed action found the client in another state', async () => {
            mockLoadTab.mockResolvedValue(pendingTab);
            const element = renderMenu();
            await flushPromises();

            query(element, 'c-qwil-client-details')!.dispatchEvent(new CustomEvent('tabchange', { detail: activeTab }));
            await flushPromises();

            expect(notice(element)).toContain('accepted the invitation');
            lightningButton(element, 'Dismiss')!.click();
            await flushPromises();
            expect(notice(element)).toBeNull();
        });

        it('stops polling when the tab is closed', async () => {
            mockLoadTab.mockResolvedValue(pendingTab);
            const element = renderMenu();
            await flushPromises();
            document.body.removeChild(element);

            jest.advanceTimersByTime(POLL_INTERVAL_MS * 4);
            await flushPromises();

            expect(mockLoadTab).toHaveBeenCalledTimes(1);
        });
    });

    describe('Qwil organisations', () => {
        function organisationButtons(element: HTMLElement): LightningButton[] {
            const picker = query(element, 'c-qwil-organisation-picker');
            return Array.from(
                picker?.shadowRoot?.querySelectorAll<LightningButton>('lightning-button[data-uuid]') ?? []
            );
        }

        it('asks the user to select an organisation when there is a choice to make', async () => {
            mockLoadTab.mockResolvedValue(chooseOrganisationTab);

            const element = renderMenu();
            await flushPromises();

            expect(normalisedTextSeen(element)).toContain('Select a Qwil organisation');
            expect(organisationButtons(element).map((button) => button.label)).toEqual([
                'Harbour Wealth',
                'Northgate Advisers'
            ]);
            expect(query(element, 'lightning-vertical-navigation')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('loads the tab again once an organisation is chosen', async () => {
            mockLoadTab.mockResolvedValueOnce(chooseOrganisationTab).mockResolvedValueOnce(activeTab);
            mockChooseOrganisation.mockResolvedValue(null);
            const element = renderMenu();
            await flushPromises();

            organisationButtons(element)[0]!.click();
            await flushPromises();

            expect(mockChooseOrganisation).toHaveBeenCalledWith({ entityUuid: HARBOUR.entityUuid });
            expect(mockLoadTab).toHaveBeenCalledTimes(2);
            expect(normalisedTextSeen(element)).toContain('Amelia Hart');
            await expect(element).toBeAccessible();
        });

        it('offers to switch organisation, lists every organisation, and can keep the current one', async () => {
            mockLoadTab.mockResolvedValue({ ...activeTab, switchableOrganisations: [HARBOUR, NORTHGATE] });
            const element = renderMenu();
            await flushPromises();

            const header = query(element, 'c-qwil-tab-header') as HTMLElement & { canSwitch?: boolean };
            expect(header.canSwitch).toBe(true);
            header.dispatchEvent(new CustomEvent('switchorganisation'));
            await flushPromises();

            expect(organisationButtons(element)).toHaveLength(2);
            expect(
                (query(element, 'c-qwil-organisation-picker') as HTMLElement & { canCancel?: boolean }).canCancel
            ).toBe(true);
            await expect(element).toBeAccessible();

            query(element, 'c-qwil-organisation-picker')!.dispatchEvent(new CustomEvent('cancel'));
            await flushPromises();

            expect(normalisedTextSeen(element)).toContain('Amelia Hart');
            expect(mockLoadTab).toHaveBeenCalledTimes(1);
        });

        it('remembers the organisation picked in the invite dialog and opens the dialog again in it', async () => {
            const inHarbour = { ...notInvitedTab, switchableOrganisations: [HARBOUR, NORTHGATE] };
            const inNorthgate = { ...inHarbour, organisation: NORTHGATE };
            mockLoadTab.mockResolvedValueOnce(inHarbour).mockResolvedValueOnce(inNorthgate);
            mockChooseOrganisation.mockResolvedValue(null);
            const element = renderMenu();
            await flushPromises();
            query(element, '[data-id="invite"]')!.click();
            await flushPromises();

            query(element, 'c-qwil-invite-modal')!.dispatchEvent(
                new CustomEvent('organisationchange', { detail: { entityUuid: NORTHGATE.entityUuid } })
            );
            await flushPromises();

            expect(mockChooseOrganisation).toHaveBeenCalledWith({ entityUuid: NORTHGATE.entityUuid });
            expect(mockLoadTab).toHaveBeenCalledTimes(2);
            const modal = query(element, 'c-qwil-invite-modal') as (HTMLElement & { tab?: ReadyTab }) | null;
            expect(modal?.tab?.organisation).toEqual(NORTHGATE);
        });

        it('offers no switch when the user works in one organisation only', async () => {
            mockLoadTab.mockResolvedValue(activeTab);

            const element = renderMenu();
            await flushPromises();

            expect((query(element, 'c-qwil-tab-header') as HTMLElement & { canSwitch?: boolean }).canSwitch).toBe(
                false
            );
            await expect(element).toBeAccessible();
        });
    });
});
