import { LightningElement, api } from 'lwc';
import searchInviteGroups from '@salesforce/apex/QwilConnectorController.searchInviteGroups';
import { DebouncedRequest, type RequestState } from 'c/qwilDebouncedRequest';
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

    searchTerm = '';
    state?: RequestState<string, GroupOption[]>;
    chosen: GroupOption[] = [];

    private readonly search = new DebouncedRequest<string, GroupOption[]>(
        async (search) => (await searchInviteGroups({ recordId: this.recordId ?? '', search })).groups,
        (state) => {
            this.state = state;
        }
    );

    /** The groups the user ticked. */
    @api
    get selectedGroupUuids(): string[] {
        return this.chosen.map((group) => group.groupUuid);
    }

    override connectedCallback(): void {
        this.askNow();
    }

    override disconnectedCallback(): void {
        this.search.cancel();
    }

    get isSearching(): boolean {
        return this.state?.isLoading ?? false;
    }

    get errors(): unknown[] | undefined {
        return this.state?.errors;
    }

    get hasSearched(): boolean {
        return this.state?.result !== undefined;
    }

    get options(): GroupCheckbox[] {
        const found = this.state?.result ?? [];
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
        const term = this.state?.input.trim();
        return term ? `No groups match "${term}".` : 'There are no groups yet. Create a new group instead.';
    }

    handleSearch(event: CustomEvent<{ value: string }>): void {
        this.searchTerm = event.detail.value ?? '';
        this.search.askSoon(this.searchTerm);
    }

    handleRetry(): void {
        this.askNow();
    }

    handleToggle(event: Event): void {
        const checkbox = event.target as HTMLInputElement;
        const uuid = checkbox.dataset.uuid;
        const group = [...this.chosen, ...(this.state?.result ?? [])].find((option) => option.groupUuid === uuid);
        this.chosen = this.chosen.filter((option) => option.groupUuid !== uuid);
        if (checkbox.checked && group) {
            this.chosen = [...this.chosen, group];
        }
    }

    private askNow(): void {
        // A failure is shown in the error panel.
        this.search.askNow(this.searchTerm).catch(() => undefined);
    }
}
