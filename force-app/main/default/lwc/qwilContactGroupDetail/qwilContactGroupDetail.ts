import { LightningElement, api } from 'lwc';
import removeStaffMember from '@salesforce/apex/QwilContactGroupsController.removeStaffMember';
import removeClientFromGroup from '@salesforce/apex/QwilContactGroupsController.removeClientFromGroup';
import deleteContactGroup from '@salesforce/apex/QwilContactGroupsController.deleteContactGroup';
import type {
    ContactGroupDetail,
    ContactGroupMember,
    ContactGroupsChange
} from '../../../../server/contracts/QwilContactGroupsController';
import {
    type Confirmation,
    deleteGroupConfirmation,
    removeClientConfirmation,
    removeStaffConfirmation
} from './confirmations';

type Dialog = 'edit' | 'add-staff' | 'delete' | 'remove';

interface MemberRow {
    member: ContactGroupMember;
    removable: boolean;
}

const NOT_SET = 'Not set';

/**
 * One opened group of the viewed client: name, identifier, description and members with status,
 * and, when the groups can be managed, its actions (add staff, edit; and, each after confirmation,
 * remove a staff member, remove the client, delete). A refusal the server announced is shown
 * instead of the action. Fires `groupschange` (detail: ContactGroupsChange) after a change and
 * `back`; neither bubbles.
 */
export default class QwilContactGroupDetail extends LightningElement {
    @api recordId?: string;
    @api detail?: ContactGroupDetail;
    @api canManage = false;
    /** The running user's Qwil staff identity, so that removing themself is said plainly. */
    @api yourStaffUuid?: string;

    dialog?: Dialog;
    isWorking = false;
    errors?: unknown[];
    failedAction?: string;

    private removingUuid?: string;
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
            member,
            removable: member.isViewedClient ? this.canRemoveClient : this.canManage && member.removable
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

    /** The question the open confirming dialog asks, if one is open. */
    get confirmation(): Confirmation | null {
        const groupName = this.detail?.contactGroup.name ?? 'this group';
        if (this.dialog === 'delete') {
            return deleteGroupConfirmation(groupName);
        }
        const member = this.removingMember;
        if (this.dialog !== 'remove' || !member) {
            return null;
        }
        return member.isViewedClient
            ? removeClientConfirmation(member.name, groupName)
            : removeStaffConfirmation(member, groupName, member.entityUserXrefUuid === this.yourStaffUuid);
    }

    get isWorkingOnPage(): boolean {
        return this.isWorking && !this.confirmation;
    }

    /** A failed change is shown in its confirming dialog while that is open, otherwise above the members. */
    get pageErrors(): unknown[] | undefined {
        return this.confirmation ? undefined : this.errors;
    }

    get dialogErrors(): unknown[] | undefined {
        return this.confirmation ? this.errors : undefined;
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

    handleRemove(event: Event): void {
        this.errors = undefined;
        this.removingUuid = (event.currentTarget as HTMLElement).dataset.uuid;
        this.dialog = 'remove';
    }

    handleDialogClosed(): void {
        this.focusAfterRender = this.openerSelector();
        this.dialog = undefined;
    }

    /** A change made in a dialog: close it and pass the new state on. */
    handleDialogChange(event: CustomEvent<ContactGroupsChange>): void {
        this.focusAfterRender = this.openerSelector();
        this.dialog = undefined;
        this.passOn(event.detail);
    }

    handleConfirm(): void {
        const recordId = this.recordId;
        const groupUuid = this.detail?.contactGroup.groupUuid;
        const confirmation = this.confirmation;
        const member = this.removingMember;
        if (!recordId || !groupUuid || !confirmation) {
            return;
        }
        if (this.dialog === 'delete') {
            this.run(confirmation.failure, () => deleteContactGroup({ recordId, groupUuid }));
        } else if (member?.isViewedClient) {
            this.run(confirmation.failure, () => removeClientFromGroup({ recordId, groupUuid }));
        } else if (member) {
            this.run(confirmation.failure, () =>
                removeStaffMember({ recordId, groupUuid, entityUserXrefUuid: member.entityUserXrefUuid })
            );
        }
    }

    handleRetry(): void {
        this.retry?.();
    }

    private get removingMember(): ContactGroupMember | undefined {
        return this.detail?.members.find((member) => member.entityUserXrefUuid === this.removingUuid);
    }

    private openerSelector(): string {
        return this.dialog === 'remove'
            ? `c-qwil-contact-group-member[data-uuid="${this.removingUuid}"]`
            : `[data-id="${this.dialog}"]`;
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
