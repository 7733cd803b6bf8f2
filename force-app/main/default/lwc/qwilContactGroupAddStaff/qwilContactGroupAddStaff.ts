import { LightningElement, api } from 'lwc';
import addStaffMembers from '@salesforce/apex/QwilContactGroupsController.addStaffMembers';
import type { ContactGroupsChange } from '../../../../server/contracts/QwilContactGroupsController';
import type { StaffOption } from '../../../../server/contracts/QwilConnectorController';

type Chosen = Pick<StaffOption, 'entityUserXrefUuid' | 'name' | 'jobTitle'>;

/** addStaffMembers takes at most this many people at once (AddStaffParams). */
const MAX_STAFF_AT_ONCE = 20;

/**
 * Add Staff Members: find active staff, choose one or several, and add them to the group in one
 * change. The staff search shows pending or inactive staff disabled with the reason. Fires
 * `close` (Cancel, Escape) and, once added, `groupschange` (detail: ContactGroupsChange); neither bubbles.
 */
export default class QwilContactGroupAddStaff extends LightningElement {
    @api recordId?: string;
    @api groupUuid?: string;
    /** Everyone already in the group, who cannot be chosen again. */
    @api memberUuids: string[] = [];

    chosen: Chosen[] = [];
    isAdding = false;
    errors?: unknown[];

    get hasChosen(): boolean {
        return this.chosen.length > 0;
    }

    get unavailableUuids(): string[] {
        return [...this.memberUuids, ...this.chosen.map((person) => person.entityUserXrefUuid)];
    }

    get addLabel(): string {
        const count = this.chosen.length;
        return count > 1 ? `Add ${count} staff members` : 'Add';
    }

    get isOverLimit(): boolean {
        return this.chosen.length > MAX_STAFF_AT_ONCE;
    }

    get overLimitMessage(): string {
        return `You can add at most ${MAX_STAFF_AT_ONCE} staff members at once. Take ${this.chosen.length - MAX_STAFF_AT_ONCE} off the list, add the others, then add the rest.`;
    }

    get isAddDisabled(): boolean {
        return this.isAdding || !this.hasChosen || this.isOverLimit;
    }

    handleChoose(event: CustomEvent<{ staff: StaffOption }>): void {
        const { entityUserXrefUuid, name, jobTitle } = event.detail.staff;
        if (!this.unavailableUuids.includes(entityUserXrefUuid)) {
            this.chosen = [...this.chosen, { entityUserXrefUuid, name, jobTitle }];
        }
    }

    handleUnchoose(event: CustomEvent<{ entityUserXrefUuid: string }>): void {
        const uuid = event.detail.entityUserXrefUuid;
        this.chosen = this.chosen.filter((person) => person.entityUserXrefUuid !== uuid);
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    async handleAdd(): Promise<void> {
        const { recordId, groupUuid } = this;
        if (this.isAddDisabled || !recordId || !groupUuid) {
            return;
        }
        this.isAdding = true;
        this.errors = undefined;
        try {
            const change = await addStaffMembers({
                recordId,
                groupUuid,
                staffEntityUserXrefUuids: this.chosen.map((person) => person.entityUserXrefUuid)
            });
            this.dispatchEvent(new CustomEvent<ContactGroupsChange>('groupschange', { detail: change }));
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isAdding = false;
        }
    }
}
