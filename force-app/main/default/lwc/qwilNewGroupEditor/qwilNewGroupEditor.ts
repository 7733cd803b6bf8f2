import { LightningElement, api } from 'lwc';
import searchInviteGroups from '@salesforce/apex/QwilConnectorController.searchInviteGroups';
import { freeName } from 'c/qwilGroupNames';
import type { InviteClientParams, StaffIdentity } from '../../../../server/contracts/QwilConnectorController';

type Member = Pick<StaffIdentity, 'entityUserXrefUuid' | 'name' | 'jobTitle'>;

/** The new group as the invitation asks for it. */
export type NewGroup = NonNullable<InviteClientParams['newGroup']>;

/**
 * The "create a new group" part of the invite form: whether to create one, its name, and its
 * staff members (starting members removable, more found through staff search).
 */
export default class QwilNewGroupEditor extends LightningElement {
    @api recordId?: string;
    /** The suggested name, e.g. "Hart Relationship"; when there is one, creating a group starts ticked. */
    @api defaultName: string | null = null;
    /** Who is in the group to begin with, e.g. the inviting user. */
    @api startingMembers: Member[] = [];

    isCreating = false;
    name = '';
    members: Member[] = [];

    override connectedCallback(): void {
        this.isCreating = this.defaultName !== null;
        this.name = this.defaultName ?? '';
        this.members = [...this.startingMembers];
        this.avoidTakenDefaultName().catch(() => undefined);
    }

    /**
     * The suggested name may already belong to a group (another family member's "Whitfield
     * Relationship"): then it becomes the first free "… 2", "… 3", unless the user has typed a name.
     * Only groups the user may see are known; a failed search leaves the suggestion as it is.
     */
    private async avoidTakenDefaultName(): Promise<void> {
        const suggested = this.defaultName?.trim();
        if (!suggested || !this.recordId) return;
        try {
            const { groups } = await searchInviteGroups({ recordId: this.recordId, search: suggested });
            if (this.name === this.defaultName)
                this.name = freeName(
                    suggested,
                    groups.map((group) => group.name)
                );
        } catch {
            // Without the search the suggestion stays as it was; the user can still change it.
        }
    }

    /** The group to create, or null when the user creates none. */
    @api
    get newGroup(): NewGroup | null {
        return this.isCreating
            ? {
                  name: this.name.trim(),
                  staffEntityUserXrefUuids: this.members.map((member) => member.entityUserXrefUuid)
              }
            : null;
    }

    get hasMembers(): boolean {
        return this.members.length > 0;
    }

    get memberUuids(): string[] {
        return this.members.map((member) => member.entityUserXrefUuid);
    }

    handleCreatingChange(event: CustomEvent<{ checked: boolean }>): void {
        this.isCreating = event.detail.checked;
    }

    handleNameChange(event: CustomEvent<{ value: string }>): void {
        this.name = event.detail.value ?? '';
    }

    handleAdd(event: CustomEvent<{ staff: Member }>): void {
        const { entityUserXrefUuid, name, jobTitle } = event.detail.staff;
        if (!this.memberUuids.includes(entityUserXrefUuid)) {
            this.members = [...this.members, { entityUserXrefUuid, name, jobTitle }];
        }
    }

    handleRemove(event: CustomEvent<{ entityUserXrefUuid: string }>): void {
        const uuid = event.detail.entityUserXrefUuid;
        this.members = this.members.filter((member) => member.entityUserXrefUuid !== uuid);
    }
}
