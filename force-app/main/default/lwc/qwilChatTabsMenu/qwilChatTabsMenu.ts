import { LightningElement, api } from 'lwc';
import getClientState from '@salesforce/apex/QwilConnectorController.getClientState';
import type { ClientState } from '../../../../server/contracts/clientState';

const PAGES = [
    { name: 'client_details', label: 'Client Details' },
    { name: 'chats', label: 'Chats' },
    { name: 'contact_groups', label: 'Contact Groups' }
] as const;

type PageName = (typeof PAGES)[number]['name'];

const isPageName = (name: unknown): name is PageName => PAGES.some((page) => page.name === name);

/**
 * The Qwil Messenger tab of a Contact or Person Account record: loads the client's Qwil state
 * and shows it on pages picked from a left-hand navigation.
 */
export default class QwilChatTabsMenu extends LightningElement {
    /** Set by the record page; the server works out the object from the record id. */
    @api objectApiName?: string;

    clientState?: ClientState;
    // A list, so that even a rejection without a reason shows the error panel.
    errors?: unknown[];
    isLoading = false;
    selectedPage: PageName = 'client_details';

    private currentRecordId?: string;
    // Only the newest request may update the page, so a slow answer for an earlier record is dropped.
    private latestRequest = 0;

    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(recordId: string | undefined) {
        const changed = recordId !== this.currentRecordId;
        this.currentRecordId = recordId;
        if (changed) {
            this.loadClientState();
        }
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

    handleSelect(event: CustomEvent<{ name: string }>): void {
        if (isPageName(event.detail.name)) {
            this.selectedPage = event.detail.name;
        }
    }

    handleRetry(): void {
        this.loadClientState();
    }

    /** Never rejects: a failure is shown in the error panel. */
    private async loadClientState(): Promise<void> {
        const recordId = this.currentRecordId;
        if (!recordId) {
            return;
        }
        const request = ++this.latestRequest;
        this.isLoading = true;
        this.errors = undefined;
        try {
            const clientState = await getClientState({ recordId });
            if (request === this.latestRequest) {
                this.clientState = clientState;
            }
        } catch (error) {
            if (request === this.latestRequest) {
                this.errors = [error];
            }
        } finally {
            if (request === this.latestRequest) {
                this.isLoading = false;
            }
        }
    }
}
