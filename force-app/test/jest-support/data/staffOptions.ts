import type { StaffOption } from '../../../server/contracts/QwilConnectorController';

/** A staff member as the staff search lists them: active and eligible unless `overrides` say otherwise. */
export const staffOption = (name: string, uuid: string, overrides: Partial<StaffOption> = {}): StaffOption => ({
    entityUserXrefUuid: uuid,
    name,
    jobTitle: 'Adviser',
    status: 'active',
    eligible: true,
    reason: null,
    ...overrides
});
