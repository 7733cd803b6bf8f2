import { LightningElement, api } from 'lwc';
import createContactGroup from '@salesforce/apex/QwilContactGroupsController.createContactGroup';
import updateContactGroup from '@salesforce/apex/QwilContactGroupsController.updateContactGroup';
import { OnceAction, checkingNotice } from 'c/qwilExactlyOnce';
import { freeName } from 'c/qwilGroupNames';
import type { ContactGroup, ContactGroupsChange } from '../../../../server/contracts/QwilContactGroupsController';

/**
 * Creates a group for the viewed client (with the client and the running user in it), or edits
 * a group's name, identifier and description. Creating is one action however often it is tried:
 * while Qwil may still create the group from an earlier try, the editor says so and checks again
 * by itself. Fires `close` (Cancel, Escape) and, once saved,
 * `groupschange` (detail: ContactGroupsChange); neither bubbles.
 */
export default class QwilContactGroupEditor extends LightningElement {
    @api recordId?: string;
    /** The group to edit; without it, a new group is created. */
    @api group?: ContactGroup;
    /** The name a new group starts with, e.g. "Whitfield Relationship"; made free of `takenNames` with " 2", " 3"… */
    @api defaultName: string | null = null;
    /** Names of the groups that already exist, which a new group's name does not start as. */
    @api takenNames: string[] = [];

    name = '';
    identifier = '';
    description = '';
    isSaving = false;
    problem?: string;
    errors?: unknown[];
    checking?: string;

    private readonly creation = new OnceAction();

    override connectedCallback(): void {
        this.name = this.group?.name ?? (this.defaultName ? freeName(this.defaultName.trim(), this.takenNames) : '');
        this.identifier = this.group?.identifier ?? '';
        this.description = this.group?.description ?? '';
    }

    get heading(): string {
        return this.group ? `Edit ${this.group.name}` : 'New contact group';
    }

    get isCreating(): boolean {
        return !this.group;
    }

    get cannotSave(): boolean {
        return this.isSaving || Boolean(this.checking);
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

    override disconnectedCallback(): void {
        this.creation.stop();
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    async handleSave(): Promise<void> {
        const recordId = this.recordId;
        if (this.isSaving || this.checking || !recordId) {
            return;
        }
        this.errors = undefined;
        this.problem = this.name.trim() === '' ? 'Enter a name for the group.' : undefined;
        if (this.problem) {
            return;
        }
        this.isSaving = true;
        try {
            const fields = {
                recordId,
                name: this.name.trim(),
                identifier: this.identifier.trim(),
                description: this.description.trim()
            };
            if (this.group) {
                this.saved(await updateContactGroup({ ...fields, groupUuid: this.group.groupUuid }));
                return;
            }
            const outcome = await this.creation.attempt(({ idempotencyKey, claim }) =>
                createContactGroup({ ...fields, idempotencyKey, claim })
            );
            if (outcome.done) {
                this.saved(outcome.result);
                return;
            }
            this.checking = checkingNotice('the group was created', outcome.checkAgainInSeconds);
            this.creation.recheckAfter(outcome.checkAgainInSeconds, () => {
                this.checking = undefined;
                return this.handleSave();
            });
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isSaving = false;
        }
    }

    private saved(change: ContactGroupsChange): void {
        this.dispatchEvent(new CustomEvent<ContactGroupsChange>('groupschange', { detail: change }));
    }
}
