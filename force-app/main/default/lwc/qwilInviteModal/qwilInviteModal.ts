import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import inviteClient from '@salesforce/apex/QwilConnectorController.inviteClient';
import type { ReadyTab, StaffIdentity } from '../../../../server/contracts/QwilConnectorController';
import type { CheckedPhone } from '../qwilInvitationPhone/qwilInvitationPhone';
import type { NewGroup } from '../qwilNewGroupEditor/qwilNewGroupEditor';

type PhoneField = HTMLElement & { readPhone(): Promise<CheckedPhone> };
type GroupSearch = HTMLElement & { selectedGroupUuids: string[] };
type NewGroupEditor = HTMLElement & { newGroup: NewGroup | null };

const NOT_ON_RECORD = 'Not on the record';

/**
 * Invites the record's client to Qwil: names and email from the record (read-only), invitation
 * phone, job title and the groups to join. Fires `close` (Cancel, Back, Escape) and, once the
 * invitation is sent, `tabchange` with the tab's new state as `detail`; neither bubbles. With several
 * Qwil organisations it asks which one (default: the one the tab acts in, the user's remembered
 * choice) and fires `organisationchange` (detail: `{ entityUuid }`, does not bubble) when another is picked.
 */
export default class QwilInviteModal extends LightningElement {
    @api recordId?: string;
    @api tab?: ReadyTab;

    jobTitle = '';
    isSending = false;
    problems: string[] = [];
    errors?: unknown[];

    override connectedCallback(): void {
        this.jobTitle = this.tab?.invite.jobTitle ?? '';
    }

    get firstName(): string {
        return this.tab?.record.firstName || NOT_ON_RECORD;
    }

    get lastName(): string {
        return this.tab?.record.lastName || NOT_ON_RECORD;
    }

    get email(): string {
        return this.tab?.record.email || NOT_ON_RECORD;
    }

    get clientName(): string {
        return [this.tab?.record.firstName, this.tab?.record.lastName].filter(Boolean).join(' ') || 'The client';
    }

    get startingMembers(): StaffIdentity[] {
        return this.tab?.invite.addInvitingUser ? [this.tab.staff] : [];
    }

    /** The organisations to invite into, when there is a choice; the current one first, so it is the one selected. */
    get organisationChoices(): { entityUuid: string; name: string }[] | null {
        const organisations = this.tab?.switchableOrganisations ?? [];
        if (organisations.length < 2) return null;
        const isCurrent = (entityUuid: string) => entityUuid === this.tab?.organisation?.entityUuid;
        return [
            ...organisations.filter((organisation) => isCurrent(organisation.entityUuid)),
            ...organisations.filter((organisation) => !isCurrent(organisation.entityUuid))
        ];
    }

    handleOrganisationChange(event: Event): void {
        const entityUuid = (event.target as HTMLSelectElement).value;
        if (entityUuid && entityUuid !== this.tab?.organisation?.entityUuid) {
            this.dispatchEvent(new CustomEvent('organisationchange', { detail: { entityUuid } }));
        }
    }

    get hasProblems(): boolean {
        return this.problems.length > 0;
    }

    handleJobTitleChange(event: CustomEvent<{ value: string }>): void {
        this.jobTitle = event.detail.value ?? '';
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    async handleSend(): Promise<void> {
        const tab = this.tab;
        const recordId = this.recordId;
        if (this.isSending || !tab || !recordId) {
            return;
        }
        this.isSending = true;
        this.errors = undefined;
        this.problems = [];
        try {
            const phone = await this.invitationPhone(tab);
            const groupUuids = this.child<GroupSearch>('c-qwil-invite-group-search')?.selectedGroupUuids ?? [];
            const newGroup = this.child<NewGroupEditor>('c-qwil-new-group-editor')?.newGroup ?? null;
            this.problems = this.problemsWith(phone.problem, groupUuids, newGroup);
            if (this.problems.length > 0) {
                return;
            }
            const newTab = await inviteClient({
                recordId,
                jobTitle: this.jobTitle.trim(),
                invitationPhone: phone.invitationPhone,
                groupUuids,
                newGroup
            });
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Invitation sent',
                    message: `${this.clientName} is invited to Qwil Messenger and shows as pending until they join.`,
                    variant: 'success'
                })
            );
            this.dispatchEvent(new CustomEvent('tabchange', { detail: newTab }));
        } catch (error) {
            this.errors = [error];
        } finally {
            this.isSending = false;
        }
    }

    /** What to send as the invitation phone, and why it cannot be used, if it cannot. */
    private async invitationPhone(tab: ReadyTab): Promise<{ invitationPhone: string | null; problem: string | null }> {
        if (!tab.invite.phoneEditable) {
            const problem = tab.record.invitationPhone.problem;
            return { invitationPhone: null, problem: problem && `${problem} Fix the number on the Salesforce record.` };
        }
        const phoneField = this.child<PhoneField>('c-qwil-invitation-phone');
        const phone = phoneField ? await phoneField.readPhone() : undefined;
        return { invitationPhone: phone?.typed ?? null, problem: phone?.check.problem ?? null };
    }

    private problemsWith(phoneProblem: string | null, groupUuids: string[], newGroup: NewGroup | null): string[] {
        return [
            phoneProblem && `Invitation phone: ${phoneProblem}`,
            this.jobTitle.trim() === '' && 'Enter a job title.',
            groupUuids.length === 0 && !newGroup && 'Choose at least one existing contact group or create a new group.',
            newGroup?.name === '' && 'Enter a name for the new group.',
            newGroup?.staffEntityUserXrefUuids.length === 0 && 'Add at least one active staff member to the new group.'
        ].filter((problem): problem is string => typeof problem === 'string');
    }

    private child<T extends HTMLElement>(selector: string): T | null {
        return this.template?.querySelector<T>(selector) ?? null;
    }
}
