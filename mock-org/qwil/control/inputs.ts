import { z } from 'zod';
import { isValidAddress, isValidCidr } from '../auth/cidr';
import { SEED_NAMES } from '../seed/seeds';

/** Inputs of the control surface, shared by the jest functions and the admin HTTP API. */

/** `keepApiKeys` keeps the existing System API keys, so a dev server's stored credential stays valid. */
const KeepApiKeys = z.boolean().optional();
export const ResetInput = z.strictObject({ keepApiKeys: KeepApiKeys });
export const SeedInput = z.strictObject({ seed: z.enum(SEED_NAMES), keepApiKeys: KeepApiKeys });

const KeyIdentity = {
    name: z.string().min(1).max(200),
    cidrBlocks: z.array(z.string().refine(isValidCidr, 'must be a CIDR block such as 13.108.0.0/14')).optional(),
    /** Default: the first organisation (Harbour Wealth in the demo seed). */
    entityUuid: z.uuid().optional()
};

const SystemKeyFlags = {
    /** The defaults are the installation guide's recommended key: export off, the other three on. */
    canExportData: z.boolean().optional(),
    canReadOnly: z.boolean().optional(),
    canWriteOnly: z.boolean().optional(),
    canDataReview: z.boolean().optional(),
    /** Needed by Qwil's SDK samples only; off by default, as the installation guide does not ask for it. */
    canCreateSdkTokens: z.boolean().optional()
};

export const CreateSystemApiKeyInput = z.strictObject({ ...KeyIdentity, ...SystemKeyFlags });
export type CreateSystemApiKeyInput = z.input<typeof CreateSystemApiKeyInput>;

/** A Master User API key with Qwil's four Master flags; default: read-only and write-only chat on, the others off. */
export const CreateMasterUserApiKeyInput = z.strictObject({
    ...KeyIdentity,
    canReadChat: z.boolean().optional(),
    canWriteChat: z.boolean().optional(),
    canExportData: z.boolean().optional(),
    canReadContacts: z.boolean().optional()
});
export type CreateMasterUserApiKeyInput = z.input<typeof CreateMasterUserApiKeyInput>;

export const KeyInput = z.strictObject({ key: z.string().min(1) });

/** An administrator changes a key's permission flags in Qwil; the flags not given stay as they are. */
export const KeyPermissionsInput = z.strictObject({ key: z.string().min(1), ...SystemKeyFlags });
export type KeyPermissionsInput = z.input<typeof KeyPermissionsInput>;

/** Appends generated messages to a chat, for paging and load tests. */
export const GenerateMessagesInput = z.strictObject({
    chatUuid: z.uuid(),
    count: z.number().int().min(1).max(100_000)
});
export type GenerateMessagesInput = z.input<typeof GenerateMessagesInput>;

export const CallerAddressInput = z.strictObject({
    ip: z.string().refine(isValidAddress, 'must be an IPv4 or IPv6 address')
});

/** Clients as a bulk import (Qwil's client CSV) creates them: pending, or in the status given, in one group. */
export const ImportClientsInput = z.strictObject({
    entityUuid: z.uuid(),
    groupUuid: z.uuid(),
    clients: z
        .array(
            z.strictObject({
                firstName: z.string().min(1),
                lastName: z.string().min(1),
                primaryEmail: z.email(),
                identifier: z.string().min(1).nullable(),
                status: z.enum(['pending', 'active', 'suspended', 'deactivated'])
            })
        )
        .max(20_000)
});
export type ImportClientsInput = z.infer<typeof ImportClientsInput>;

export const AcceptInvitationInput = z.strictObject({
    entityUserXrefUuid: z.uuid(),
    /** When given, it must be the latest invitation's token. */
    invitationToken: z.string().min(1).optional()
});

const Count = z.number().int().min(0);
export const FaultPlanInput = z.strictObject({
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    failNext: z.strictObject({ count: Count, status: z.number().int().min(400).max(599) }).optional(),
    malformedNext: Count.optional(),
    timeoutNext: Count.optional()
});

export const RateLimitInput = z.strictObject({
    limit: z.number().int().min(1),
    windowMs: z.number().int().min(1)
});

export const OrganisationStatusInput = z.strictObject({
    entityUuid: z.uuid(),
    status: z.enum(['active', 'inactive', 'frozen'])
});

/** Qwil's SDK feature for one organisation: `sdk/sessions/create` answers RF888 while it is off. */
export const OrganisationSdkInput = z.strictObject({ entityUuid: z.uuid(), enabled: z.boolean() });

export const NoInput = z.strictObject({});
