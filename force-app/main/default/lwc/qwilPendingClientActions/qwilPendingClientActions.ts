import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import resendInvitation from '@salesforce/apex/QwilConnectorController.resendInvitation';
import updateInvitationPhone from '@salesforce/apex/QwilConnectorController.updateInvitationPhone';
import loadTab from '@salesforce/apex/QwilConnectorController.loadTab';
import type { ReadyTab, TabState } from '../../../../server/contracts/QwilConnectorController';
import type { CheckedPhone } from '../qwilInvitationPhone/qwilInvitationPhone';

type PhoneField = HTMLElement & { readPhone(): Promise<CheckedPhone> };

/**
 * What staff can do for a client who has not joined yet: resend the invitation and, when staff
 * may, change the number the invitation is verified with. Fires `tabchange` (does not bubble)
 * with the tab's new state as `detail` after each change, and after a failure when the client's
 * state has changed meanwhile (then no error with a Retry that cannot succeed is shown).
 */
export default class QwilPendingClientActions extends LightningElement {
    @api recordId?: string;
    @api tab?: ReadyTab;

    isResending = false;
    resendErrors?: unknown[];
    isEditingPhone = false;
    isSavingPhone = false;
    phoneErrors?: unknown[];

    private focusEditPhoneButton = false;

    get resendLabel(): string {
        return this.isResending ? 'Resending…' : 'Resend invitation';
    }

    get currentPhoneText(): string {
        const phone = this.tab?.client.status === 'not_invited' ? null : this.tab?.client.client.invitationPhone;
        return phone
            ? `Qwil sends the invitation to ${phone}.`
            : 'Qwil has no invitation phone number for this client.';
    }

    override renderedCallback(): void {
        if (this.focusEditPhoneButton) {
            this.focusEditPhoneButton = false;
            this.template?.querySelector<HTMLElement>('[data-id="edit-phone"]')?.focus();
        }
    }

    async handleResend(): Promise<void> {
        const recordId = this.recordId;
        if (this.isResending || !recordId) {
            return;
        }
        this.isResending = true;
        this.resendErrors = undefined;
        try {
            const tab = await resendInvitation({ recordId });
            // A client who is no longer pending gets no invitation: the answer is their current state.
            if (this.isStillPending(tab)) {
                this.toast(
                    'Invitation resent',
                    'The client gets a new invitation link; the earlier link no longer works.'
                );
            }
            this.changeTab(tab);
        } catch (error) {
            if (!(await this.changedMeanwhile(recordId))) this.resendErrors = [error];
        } finally {
            this.isResending = false;
        }
    }

    handleEditPhone(): void {
        this.phoneErrors = undefined;
        this.isEditingPhone = true;
    }

    handleCloseEditPhone(): void {
        this.isEditingPhone = false;
        this.focusEditPhoneButton = true;
    }

    async handleSavePhone(): Promise<void> {
        const recordId = this.recordId;
        const phoneField = this.template?.querySelector<PhoneField>('c-qwil-invitation-phone');
        if (this.isSavingPhone || !recordId || !phoneField) {
            return;
        }
        this.isSavingPhone = true;
        this.phoneErrors = undefined;
        try {
            const { typed, check } = await phoneField.readPhone();
            // The field already shows why the number cannot be used.
            if (check.problem) {
                return;
            }
            const tab = await updateInvitationPhone({ recordId, invitationPhone: typed });
            if (this.isStillPending(tab)) {
                this.toast(
                    'Invitation phone changed',
                    `The invitation is now verified with ${check.international ?? typed}.`
                );
                this.handleCloseEditPhone();
            }
            this.changeTab(tab);
        } catch (error) {
            if (!(await this.changedMeanwhile(recordId))) this.phoneErrors = [error];
        } finally {
            this.isSavingPhone = false;
        }
    }

    private isStillPending(tab: TabState): boolean {
        return tab.kind === 'ready' && tab.client.status === 'pending';
    }

    /**
     * After a failed action: reads the client's state again and, when their Qwil status is no longer
     * the one the action was offered for (e.g. they accepted the invitation meanwhile), passes the new
     * state on so the tab shows it and says what changed. False when nothing changed or it cannot tell.
     */
    private async changedMeanwhile(recordId: string): Promise<boolean> {
        try {
            const fresh = await loadTab({ recordId });
            if (fresh.kind !== 'ready' || fresh.client.status === this.tab?.client.status) return false;
            this.changeTab(fresh);
            return true;
        } catch {
            return false;
        }
    }

    private toast(title: string, message: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
    }

    private changeTab(tab: TabState): void {
        this.dispatchEvent(new CustomEvent('tabchange', { detail: tab }));
    }
}
