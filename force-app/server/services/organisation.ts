import { z } from 'zod';
import type { Organisation } from '../contracts/QwilConnectorController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import type { QwilClient } from '../qwil/qwilClient';
import { isStaffRole, type Tenancy } from '../qwil/schemas';
import { STAFF_CACHE_TTL_SECONDS, staffCacheKey, type StaffKey } from './staffMapping';

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
    const tenancies = await qwil.memberships.listTenancies(key.value);
    refuseTooManyLookups(tenancies.filter(needsLookup).length);
    // The per-organisation checks are independent: sent at once (in Apex, one after the other).
    const active = await Promise.all(tenancies.map((tenancy) => isActiveStaff(qwil, tenancy)));
    const organisations = tenancies
        .filter((_, index) => active[index])
        .map((tenancy) => ({
            entityUuid: tenancy.entity.entity_uuid,
            name: tenancy.entity.name,
            membershipUuid: tenancy.user.entity_user_xref_uuid
        }));
    if (organisations.length === 0) {
        throw new AuraHandledException(
            `No Qwil organisation lists ${key.value} (your ${key.label}) as an active staff member. With a Super API key the ${key.label} must be your Qwil primary email; ask your Qwil administrator to check your staff accounts.`
        );
    }
    return organisations;
}

const StaffOrganisations = z.array(z.object({ entityUuid: z.string(), name: z.string(), membershipUuid: z.string() }));

/**
 * The running user's organisations for the tab, cached per user as long as their staff mapping
 * (the same kind of fact: who they are in Qwil), so a warm tab open asks Qwil only for the client.
 */
export async function cachedStaffOrganisations(
    context: ApexContext,
    qwil: QwilClient,
    key: StaffKey
): Promise<StaffOrganisation[]> {
    const cacheEntry = staffCacheKey('qwilorgs', context, key, 'super-key');
    const cached = StaffOrganisations.safeParse(context.cache.get(cacheEntry));
    if (cached.success && cached.data.length > 0) return cached.data;
    const organisations = await activeStaffOrganisations(qwil, key);
    context.cache.put(cacheEntry, organisations, STAFF_CACHE_TTL_SECONDS);
    return organisations;
}

/**
 * Whether the tenancy's membership is active staff. Qwil's sample reads no role or status in a
 * tenancy (the mock's are its own choice): when either is unknown and the other does not already
 * rule the membership out, one lookup by uuid in that organisation decides.
 */
async function isActiveStaff(qwil: QwilClient, tenancy: Tenancy): Promise<boolean> {
    const { role, status, entity_user_xref_uuid } = tenancy.user;
    if (rulesOut(tenancy)) return false;
    if (role !== undefined && status !== undefined) return true;
    const membership = await qwil
        .inOrganisation(tenancy.entity.entity_uuid)
        .memberships.findMembership({ entity_user_xref_uuid });
    return membership !== null && isStaffRole(membership.role) && membership.status === 'active';
}

function rulesOut({ user: { role, status } }: Tenancy): boolean {
    return (role !== undefined && !isStaffRole(role)) || (status !== undefined && status !== 'active');
}

function needsLookup(tenancy: Tenancy): boolean {
    return !rulesOut(tenancy) && (tenancy.user.role === undefined || tenancy.user.status === undefined);
}

/** Lookups of organisations whose answer names no role or status, at most, so the tab stays within Apex's 100 callouts. */
export const MAX_ORGANISATION_LOOKUPS = 20;

function refuseTooManyLookups(lookups: number): void {
    if (lookups > MAX_ORGANISATION_LOOKUPS) {
        throw new AuraHandledException(
            `Qwil lists you in ${lookups} organisations without saying in which you are active staff, more than Qwil Messenger can check at once (${MAX_ORGANISATION_LOOKUPS}). Ask your Qwil administrator to check your staff accounts.`
        );
    }
}

/** One organisation is used at once; with several, the user's remembered choice, or they choose. */
export function chooseFrom(context: ApexContext, organisations: StaffOrganisation[]): OrganisationChoice {
    const [only] = organisations;
    if (only && organisations.length === 1) return { kind: 'chosen', organisation: only, switchable: [] };
    const user = context.database.queryById(
        'User',
        context.userInfo.getUserId(),
        [CHOSEN_ORGANISATION_FIELD],
        'SYSTEM_MODE'
    );
    const remembered = organisations.find(
        (organisation) => organisation.entityUuid === user?.[CHOSEN_ORGANISATION_FIELD]
    );
    return remembered
        ? { kind: 'chosen', organisation: remembered, switchable: organisations }
        : { kind: 'choose', organisations };
}

/** Remembers the user's choice; refuses an organisation where they are not active staff. */
export function rememberOrganisation(context: ApexContext, organisations: Organisation[], entityUuid: string): void {
    if (!organisations.some((organisation) => organisation.entityUuid === entityUuid)) {
        throw new AuraHandledException(
            'You are not an active staff member of that Qwil organisation. Pick one from the list.'
        );
    }
    // DML comes last: no callout may follow uncommitted work in the same transaction.
    context.database.updateById(
        'User',
        context.userInfo.getUserId(),
        { [CHOSEN_ORGANISATION_FIELD]: entityUuid },
        'SYSTEM_MODE'
    );
}
