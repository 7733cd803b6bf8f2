import { LightningElement, api } from 'lwc';
import createContactGroup from '@salesforce/apex/QwilContactGroupsController.createContactGroup';
import updateContactGroup from '@salesforce/apex/QwilContactGroupsController.updateContactGroup';
import type { ContactGroup, ContactGroupsChange } from '../../../../server/contracts/contactGroups';

/**
 * Creates a group for the viewed client (with the client and the running user in it), or edits
 * a group's name, identifier and description. Fires `close` (Cancel, Escape) and, once saved,
 * `groupschange` (detail: ContactGroupsChange); neither bubbles.
 */
export default class QwilContactGroupEditor extends LightningElement {
    @api recordId?: string;
    /** The group to edit; without it, a new group is created. */
    @api group?: ContactGroup;
    /** The name a new group starts with, e.g. "Whitfield Relationship". */
    @api defaultName: string | null = null;

    name = '';
    identifier = '';
    description = '';
    isSaving = false;
    problem?: string;
    errors?: unknown[];

    override connectedCallback(): void {
        this.name = this.group?.name ?? this.defaultName ?? '';
        this.identifier = this.group?.identifier ?? '';
        this.description = this.group?.description ?? '';
    }

    get heading(): string {
        return this.group ? `Edit ${this.group.name}` : 'New contact group';
    }

    get isCreating(): boolean {
        return !this.group;
    }

    get saveLabel(): string {
        return this.group ? 'Save' : 'Create group';
    }

    handleNameChange(event: CustomEvent<{ value: string }>): void {
        this.name = event.detail.value ?? '';
    }

    handleIdentifierChange(event: CustomEvent<{ value: string }>): void {
        this.identifier = event.detail.value ?? '';
    }

    handleDescriptionChange(event: CustomEvent<{ value: string }>): void {
        this.description = event.detail.value ?? '';
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    async handleSave(): Promise<void> {
        const recordId = this.recordId;
        if (this.isSaving || !recordId) {
            return;
        }
        this.errors = undefined;
        this.problem = this.name.trim() === '' ? 'Enter a name for the group.' : undefined;
        if (this.problem) {
            return;
        }
        this.isSaving = true;
        try {
            const fields = { recordId, name: this.name.trim(), identifier: this.identifier.trim(), description: this.description.trim() };
            const change = this.group
                ? await updateContactGroup({ ...fields, groupUuid: this.group.groupUuid })
                : await createContactGroup(fields);
            this.dispatchEvent(new CustomEvent<ContactGroupsChange>('groupschange', { detail: change }));
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isSaving = false;
        }
    }
}
