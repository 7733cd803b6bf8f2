import { z } from 'zod';

export const ClientLookupType = z.enum(['Email', 'Salesforce Record ID']);
export type ClientLookupType = z.infer<typeof ClientLookupType>;

export const QwilClientStatus = z.enum(['pending', 'active', 'suspended', 'deactivated']);
export type QwilClientStatus = z.infer<typeof QwilClientStatus>;

/** What the record was looked up by in Qwil. */
export const ClientLookup = z.object({
    type: ClientLookupType,
    value: z.string()
});

/** The client's Qwil profile as the connector shows it. */
export const ClientProfile = z.object({
    firstName: z.string(),
    lastName: z.string(),
    primaryEmail: z.string(),
    invitationPhone: z.string().nullable(),
    jobTitle: z.string(),
    identifier: z.string().nullable(),
    status: QwilClientStatus,
    invitedAt: z.string(),
    joinedAt: z.string().nullable()
});
export type ClientProfile = z.infer<typeof ClientProfile>;

/** The client's Qwil state for one record (part of the tab's state). */
export const ClientState = z.discriminatedUnion('status', [
    z.object({ status: z.literal('not_invited'), lookup: ClientLookup }),
    z.object({ status: QwilClientStatus, lookup: ClientLookup, client: ClientProfile })
]);
export type ClientState = z.infer<typeof ClientState>;
