import { z } from 'zod';
import type { Organisation } from '../contracts/QwilConnectorController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { QwilClient } from '../qwil/qwilClient';
import { isStaffRole, type Tenancy } from '../qwil/schemas';
import { STAFF_CACHE_TTL_SECONDS, staffCacheKey, type StaffKey } from './staffMapping';
import { readCached, writeCached } from './chatsCache';
import { clientLookupQuery, findClientMembership, type ClientLookupSession } from './clientLookup';
import { reusingClientState } from './clientStateReuse';

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

/** How long "the client is in none of your organisations" is trusted before the organisations are asked again. */
export const CLIENT_ORGANISATION_RECHECK_SECONDS = 30;
/** Organisations the client is looked for in, at most (the remembered one first), so the tab stays within Apex's 100 callouts. */
export const MAX_CLIENT_ORGANISATION_LOOKUPS = 20;
/** Platform Cache keeps a value at least 300 s: how long "found" is trusted is decided from the time stored with it. */
const CLIENT_ORGANISATION_TTL_SECONDS = 300;

const StoredClientOrganisation = z.object({ checkedAtMs: z.number(), entityUuid: z.string().nullable() });

/** What finding the client's organisation needs: the record, read as the running user before any of this runs. */
export type ClientOrganisationBase = Omit<ClientLookupSession, 'qwil'>;

function clientOrganisationKey(base: ClientOrganisationBase): string[] {
    const [[field, value] = ['', '']] = Object.entries(clientLookupQuery(base.settings, base.client));
    return ['clientorg', base.client.recordId, field, value];
}

/** The client's membership in one organisation, or null; a refusal there (e.g. a staff account) counts as not found. */
async function isInOrganisation(
    context: ApexContext,
    base: ClientOrganisationBase,
    qwil: QwilClient
): Promise<boolean> {
    try {
        return (await findClientMembership({ ...base, qwil }, reusingClientState(context, { qwil }))) !== null;
    } catch (error) {
        if (error instanceof AuraHandledException) return false;
        throw error;
    }
}

/**
 * With a Super API key and several organisations: the one of the running user's organisations the client is
 * in, asked one organisation after another, the remembered one first, stopping at the first that has them (in
 * Apex too, so both send the same requests). The answer is remembered per record: "found" until the cache
 * drops it, "in none" for 30 s. Runs only after the record was read as the running user, and only among the
 * organisations where that user is active staff, so it reveals nothing they could not see by switching.
 */
export async function clientOrganisation(
    context: ApexContext,
    base: ClientOrganisationBase,
    organisations: readonly StaffOrganisation[],
    remembered: StaffOrganisation | null
): Promise<StaffOrganisation | null> {
    const key = clientOrganisationKey(base);
    const stored = readCached(context, 'qwilclientorg', key, StoredClientOrganisation);
    const ageMs = stored ? Date.now() - stored.checkedAtMs : -1;
    if (stored?.entityUuid) {
        const known = organisations.find((organisation) => organisation.entityUuid === stored.entityUuid);
        if (known) return known;
    } else if (stored && ageMs >= 0 && ageMs < CLIENT_ORGANISATION_RECHECK_SECONDS * 1000) {
        return null;
    }
    const checkedAtMs = Date.now();
    const inOrder = remembered
        ? [remembered, ...organisations.filter((organisation) => organisation !== remembered)]
        : [...organisations];
    let found: StaffOrganisation | null = null;
    for (const organisation of inOrder.slice(0, MAX_CLIENT_ORGANISATION_LOOKUPS)) {
        if (
            await isInOrganisation(context, base, new QwilClient(context.http, { entityUuid: organisation.entityUuid }))
        ) {
            found = organisation;
            break;
        }
    }
    writeCached(
        context,
        'qwilclientorg',
        key,
        { checkedAtMs, entityUuid: found?.entityUuid ?? null },
        CLIENT_ORGANISATION_TTL_SECONDS
    );
    return found;
}

/** After an invitation: the client is now in an organisation, so "in none" must not be remembered. */
export function forgetClientOrganisation(context: ApexContext, base: ClientOrganisationBase): void {
    writeCached(context, 'qwilclientorg', clientOrganisationKey(base), null, CLIENT_ORGANISATION_TTL_SECONDS);
}
