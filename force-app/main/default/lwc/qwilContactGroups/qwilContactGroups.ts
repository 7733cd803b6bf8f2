import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import loadContactGroups from '@salesforce/apex/QwilContactGroupsController.loadContactGroups';
import openContactGroup from '@salesforce/apex/QwilContactGroupsController.openContactGroup';
import { subscribeToPoll } from 'c/qwilLivePoll';
import { DebouncedRequest } from 'c/qwilDebouncedRequest';
import type {
    ContactGroup,
    ContactGroupDetail,
    ContactGroupsChange,
    ContactGroupsView
} from '../../../../server/contracts/QwilContactGroupsController';

type GroupTable = HTMLElement & { focusGroup(groupUuid: string): boolean };

const matches = (group: ContactGroup, term: string): boolean =>
    [group.name, group.identifier ?? '', group.description ?? ''].some((text) => text.toLowerCase().includes(term));

/**
 * The Contact Groups page: the viewed client's Qwil groups with a search box, member counts and
 * whether each has an active staff member; opening one shows it with its actions. Every change
 * answers the page's new state, shown at once with a toast; a failed change leaves it as it was.
 */
export default class QwilContactGroups extends LightningElement {
    /** "<Last Name> <Default Contact Group Name>", the name a new group starts with (as in the invite flow). */
    @api newGroupName: string | null = null;
    /** The running user's Qwil staff identity, so that removing themself from a group is said plainly. */
    @api yourStaffUuid?: string;

    view?: ContactGroupsView;
    errors?: unknown[];
    isLoading = false;
    searchTerm = '';
    openGroup?: ContactGroupDetail;
    isOpening = false;
    openErrors?: unknown[];
    isCreating = false;
    isJoining = false;

    private currentRecordId?: string;
    private currentClientStatus?: string | null;
    private loadedFor?: string;
    // Only the newest request may update the page, so a slow answer for an earlier record is dropped.
    private readonly viewRequest = new DebouncedRequest<string, ContactGroupsView>(
        (recordId) => loadContactGroups({ recordId }),
        (state) => {
            this.isLoading = state.isLoading;
            this.errors = state.errors;
            if (!state.isLoading && !state.errors && state.result) {
                this.view = state.result;
            }
        }
    );
    private openingUuid?: string;
    private focusAfterRender?: string;
    // Back from a group, focus returns to that group's name in the table.
    private focusGroupUuid?: string;

    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(recordId: string | undefined) {
        this.currentRecordId = recordId;
        this.loadWhenChanged();
    }

    /** The client's Qwil status as the tab knows it: when it changes (e.g. after Invite), the groups are read again. */
    @api
    get clientStatus(): string | null | undefined {
        return this.currentClientStatus;
    }
    set clientStatus(status: string | null | undefined) {
        this.currentClientStatus = status;
        this.loadWhenChanged();
    }

    private stopPolling?: () => void;

    override connectedCallback(): void {
        this.loadWhenChanged();
        // The groups are read again when the browser tab is shown again, unless one is open.
        this.stopPolling = subscribeToPoll((reason) => {
            if (reason === 'visible' && !this.openGroup && !this.isLoading) this.load();
        });
    }

    override disconnectedCallback(): void {
        this.loadedFor = undefined;
        this.stopPolling?.();
        this.stopPolling = undefined;
    }

    override renderedCallback(): void {
        if (this.focusAfterRender) {
            this.template?.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
            this.focusAfterRender = undefined;
        }
        if (this.focusGroupUuid) {
            this.template?.querySelector<GroupTable>('c-qwil-contact-group-table')?.focusGroup(this.focusGroupUuid);
            this.focusGroupUuid = undefined;
        }
    }

    get canManage(): boolean {
        return this.view?.canManage ?? false;
    }

    get isListShown(): boolean {
        return !this.openGroup && !this.isOpening && !this.openErrors;
    }

    /** The groups the search term matches. */
    get shownGroups(): ContactGroup[] {
        const term = this.searchTerm.trim().toLowerCase();
        return (this.view?.groups ?? []).filter((group) => matches(group, term));
    }

    /** Names in use, for the new group form; a withheld group's name is not known here. */
    get groupNames(): string[] {
        return (this.view?.groups ?? []).filter((group) => group.hiddenClientCount === 0).map((group) => group.name);
    }

    get hasRows(): boolean {
        return this.shownGroups.length > 0;
    }

    get hasGroups(): boolean {
        return (this.view?.groups.length ?? 0) > 0;
    }

    get emptyMessage(): string {
        if (this.hasGroups) {
            return `No groups match "${this.searchTerm.trim()}".`;
        }
        return this.view?.readOnlyReason ?? `${this.view?.clientName ?? 'The client'} is in no contact groups.`;
    }

    /** Shown above the list when the groups can be seen but not changed. */
    get readOnlyNote(): string | null {
        return this.hasGroups && !this.canManage ? (this.view?.readOnlyReason ?? null) : null;
    }

    handleSearch(event: CustomEvent<{ value: string }>): void {
        this.searchTerm = event.detail.value ?? '';
    }

    handleRetry(): void {
        this.load();
    }

    handleOpen(event: CustomEvent<{ groupUuid?: string }>): void {
        const uuid = event.detail.groupUuid;
        if (uuid) {
            this.open(uuid);
        }
    }

    handleRetryOpen(): void {
        if (this.openingUuid) {
            this.open(this.openingUuid);
        }
    }

    handleBack(): void {
        const uuid = this.openGroup?.contactGroup.groupUuid ?? this.openingUuid;
        this.openGroup = undefined;
        this.openErrors = undefined;
        this.focusGroupUuid = uuid;
        this.focusAfterRender = uuid ? undefined : '[data-id="list-heading"]';
    }

    handleCreate(): void {
        this.isCreating = true;
    }

    handleCreateClosed(): void {
        this.isCreating = false;
        this.focusAfterRender = '[data-id="create"]';
    }

    handleJoin(): void {
        this.isJoining = true;
    }

    handleJoinClosed(): void {
        this.isJoining = false;
        this.focusAfterRender = '[data-id="join"]';
    }

    /** From any child that changed the groups: the page's new state, the changed group, and what changed. */
    handleChange(event: CustomEvent<ContactGroupsChange>): void {
        const { view, contactGroup: group, message } = event.detail;
        const wasOpen = Boolean(this.openGroup);
        this.view = view;
        this.isCreating = false;
        this.isJoining = false;
        this.openGroup = group ?? undefined;
        this.openingUuid = group?.contactGroup.groupUuid;
        // An opened group moves focus to its own heading; a group that closed hands focus back to the list.
        this.focusAfterRender = !group && wasOpen ? '[data-id="list-heading"]' : undefined;
        this.dispatchEvent(new ShowToastEvent({ title: 'Contact groups updated', message, variant: 'success' }));
    }

    private loadWhenChanged(): void {
        const key = `${this.currentRecordId}|${this.currentClientStatus}`;
        if (this.isConnected && key !== this.loadedFor) {
            this.loadedFor = key;
            this.openGroup = undefined;
            this.openErrors = undefined;
            this.load();
        }
    }

    private load(): void {
        const recordId = this.recordId;
        if (recordId) {
            // A failure is shown in the error panel.
            this.viewRequest.askNow(recordId).catch(() => undefined);
        }
    }

    private async open(groupUuid: string): Promise<void> {
        const recordId = this.recordId;
        if (!recordId) {
            return;
        }
        this.openingUuid = groupUuid;
        this.isOpening = true;
        this.openErrors = undefined;
        try {
            this.openGroup = await openContactGroup({ recordId, groupUuid });
        } catch (error) {
            this.openErrors = [error];
        } finally {
            this.isOpening = false;
        }
    }
}
