import { LightningElement, api } from 'lwc';
import loadTab from '@salesforce/apex/QwilConnectorController.loadTab';
import { DebouncedRequest } from 'c/qwilDebouncedRequest';
import type { Organisation, ReadyTab, TabState } from '../../../../server/contracts/qwilTab';

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
 * the client is not on Qwil.
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

    private currentRecordId?: string;
    // Only the newest request may update the page, so a slow answer for an earlier record is dropped.
    private readonly tabRequest = new DebouncedRequest<string, TabState>(
        (recordId) => loadTab({ recordId }),
        (state) => {
            this.isLoading = state.isLoading;
            this.errors = state.errors;
            if (!state.isLoading && !state.errors && state.result) {
                this.showTab(state.result);
            }
        }
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
            this.loadTabState();
        }
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
        }
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

    handleTabChange(event: CustomEvent<TabState>): void {
        this.showTab(event.detail);
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

    private showTab(tab: TabState): void {
        this.tab = tab;
    }

    private loadTabState(): void {
        const recordId = this.currentRecordId;
        if (recordId) {
            // A failure is shown in the error panel.
            this.tabRequest.askNow(recordId).catch(() => undefined);
        }
    }
}
