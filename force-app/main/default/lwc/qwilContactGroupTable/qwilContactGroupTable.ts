import { LightningElement, api } from 'lwc';
import type { ContactGroup } from '../../../../server/contracts/QwilContactGroupsController';

type GroupRow = Pick<ContactGroup, 'groupUuid' | 'name'> & {
    identifier: string;
    members: string;
    activeStaff: string;
    /** False for a group the server withholds (clients the user cannot read): its row is text, not a button. */
    openable: boolean;
};

const membersText = (count: number): string => `${count} ${count === 1 ? 'member' : 'members'}`;

/**
 * The client's contact groups as a table: name (which opens the group), identifier, member count
 * and whether clients can join. A withheld group shows the server's words instead of its name and
 * cannot be opened. Fires `open` (detail: `{ groupUuid }`, does not bubble).
 */
export default class QwilContactGroupTable extends LightningElement {
    @api groups: ContactGroup[] = [];
    @api clientName?: string;

    get rows(): GroupRow[] {
        return this.groups.map((group) => ({
            groupUuid: group.groupUuid,
            name: group.name,
            identifier: group.identifier ?? '',
            members: membersText(group.memberCount),
            activeStaff: group.activeStaffCount > 0 ? 'Yes' : 'No: clients cannot join',
            openable: group.hiddenClientCount === 0
        }));
    }

    /** Puts focus on a group's name, e.g. back from the group; false when it is not listed. */
    @api
    focusGroup(groupUuid: string): boolean {
        const button = this.template?.querySelector<HTMLElement>(`button[data-uuid="${groupUuid}"]`);
        button?.focus();
        return Boolean(button);
    }

    handleOpen(event: Event): void {
        const groupUuid = (event.currentTarget as HTMLElement).dataset.uuid;
        this.dispatchEvent(new CustomEvent('open', { detail: { groupUuid } }));
    }
}
