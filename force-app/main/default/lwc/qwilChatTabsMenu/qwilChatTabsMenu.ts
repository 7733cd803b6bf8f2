import { LightningElement, api } from 'lwc';
import loadTab from '@salesforce/apex/QwilConnectorController.loadTab';
import chooseOrganisation from '@salesforce/apex/QwilConnectorController.chooseOrganisation';
import { DebouncedRequest, type RequestState } from 'c/qwilDebouncedRequest';
import { subscribeToPoll } from 'c/qwilLivePoll';
import { describeStatusChange } from './statusChange';
import type { Organisation, ReadyTab, TabState } from '../../../../server/contracts/QwilConnectorController';

const PAGES = [
    { name: 'client_details', label: 'Client Details' },
    { name: 'chats', label: 'Chats' },
    { name: 'contact_groups', label: 'Contact Groups' }
] as const;

type PageName = (typeof PAGES)[number]['name'];

const isPageName = (name: unknown): name is PageName => PAGES.some((page) => page.name === name);

/**
 * The Qwil Messenger tab of a Contact or Person Account record: loads the whole first view in
 * one server call, asks the user to pick a Qwil organisation when there is a choice to make, and
 * shows the client's Qwil state on pages picked from a left-hand navigation, with Invite while
 * the client is not on Qwil. While the browser tab is visible the client's state is read again on
 * the page's shared poll and when a page is picked; a change the user did not make is announced.
 */
export default class QwilChatTabsMenu extends LightningElement {
    /** Set by the record page; the server works out the object from the record id. */
    @api objectApiName?: string;

    tab?: TabState;
    // A list, so that even a rejection without a reason shows the error panel.
    errors?: unknown[];
    isLoading = false;
    selectedPage: PageName = 'client_details';
    isInviting = false;
    isSwitchingOrganisation = false;
    /** What changed in the client's Qwil status since it was last shown, in staff words. */
    statusNotice?: string;

    private currentRecordId?: string;
    private stopPolling?: () => void;
    // Only the newest request may update the page, so a slow answer for an earlier record is dropped.
    private readonly tabRequest = new DebouncedRequest<string, TabState>(
        (recordId) => loadTab({ recordId }),
        (state) => this.showRequestState(state)
    );
    private focusAfterRender?: 'invite' | 'page-heading';

    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(recordId: string | undefined) {
        const changed = recordId !== this.currentRecordId;
        this.currentRecordId = recordId;
        if (changed) {
            this.statusNotice = undefined;
            this.loadTabState();
        }
    }

    override connectedCallback(): void {
        this.stopPolling = subscribeToPoll(() => this.refreshTabState());
    }

    override disconnectedCallback(): void {
        this.stopPolling?.();
        this.stopPolling = undefined;
    }

    get readyTab(): ReadyTab | undefined {
        return this.tab?.kind === 'ready' ? this.tab : undefined;
    }

    get organisationsToPick(): Organisation[] | undefined {
        if (this.tab?.kind === 'choose_organisation') {
            return this.tab.organisations;
        }
        return this.isSwitchingOrganisation ? this.readyTab?.switchableOrganisations : undefined;
    }

    get organisationName(): string | undefined {
        return this.readyTab?.organisation?.name;
    }

    get canSwitchOrganisation(): boolean {
        return (this.readyTab?.switchableOrganisations.length ?? 0) > 1;
    }

    get canInvite(): boolean {
        return this.readyTab?.client.status === 'not_invited' && this.readyTab.actions.invite;
    }

    get selectedPageLabel(): string {
        return PAGES.find((page) => page.name === this.selectedPage)?.label ?? '';
    }

    get isClientDetailsPage(): boolean {
        return this.selectedPage === 'client_details';
    }

    get isChatsPage(): boolean {
        return this.selectedPage === 'chats';
    }

    override renderedCallback(): void {
        if (this.focusAfterRender) {
            this.template?.querySelector<HTMLElement>(`[data-id="${this.focusAfterRender}"]`)?.focus();
            this.focusAfterRender = undefined;
        }
    }

    handleSelect(event: CustomEvent<{ name: string }>): void {
        if (isPageName(event.detail.name)) {
            this.selectedPage = event.detail.name;
            this.refreshTabState();
        }
    }

    handleDismissNotice(): void {
        this.statusNotice = undefined;
    }

    handleRetry(): void {
        this.loadTabState();
    }

    handleInvite(): void {
        this.isInviting = true;
    }

    handleInviteClosed(): void {
        this.isInviting = false;
        this.focusAfterRender = 'invite';
    }

    handleInvited(event: CustomEvent<TabState>): void {
        this.isInviting = false;
        this.showTab(event.detail);
        // The Invite button is gone once the client is invited.
        this.focusAfterRender = 'page-heading';
    }

    /** A Client Details action's answer, or (after an action failed) the state read again. */
    /** The invite dialog picked another organisation: it becomes the remembered one, and the dialog opens afresh in it. */
    async handleInviteOrganisationChange(event: CustomEvent<{ entityUuid: string }>): Promise<void> {
        this.isInviting = false;
        try {
            await chooseOrganisation({ entityUuid: event.detail.entityUuid });
        } catch (error) {
            this.errors = [error];
            return;
        }
        await this.loadTabState();
        this.isInviting = this.canInvite;
    }

    handleTabChange(event: CustomEvent<TabState>): void {
        this.showTab(event.detail, { announce: true });
    }

    handleSwitchOrganisation(): void {
        this.isSwitchingOrganisation = true;
    }

    handleSwitchCancelled(): void {
        this.isSwitchingOrganisation = false;
    }

    handleOrganisationChosen(): void {
        this.isSwitchingOrganisation = false;
        this.loadTabState();
    }

    private showTab(tab: TabState, { announce = false }: { announce?: boolean } = {}): void {
        const before = this.readyTab;
        if (announce && before && tab.kind === 'ready') {
            this.statusNotice = describeStatusChange(before, tab) ?? this.statusNotice;
        }
        this.tab = tab;
    }

    private showRequestState(state: RequestState<string, TabState>): void {
        if (state.refreshed) {
            if (state.result) this.showTab(state.result, { announce: true });
            return;
        }
        this.isLoading = state.isLoading;
        this.errors = state.errors;
        if (!state.isLoading && !state.errors && state.result) this.showTab(state.result);
    }

    /**
     * Reads the tab's state again without a spinner, keeping what is shown when that fails (the next
     * poll tries again). Skipped while a load runs or a dialog is open, where a change would move the
     * ground under the user's typing.
     */
    private refreshTabState(): void {
        const recordId = this.currentRecordId;
        if (!recordId || !this.readyTab || this.isInviting || this.isSwitchingOrganisation) return;
        this.tabRequest.refreshQuietly(recordId);
    }

    /** Never rejects: a failure is shown in the error panel. */
    private async loadTabState(): Promise<void> {
        const recordId = this.currentRecordId;
        if (!recordId) return;
        await this.tabRequest.askNow(recordId).catch(() => undefined);
    }
}
