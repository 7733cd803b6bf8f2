import { LightningElement, api } from 'lwc';
import type { ContactGroupMember } from '../../../../server/contracts/QwilContactGroupsController';

const SEPARATOR = ' · ';

/**
 * One member line of an opened group: name, what they are (each fact once: a job title that only
 * repeats "Client" or "Staff" is left out), status, why they cannot be removed, and Remove when
 * `removable` allows it. Fires `remove` (no detail, does not bubble); the owner confirms first.
 */
export default class QwilContactGroupMember extends LightningElement {
    // Focus given to the member line goes to its Remove button, e.g. when a dialog it opened closes.
    static override delegatesFocus = true;

    @api member?: ContactGroupMember;
    /** Whether the page offers to take this member out of the group. */
    @api removable = false;
    @api disabled = false;

    get facts(): string {
        const member = this.member;
        if (!member) {
            return '';
        }
        const kind = member.kind === 'staff' ? 'Staff' : 'Client';
        const kindLabel = member.isViewedClient ? 'Client (this record)' : kind;
        const jobTitle = member.jobTitle.trim();
        const repeatsKind = jobTitle === '' || jobTitle.toLowerCase() === kind.toLowerCase();
        // Leading and trailing separators sit between the name and the status badge.
        return `${SEPARATOR}${[kindLabel, repeatsKind ? null : jobTitle].filter(Boolean).join(SEPARATOR)}${SEPARATOR}`;
    }

    get removeLabel(): string | null {
        if (!this.removable) {
            return null;
        }
        return this.member?.isViewedClient ? 'Remove client from group' : 'Remove';
    }

    /** Names whom a staff member's Remove button takes out, for screen readers. */
    get removeTarget(): string {
        return this.member?.isViewedClient ? '' : ` ${this.member?.name ?? ''}`;
    }

    handleRemove(): void {
        this.dispatchEvent(new CustomEvent('remove'));
    }
}
