import { LightningElement, api } from 'lwc';
import searchJoinableGroups from '@salesforce/apex/QwilContactGroupsController.searchJoinableGroups';
import addClientToGroup from '@salesforce/apex/QwilContactGroupsController.addClientToGroup';
import type { SearchResults } from '../qwilSearchPanel/qwilSearchPanel';
import type { ContactGroupsChange, JoinableGroup } from '../../../../server/contracts/QwilContactGroupsController';

type GroupRow = Pick<JoinableGroup, 'groupUuid' | 'name'> & { detail: string; disabled: boolean };

const membersText = (count: number): string => `${count} ${count === 1 ? 'member' : 'members'}`;

/**
 * Adds the viewed client to another existing group. Lists the groups they are not in; groups
 * without an active staff member are shown disabled with the reason. Fires `close` (Cancel,
 * Escape) and, once added, `groupschange` (detail: ContactGroupsChange); neither bubbles.
 */
export default class QwilContactGroupJoin extends LightningElement {
    @api recordId?: string;

    found: SearchResults<JoinableGroup> = { term: '' };
    isAdding = false;
    addErrors?: unknown[];

    private lastChosenUuid?: string;

    searchGroups = async (search: string): Promise<JoinableGroup[]> =>
        (await searchJoinableGroups({ recordId: this.recordId ?? '', search })).groups;

    get rows(): GroupRow[] {
        return (this.found.results ?? []).map((group) => ({
            groupUuid: group.groupUuid,
            name: group.name,
            detail: [membersText(group.memberCount), group.eligible ? null : group.reason].filter(Boolean).join(' · '),
            disabled: !group.eligible || this.isAdding
        }));
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get emptyMessage(): string {
        const term = this.found.term.trim();
        return term ? `No other groups match "${term}".` : 'There are no other groups the client could join.';
    }

    handleResults(event: CustomEvent<SearchResults<JoinableGroup>>): void {
        this.found = event.detail;
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    handleAdd(event: Event): void {
        this.lastChosenUuid = (event.currentTarget as HTMLElement).dataset.uuid;
        this.addChosen();
    }

    handleRetryAdd(): void {
        this.addChosen();
    }

    private async addChosen(): Promise<void> {
        const groupUuid = this.lastChosenUuid;
        const recordId = this.recordId;
        if (this.isAdding || !recordId || !groupUuid) {
            return;
        }
        this.isAdding = true;
        this.addErrors = undefined;
        try {
            const change = await addClientToGroup({ recordId, groupUuid });
            this.dispatchEvent(new CustomEvent<ContactGroupsChange>('groupschange', { detail: change }));
        } catch (error) {
            this.addErrors = [error];
        } finally {
            this.isAdding = false;
        }
    }
}
