import { z } from 'zod';
import { ClientState } from './clientState';
import { SalesforceId } from './common';

/**
 * Contracts of the Qwil Messenger tab's server methods (QwilConnectorController). The server
 * parses every call with these; components import the types only.
 */

/** The Qwil organisation the connector acts in (several only with a Super API key). */
export const Organisation = z.object({ entityUuid: z.string(), name: z.string() });
export type Organisation = z.infer<typeof Organisation>;

/** Who the running user is in Qwil (the staff mapping). */
export const StaffIdentity = z.object({ name: z.string(), jobTitle: z.string(), entityUserXrefUuid: z.string() });
export type StaffIdentity = z.infer<typeof StaffIdentity>;

/** An invitation phone number as the user typed or the record holds it, and its international form. */
export const PhoneCheck = z.object({
    input: z.string().nullable(),
    /** E.164, e.g. +447700010005, or null when the input cannot be read as a phone number. */
    international: z.string().nullable(),
    /** Why it cannot be used, in words the user can act on; null when it can. */
    problem: z.string().nullable()
});
export type PhoneCheck = z.infer<typeof PhoneCheck>;

/** The mapped fields of the Salesforce record, as the invite form shows them (read-only). */
export const ClientRecordValues = z.object({
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().nullable(),
    invitationPhone: PhoneCheck
});
export type ClientRecordValues = z.infer<typeof ClientRecordValues>;

/** A difference between the Salesforce record and the client's Qwil profile. */
export const Mismatch = z.object({
    field: z.enum(['First name', 'Last name', 'Email', 'Invitation phone']),
    salesforce: z.string().nullable(),
    qwil: z.string().nullable()
});
export type Mismatch = z.infer<typeof Mismatch>;

/** Defaults and rules of the invite form, from the connector settings. */
export const InviteOptions = z.object({
    /** Default Client Job Title; null means staff must type one. */
    jobTitle: z.string().nullable(),
    /** "<Last Name> <Default Contact Group Name>", or null when no default group name is set. */
    newGroupName: z.string().nullable(),
    /** Add inviting user into new groups: the running user starts as a member of a new group. */
    addInvitingUser: z.boolean(),
    /** Staff Can Edit Invitation Phone Number. */
    phoneEditable: z.boolean(),
    /** ISO 3166 country used to read national numbers such as "07700 010005". */
    defaultCountry: z.string(),
    /** Where the default country comes from, shown to the user. */
    defaultCountrySource: z.string()
});
export type InviteOptions = z.infer<typeof InviteOptions>;

/** What the running user may do for this client now; the server enforces the same rules. */
export const TabActions = z.object({
    invite: z.boolean(),
    resendInvitation: z.boolean(),
    editPhone: z.boolean()
});
export type TabActions = z.infer<typeof TabActions>;

export const ReadyTab = z.object({
    kind: z.literal('ready'),
    /** Null with an ordinary System API key: the key itself decides the organisation. */
    organisation: Organisation.nullable(),
    /** With a Super API key and several organisations: all of them, so the user can switch; else empty. */
    switchableOrganisations: z.array(Organisation),
    staff: StaffIdentity,
    client: ClientState,
    record: ClientRecordValues,
    mismatches: z.array(Mismatch),
    invite: InviteOptions,
    actions: TabActions
});
export type ReadyTab = z.infer<typeof ReadyTab>;

/** loadTab result: the whole first view in one round trip. */
export const TabState = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('choose_organisation'), organisations: z.array(Organisation) }),
    ReadyTab
]);
export type TabState = z.infer<typeof TabState>;

export const RecordParams = z.strictObject({ recordId: SalesforceId });
export type RecordParams = z.infer<typeof RecordParams>;

/** chooseOrganisation: remembered for the running user. */
export const ChooseOrganisationParams = z.strictObject({ entityUuid: z.uuid() });
export type ChooseOrganisationParams = z.infer<typeof ChooseOrganisationParams>;

/** checkInvitationPhone: read a typed number the way Qwil needs it, before sending. */
export const CheckPhoneParams = z.strictObject({ recordId: SalesforceId, phone: z.string().max(100) });
export type CheckPhoneParams = z.infer<typeof CheckPhoneParams>;

export const SearchParams = z.strictObject({ recordId: SalesforceId, search: z.string().max(200) });
export type SearchParams = z.infer<typeof SearchParams>;

/** A group the client can be invited into; only groups with an active staff member qualify. */
export const GroupOption = z.object({
    groupUuid: z.string(),
    name: z.string(),
    memberCount: z.number(),
    eligible: z.boolean(),
    /** Why it cannot be chosen, e.g. "No active staff member"; null when eligible. */
    reason: z.string().nullable()
});
export type GroupOption = z.infer<typeof GroupOption>;
export const GroupOptions = z.object({ groups: z.array(GroupOption) });
export type GroupOptions = z.infer<typeof GroupOptions>;

/** A staff member who can be put in a new group; only active staff qualify. */
export const StaffOption = z.object({
    entityUserXrefUuid: z.string(),
    name: z.string(),
    jobTitle: z.string(),
    status: z.enum(['pending', 'active', 'suspended', 'deactivated']),
    eligible: z.boolean(),
    reason: z.string().nullable()
});
export type StaffOption = z.infer<typeof StaffOption>;
export const StaffOptions = z.object({ staff: z.array(StaffOption) });
export type StaffOptions = z.infer<typeof StaffOptions>;

/** inviteClient: the read-only names and email come from the record, never from the browser. */
export const InviteClientParams = z.strictObject({
    recordId: SalesforceId,
    jobTitle: z.string().trim().min(1, 'Job title is required').max(500),
    /** Ignored unless Staff Can Edit Invitation Phone Number is on; then it replaces the record's number. */
    invitationPhone: z.string().max(100).nullable(),
    groupUuids: z.array(z.uuid()).max(100),
    newGroup: z
        .strictObject({
            name: z.string().trim().min(1, 'Group name is required').max(500),
            staffEntityUserXrefUuids: z.array(z.uuid()).max(100)
        })
        .nullable()
});
export type InviteClientParams = z.infer<typeof InviteClientParams>;

/** updateInvitationPhone: a pending client's number, when staff may edit it. */
export const UpdatePhoneParams = z.strictObject({ recordId: SalesforceId, invitationPhone: z.string().max(100) });
export type UpdatePhoneParams = z.infer<typeof UpdatePhoneParams>;
