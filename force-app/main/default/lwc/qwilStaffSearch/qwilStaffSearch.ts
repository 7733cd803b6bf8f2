import { LightningElement, api } from 'lwc';
import searchActiveStaff from '@salesforce/apex/QwilConnectorController.searchActiveStaff';
import type { SearchResults } from '../qwilSearchPanel/qwilSearchPanel';
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

    found: SearchResults<StaffOption> = { term: '' };

    searchStaff = async (search: string): Promise<StaffOption[]> =>
        (await searchActiveStaff({ recordId: this.recordId ?? '', search })).staff;

    get results(): StaffRow[] {
        return (this.found.results ?? []).map((person) => {
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
        return `No staff match "${this.found.term.trim()}".`;
    }

    handleResults(event: CustomEvent<SearchResults<StaffOption>>): void {
        this.found = event.detail;
    }

    handleAdd(event: Event): void {
        const uuid = (event.currentTarget as HTMLElement).dataset.uuid;
        const staff = this.found.results?.find((person) => person.entityUserXrefUuid === uuid);
        if (staff?.eligible) {
            this.dispatchEvent(new CustomEvent('add', { detail: { staff } }));
        }
    }
}
