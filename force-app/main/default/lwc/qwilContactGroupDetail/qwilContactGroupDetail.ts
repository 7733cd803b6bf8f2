import { LightningElement, api } from 'lwc';
import removeStaffMember from '@salesforce/apex/QwilContactGroupsController.removeStaffMember';
import removeClientFromGroup from '@salesforce/apex/QwilContactGroupsController.removeClientFromGroup';
import deleteContactGroup from '@salesforce/apex/QwilContactGroupsController.deleteContactGroup';
import type {
    ContactGroupDetail,
    ContactGroupMember,
    ContactGroupsChange
} from '../../../../server/contracts/QwilContactGroupsController';

type Dialog = 'edit' | 'add-staff' | 'delete';

interface MemberRow extends ContactGroupMember {
    kindLabel: string;
    canRemove: boolean;
}

const NOT_SET = 'Not set';

/**
 * One opened group of the viewed client: name, identifier, description and members with status,
 * and, when the groups can be managed, its actions (add or remove staff, remove the client, edit,
 * delete after confirmation). A refusal the server announced is shown instead of the action.
 * Fires `groupschange` (detail: ContactGroupsChange) after a change and `back`; neither bubbles.
 */
export default class QwilContactGroupDetail extends LightningElement {
    @api recordId?: string;
    @api detail?: ContactGroupDetail;
    @api canManage = false;

    dialog?: Dialog;
    isWorking = false;
    errors?: unknown[];
    failedAction?: string;

    private retry?: () => Promise<void>;
    private hasFocusedHeading = false;
    private focusAfterRender?: string;

    override renderedCallback(): void {
        if (!this.hasFocusedHeading) {
            this.hasFocusedHeading = true;
            this.focusAfterRender = '[data-id="group-heading"]';
        }
        if (this.focusAfterRender) {
            this.template?.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
            this.focusAfterRender = undefined;
        }
    }

    get identifier(): string {
        return this.detail?.contactGroup.identifier || NOT_SET;
    }

    get description(): string {
        return this.detail?.contactGroup.description || NOT_SET;
    }

    get members(): MemberRow[] {
        return (this.detail?.members ?? []).map((member) => ({
            ...member,
            kindLabel: member.isViewedClient ? 'Client (this record)' : member.kind === 'staff' ? 'Staff' : 'Client',
            canRemove: this.canManage && member.removable
        }));
    }

    get memberUuids(): string[] {
        return (this.detail?.members ?? []).map((member) => member.entityUserXrefUuid);
    }

    /** Shown instead of Remove client and Delete when the group is the client's last. */
    get lastGroupReason(): string | null {
        return this.canManage ? (this.detail?.lastGroupReason ?? null) : null;
    }

    get canRemoveClient(): boolean {
        return this.canManage && (this.detail?.canRemoveClient ?? false);
    }

    get canDelete(): boolean {
        return this.canManage && (this.detail?.canDelete ?? false);
    }

    get isEditing(): boolean {
        return this.dialog === 'edit';
    }

    get isAddingStaff(): boolean {
        return this.dialog === 'add-staff';
    }

    get isConfirmingDelete(): boolean {
        return this.dialog === 'delete';
    }

    /** A failed change is shown in the delete dialog while it is open, otherwise above the members. */
    get pageErrors(): unknown[] | undefined {
        return this.isConfirmingDelete ? undefined : this.errors;
    }

    get deleteErrors(): unknown[] | undefined {
        return this.isConfirmingDelete ? this.errors : undefined;
    }

    get deleteQuestion(): string {
        return `Delete ${this.detail?.contactGroup.name ?? 'this group'}? Its members lose access to each other through this group. This cannot be undone.`;
    }

    handleBack(): void {
        this.dispatchEvent(new CustomEvent('back'));
    }

    handleEdit(): void {
        this.dialog = 'edit';
    }

    handleAddStaff(): void {
        this.dialog = 'add-staff';
    }

    handleDelete(): void {
        this.errors = undefined;
        this.dialog = 'delete';
    }

    handleDialogClosed(): void {
        const opener = this.dialog;
        this.dialog = undefined;
        this.focusAfterRender = `[data-id="${opener}"]`;
    }

    /** A change made in a dialog: close it and pass the new state on. */
    handleDialogChange(event: CustomEvent<ContactGroupsChange>): void {
        this.focusAfterRender = `[data-id="${this.dialog}"]`;
        this.dialog = undefined;
        this.passOn(event.detail);
    }

    handleRemoveStaff(event: Event): void {
        const uuid = (event.currentTarget as HTMLElement).dataset.uuid;
        const member = this.detail?.members.find((candidate) => candidate.entityUserXrefUuid === uuid);
        const recordId = this.recordId;
        const groupUuid = this.detail?.contactGroup.groupUuid;
        if (!member || !recordId || !groupUuid) {
            return;
        }
        this.run(`${member.name} could not be removed`, () =>
            removeStaffMember({ recordId, groupUuid, entityUserXrefUuid: member.entityUserXrefUuid })
        );
    }

    handleRemoveClient(): void {
        const recordId = this.recordId;
        const groupUuid = this.detail?.contactGroup.groupUuid;
        if (recordId && groupUuid) {
            this.run('The client could not be removed from the group', () =>
                removeClientFromGroup({ recordId, groupUuid })
            );
        }
    }

    handleConfirmDelete(): void {
        const recordId = this.recordId;
        const groupUuid = this.detail?.contactGroup.groupUuid;
        if (recordId && groupUuid) {
            this.run('The group could not be deleted', () => deleteContactGroup({ recordId, groupUuid }));
        }
    }

    handleRetry(): void {
        this.retry?.();
    }

    /** Runs one change at a time; a failure is shown here and changes nothing on the page. */
    private run(failure: string, change: () => Promise<ContactGroupsChange>): void {
        if (this.isWorking) {
            return;
        }
        this.retry = async () => {
            this.isWorking = true;
            this.errors = undefined;
            try {
                const result = await change();
                this.dialog = undefined;
                this.focusAfterRender = '[data-id="group-heading"]';
                this.passOn(result);
            } catch (error) {
                this.failedAction = failure;
                this.errors = [error];
            } finally {
                this.isWorking = false;
            }
        };
        this.retry();
    }

    private passOn(change: ContactGroupsChange): void {
        this.errors = undefined;
        this.dispatchEvent(new CustomEvent('groupschange', { detail: change }));
    }
}
