import { z } from 'zod';
import { QwilClientStatus } from './clientState';
import { SalesforceId } from './common';
import { OnceFields } from './exactlyOnce';

/**
 * Contracts of the Contact Groups page's server methods (QwilContactGroupsController). The server
 * parses every call with these; components import the types only.
 */

/**
 * One of the viewed client's Qwil groups as the list shows it. A group holding clients the user
 * cannot read in Salesforce is withheld: its name is staff words saying so, without its identifier
 * and description, and it cannot be opened from the record.
 */
export const ContactGroup = z.object({
    groupUuid: z.string(),
    name: z.string(),
    identifier: z.string().nullable(),
    description: z.string().nullable(),
    memberCount: z.number(),
    activeStaffCount: z.number(),
    /**
     * Clients in the group, besides the viewed client, whom the user cannot read in Salesforce:
     * counted, never named. 0 for a group the page shows; null when the group was not checked (the
     * client is in more groups than one request checks), which is withheld too.
     */
    hiddenClientCount: z.number().int().nullable()
});
export type ContactGroup = z.infer<typeof ContactGroup>;

/** The Contact Groups page: the client's groups, and whether the running user may change them. */
export const ContactGroupsView = z.object({
    clientName: z.string(),
    /** The client's Qwil status; null when the record is not on Qwil. */
    clientStatus: QwilClientStatus.nullable(),
    canManage: z.boolean(),
    /** Why the groups are read-only (or absent); null when they can be managed. */
    readOnlyReason: z.string().nullable(),
    groups: z.array(ContactGroup)
});
export type ContactGroupsView = z.infer<typeof ContactGroupsView>;

/** A member of an opened group; only staff, and the viewed client, can be removed from the page. */
export const ContactGroupMember = z.object({
    entityUserXrefUuid: z.string(),
    name: z.string(),
    jobTitle: z.string(),
    kind: z.enum(['staff', 'client']),
    status: QwilClientStatus,
    isViewedClient: z.boolean(),
    /** Staff only: whether the page offers Remove. */
    removable: z.boolean(),
    /** Why a staff member cannot be removed; null when they can. */
    reason: z.string().nullable()
});
export type ContactGroupMember = z.infer<typeof ContactGroupMember>;

/**
 * An opened group: its details, members and what may be done with it. The group is `contactGroup`,
 * never `group`: `group` is a reserved word in Apex, so the Apex twin could not have that field.
 */
export const ContactGroupDetail = z.object({
    contactGroup: ContactGroup,
    members: z.array(ContactGroupMember),
    /** The viewed client can be taken out of the group (not their last group). */
    canRemoveClient: z.boolean(),
    /** The group can be deleted (not the client's last group). */
    canDelete: z.boolean(),
    /** Why the client cannot leave or the group cannot be deleted; null when both can. */
    lastGroupReason: z.string().nullable()
});
export type ContactGroupDetail = z.infer<typeof ContactGroupDetail>;

/** Every change answers the page's new state, and the changed group when it still concerns the client. */
export const ContactGroupsChange = z.object({
    view: ContactGroupsView,
    /** The changed group, opened; null when it no longer concerns the client. */
    contactGroup: ContactGroupDetail.nullable(),
    /** What changed, for the confirmation toast. */
    message: z.string()
});
export type ContactGroupsChange = z.infer<typeof ContactGroupsChange>;

/** Another existing group the client could be added to; only groups with an active staff member qualify. */
export const JoinableGroup = z.object({
    groupUuid: z.string(),
    name: z.string(),
    memberCount: z.number(),
    eligible: z.boolean(),
    reason: z.string().nullable()
});
export type JoinableGroup = z.infer<typeof JoinableGroup>;
export const JoinableGroups = z.object({ groups: z.array(JoinableGroup) });
export type JoinableGroups = z.infer<typeof JoinableGroups>;

export const ContactGroupsParams = z.strictObject({ recordId: SalesforceId });
export type ContactGroupsParams = z.infer<typeof ContactGroupsParams>;

export const GroupParams = z.strictObject({ recordId: SalesforceId, groupUuid: z.uuid() });
export type GroupParams = z.infer<typeof GroupParams>;

export const SearchGroupsParams = z.strictObject({ recordId: SalesforceId, search: z.string().max(200) });
export type SearchGroupsParams = z.infer<typeof SearchGroupsParams>;

/** addStaffMembers: one or several active staff at once. */
export const AddStaffParams = z.strictObject({
    recordId: SalesforceId,
    groupUuid: z.uuid(),
    staffEntityUserXrefUuids: z.array(z.uuid()).min(1, 'Choose at least one staff member').max(20)
});
export type AddStaffParams = z.infer<typeof AddStaffParams>;

export const StaffMemberParams = z.strictObject({
    recordId: SalesforceId,
    groupUuid: z.uuid(),
    entityUserXrefUuid: z.uuid()
});
export type StaffMemberParams = z.infer<typeof StaffMemberParams>;

/** Name, identifier and description as the form sends them; a blank identifier or description clears it. */
const GroupFields = {
    name: z.string().trim().min(1, 'Group name is required').max(500),
    identifier: z.string().trim().max(255),
    description: z.string().trim().max(2000)
};

export const CreateGroupParams = z.strictObject({ recordId: SalesforceId, ...GroupFields, ...OnceFields });
export type CreateGroupParams = z.infer<typeof CreateGroupParams>;

export const UpdateGroupParams = z.strictObject({ recordId: SalesforceId, groupUuid: z.uuid(), ...GroupFields });
export type UpdateGroupParams = z.infer<typeof UpdateGroupParams>;
