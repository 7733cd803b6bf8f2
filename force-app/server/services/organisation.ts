import type { Organisation } from '../contracts/qwilTab';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import type { QwilClient } from '../qwil/qwilClient';
import { isStaffRole, type Tenancy } from '../qwil/schemas';
import type { StaffKey } from './staffMapping';

/** The custom User field where the organisation a user chose is remembered (Super API key only). */
export const CHOSEN_ORGANISATION_FIELD = 'Qwil_Organisation__c';


/** An organisation where the running user is active staff, with their membership there. */
export interface StaffOrganisation extends Organisation {
    readonly membershipUuid: string;
}

export type OrganisationChoice =
    | { readonly kind: 'chosen'; readonly organisation: StaffOrganisation; readonly switchable: StaffOrganisation[] }
    | { readonly kind: 'choose'; readonly organisations: StaffOrganisation[] };

/**
 * With a Super API key, the organisations where the running user is an active staff member,
 * found by their Staff ID value as primary email (Qwil's tenancy lookup is by email).
 */
export async function activeStaffOrganisations(qwil: QwilClient, key: StaffKey): Promise<StaffOrganisation[]> {
    const organisations: StaffOrganisation[] = [];
    for (const tenancy of await qwil.listTenancies(key.value)) {
        if (await isActiveStaff(qwil, tenancy)) {
            organisations.push({ entityUuid: tenancy.entity.entity_uuid, name: tenancy.entity.name, membershipUuid: tenancy.user.entity_user_xref_uuid });
        }
    }
    if (organisations.length === 0) {
        throw new AuraHandledException(
            `No Qwil organisation lists ${key.value} (your ${key.label}) as an active staff member. With a Super API key the ${key.label} must be your Qwil primary email; ask your Qwil administrator to check your staff accounts.`
        );
    }
    return organisations;
}

/**
 * Whether the tenancy's membership is active staff. Qwil's sample reads no role or status in a
 * tenancy (the mock's are its own choice): when either is unknown and the other does not already
 * rule the membership out, one lookup by uuid in that organisation decides.
 */
async function isActiveStaff(qwil: QwilClient, tenancy: Tenancy): Promise<boolean> {
    const { role, status, entity_user_xref_uuid } = tenancy.user;
    if ((role !== undefined && !isStaffRole(role)) || (status !== undefined && status !== 'active')) return false;
    if (role !== undefined && status !== undefined) return true;
    const membership = await qwil.inOrganisation(tenancy.entity.entity_uuid).findMembership({ entity_user_xref_uuid });
    return membership !== null && isStaffRole(membership.role) && membership.status === 'active';
}

/** One organisation is used at once; with several, the user's remembered choice, or they choose. */
export function chooseFrom(context: ApexContext, organisations: StaffOrganisation[]): OrganisationChoice {
    const [only] = organisations;
    if (only && organisations.length === 1) return { kind: 'chosen', organisation: only, switchable: [] };
    const user = context.database.queryById('User', context.userInfo.getUserId(), [CHOSEN_ORGANISATION_FIELD], 'SYSTEM_MODE');
    const remembered = organisations.find((organisation) => organisation.entityUuid === user?.[CHOSEN_ORGANISATION_FIELD]);
    return remembered ? { kind: 'chosen', organisation: remembered, switchable: organisations } : { kind: 'choose', organisations };
}

/** Remembers the user's choice; refuses an organisation where they are not active staff. */
export function rememberOrganisation(context: ApexContext, organisations: Organisation[], entityUuid: string): void {
    if (!organisations.some((organisation) => organisation.entityUuid === entityUuid)) {
        throw new AuraHandledException('You are not an active staff member of that Qwil organisation. Pick one from the list.');
    }
    // DML comes last: no callout may follow uncommitted work in the same transaction.
    context.database.updateById('User', context.userInfo.getUserId(), { [CHOSEN_ORGANISATION_FIELD]: entityUuid }, 'SYSTEM_MODE');
}
