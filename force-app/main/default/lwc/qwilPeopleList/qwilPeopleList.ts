import { LightningElement, api } from 'lwc';
import type { StaffIdentity } from '../../../../server/contracts/QwilConnectorController';

export type ListedPerson = Pick<StaffIdentity, 'entityUserXrefUuid' | 'name'> & { jobTitle?: string };

/**
 * People chosen for a change, each with their job title and one action that takes them off the
 * list ("Remove", "Take off"), named for screen readers with the person's name.
 * Fires `action` (detail: `{ entityUserXrefUuid }`, does not bubble).
 */
export default class QwilPeopleList extends LightningElement {
    @api people: ListedPerson[] = [];
    /** Names the list for screen readers, e.g. "Staff to add". */
    @api label?: string;
    @api actionLabel = 'Remove';

    handleAction(event: Event): void {
        const entityUserXrefUuid = (event.currentTarget as HTMLElement).dataset.uuid;
        this.dispatchEvent(new CustomEvent('action', { detail: { entityUserXrefUuid } }));
    }
}
