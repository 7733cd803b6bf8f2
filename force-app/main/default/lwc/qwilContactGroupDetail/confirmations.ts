import type { ContactGroupMember } from '../../../../server/contracts/QwilContactGroupsController';

/** What a confirming dialog asks before a change that takes something away, and what it says if the change fails. */
export interface Confirmation {
    heading: string;
    question: string;
    confirmLabel: string;
    busyLabel: string;
    failure: string;
}

export function deleteGroupConfirmation(groupName: string): Confirmation {
    return {
        heading: 'Delete contact group',
        question: `Delete ${groupName}? Its members lose access to each other through this group. This cannot be undone.`,
        confirmLabel: 'Delete group',
        busyLabel: 'Deleting the group',
        failure: 'The group could not be deleted'
    };
}

/** Removing a staff member; said plainly when it is the running user. */
export function removeStaffConfirmation(member: ContactGroupMember, groupName: string, isYou: boolean): Confirmation {
    if (isYou) {
        return {
            heading: 'Remove yourself from the group',
            question: `Remove yourself from ${groupName}? You will no longer see this group's chats or be able to change the group. Another staff member of the group can add you again.`,
            confirmLabel: 'Remove me',
            busyLabel: 'Removing you from the group',
            failure: 'You could not be removed from the group'
        };
    }
    return {
        heading: 'Remove staff member',
        question: `Remove ${member.name} from ${groupName}? They will no longer see this group's chats. You can add them again with Add Staff Members.`,
        confirmLabel: 'Remove staff member',
        busyLabel: 'Removing the staff member',
        failure: `${member.name} could not be removed`
    };
}

export function removeClientConfirmation(clientName: string, groupName: string): Confirmation {
    return {
        heading: 'Remove client from group',
        question: `Remove ${clientName} from ${groupName}? ${clientName} will no longer see this group's chats and stays in their other contact groups. You can add them again with Add client to a group.`,
        confirmLabel: 'Remove client',
        busyLabel: 'Removing the client',
        failure: 'The client could not be removed from the group'
    };
}
