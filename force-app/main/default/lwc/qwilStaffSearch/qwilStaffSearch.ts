import { LightningElement, api } from 'lwc';
import searchActiveStaff from '@salesforce/apex/QwilConnectorController.searchActiveStaff';
import { DebouncedRequest, type RequestState } from 'c/qwilDebouncedRequest';
import type { StaffOption } from '../../../../server/contracts/QwilConnectorController';

type StaffRow = Pick<StaffOption, 'entityUserXrefUuid' | 'name'> & { detail: string; disabled: boolean };

const ALREADY_ADDED = 'Already in the group';

/**
 * Finds Qwil staff by name as the user types and offers each active one to add. Staff who cannot
 * be added (pending, suspended…) or are already added are shown disabled with the reason.
 * Fires `add` (does not bubble) with `detail.staff`, the chosen StaffOption.
 */
export default class QwilStaffSearch extends LightningElement {
    @api recordId?: string;
    /** Staff already in the group. */
    @api memberUuids: string[] = [];

    searchTerm = '';
    state?: RequestState<string, StaffOption[]>;

    private readonly search = new DebouncedRequest<string, StaffOption[]>(
        async (search) => (await searchActiveStaff({ recordId: this.recordId ?? '', search })).staff,
        (state) => {
            this.state = state;
        }
    );

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
        return this.state?.result !== undefined && this.state.input.trim() !== '';
    }

    get results(): StaffRow[] {
        if (!this.hasSearched) {
            return [];
        }
        return (this.state?.result ?? []).map((person) => {
            const added = this.memberUuids.includes(person.entityUserXrefUuid);
            const reason = added ? ALREADY_ADDED : person.eligible ? null : person.reason;
            return {
                entityUserXrefUuid: person.entityUserXrefUuid,
                name: person.name,
                detail: [person.jobTitle, reason].filter(Boolean).join(' · '),
                disabled: added || !person.eligible
            };
        });
    }

    get hasResults(): boolean {
        return this.results.length > 0;
    }

    get emptyMessage(): string {
        return `No staff match "${this.state?.input.trim() ?? ''}".`;
    }

    handleSearch(event: CustomEvent<{ value: string }>): void {
        this.searchTerm = event.detail.value ?? '';
        if (this.searchTerm.trim() === '') {
            this.search.cancel();
            this.state = undefined;
            return;
        }
        this.search.askSoon(this.searchTerm);
    }

    handleRetry(): void {
        // A failure is shown in the error panel.
        this.search.askNow(this.searchTerm).catch(() => undefined);
    }

    handleAdd(event: Event): void {
        const uuid = (event.currentTarget as HTMLElement).dataset.uuid;
        const staff = this.state?.result?.find((person) => person.entityUserXrefUuid === uuid);
        if (staff?.eligible) {
            this.dispatchEvent(new CustomEvent('add', { detail: { staff } }));
        }
    }
}
