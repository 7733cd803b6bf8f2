import { LightningElement, api } from 'lwc';
import searchInviteGroups from '@salesforce/apex/QwilConnectorController.searchInviteGroups';
import type { SearchResults } from '../qwilSearchPanel/qwilSearchPanel';
import type { GroupOption } from '../../../../server/contracts/QwilConnectorController';

interface GroupCheckbox {
    groupUuid: string;
    label: string;
    checked: boolean;
    disabled: boolean;
}

/** inviteClient takes at most this many existing groups (each one's clients are checked before the invitation). */
const MAX_GROUPS_CHOSEN = 5;

const membersText = (count: number): string => `${count} ${count === 1 ? 'member' : 'members'}`;

/**
 * Search and tick the existing Qwil groups to invite the client into. Groups that do not qualify
 * (no active staff member) are shown disabled with the reason. Ticked groups stay listed while
 * the user searches for others.
 */
export default class QwilInviteGroupSearch extends LightningElement {
    @api recordId?: string;

    found: SearchResults<GroupOption> = { term: '' };
    chosen: GroupOption[] = [];

    searchGroups = async (search: string): Promise<GroupOption[]> =>
        (await searchInviteGroups({ recordId: this.recordId ?? '', search })).groups;

    /** The groups the user ticked. */
    @api
    get selectedGroupUuids(): string[] {
        return this.chosen.map((group) => group.groupUuid);
    }

    get options(): GroupCheckbox[] {
        const found = this.found.results ?? [];
        const chosenElsewhere = this.chosen.filter(
            (group) => !found.some((option) => option.groupUuid === group.groupUuid)
        );
        return [...chosenElsewhere, ...found].map((group) => {
            const checked = this.chosen.some((option) => option.groupUuid === group.groupUuid);
            return {
                groupUuid: group.groupUuid,
                label: [`${group.name} (${membersText(group.memberCount)})`, group.eligible ? null : group.reason]
                    .filter(Boolean)
                    .join(' · '),
                checked,
                disabled: !group.eligible || (!checked && this.isChoiceFull)
            };
        });
    }

    get isChoiceFull(): boolean {
        return this.chosen.length >= MAX_GROUPS_CHOSEN;
    }

    get choiceFullMessage(): string {
        return `You can choose up to ${MAX_GROUPS_CHOSEN} groups. To choose another, untick one first.`;
    }

    get hasOptions(): boolean {
        return this.options.length > 0;
    }

    get emptyMessage(): string {
        const term = this.found.term.trim();
        return term
            ? `No contact groups match "${term}".`
            : 'There are no contact groups yet. Create a new group instead.';
    }

    handleResults(event: CustomEvent<SearchResults<GroupOption>>): void {
        this.found = event.detail;
    }

    handleToggle(event: Event): void {
        const checkbox = event.target as HTMLInputElement;
        const uuid = checkbox.dataset.uuid;
        const group = [...this.chosen, ...(this.found.results ?? [])].find((option) => option.groupUuid === uuid);
        this.chosen = this.chosen.filter((option) => option.groupUuid !== uuid);
        if (checkbox.checked && group) {
            this.chosen = [...this.chosen, group];
        }
    }
}
