import type { Http } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { QwilClient } from '../qwil/qwilClient';
import { QwilApiError } from '../qwil/qwilTransport';
import { lookUpStaff } from '../services/staffMapping';
import { checkedOrganisation } from './checkedOrganisation';
import {
    fail,
    FIX_SETTINGS_FIRST,
    pass,
    WHERE_CREDENTIAL,
    WHERE_KEYS,
    type CheckResult,
    type SettingsState
} from './checkResult';

/** The health checks that call Qwil as the connector does: through its Qwil client and staff mapping. */

/** How the checks reach Qwil as the administrator (the org's callout path), or why they cannot. */
export type AdminQwil = { readonly ok: true; readonly http: Http } | { readonly ok: false; readonly problem: string };

/** The administrator running the check, as their User record has it. */
export type AdminUser = Readonly<Record<string, unknown>>;

export const QWIL_FIXES: Readonly<Record<string, string>> = {
    RU001: `Qwil does not know this key and secret (or they are for another region): paste both again in ${WHERE_CREDENTIAL}.`,
    RU002: `The key is revoked: create a new System API key in ${WHERE_KEYS} and enter it in ${WHERE_CREDENTIAL}.`,
    QX010: `The key lacks the read-only permission: create a key with the guide's recommended permissions in ${WHERE_KEYS}.`,
    QX011: `Salesforce's address is outside the key's CIDR blocks: create a key whose CIDR blocks include Salesforce's egress ranges in ${WHERE_KEYS}.`
};

export function fixFor(error: unknown): string {
    if (error instanceof QwilApiError && error.errorCode && QWIL_FIXES[error.errorCode])
        return QWIL_FIXES[error.errorCode] as string;
    return `Check the named credential in ${WHERE_CREDENTIAL} and the key in ${WHERE_KEYS}.`;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const CORRECT_CREDENTIAL = `Correct the named credential in ${WHERE_CREDENTIAL}.`;

/** A read-only call Qwil answers for plain and Super keys alike: the organisations of the admin's email. */
export async function liveCallCheck(qwil: AdminQwil, admin: AdminUser): Promise<CheckResult> {
    const title = 'A live call to Qwil with the key succeeds';
    if (!qwil.ok) return fail('live-call', title, qwil.problem, CORRECT_CREDENTIAL);
    const email = String(admin['Email']);
    try {
        const tenancies = await new QwilClient(qwil.http).memberships.listTenancies(email);
        return pass(
            'live-call',
            title,
            `Qwil answered the organisation lookup for ${email}: ${tenancies.map((tenancy) => tenancy.entity.name).join(', ') || 'no organisation'}.`
        );
    } catch (error) {
        return fail('live-call', title, `The call failed: ${messageOf(error)}`, fixFor(error));
    }
}

/** The running admin's own Staff ID value finds an active Qwil staff membership, as the connector would look it up. */
export async function adminStaffMappingCheck(
    qwil: AdminQwil,
    state: SettingsState,
    admin: AdminUser
): Promise<CheckResult> {
    const title = 'Your own staff mapping finds your Qwil staff account';
    if (!state.ok)
        return fail(
            'admin-staff-mapping',
            title,
            'Cannot check: the metadata record is missing or invalid.',
            FIX_SETTINGS_FIRST
        );
    if (!qwil.ok) return fail('admin-staff-mapping', title, qwil.problem, CORRECT_CREDENTIAL);
    const field = state.settings.staffIdField;
    const raw = admin[field];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '')
        return fail(
            'admin-staff-mapping',
            title,
            `Your ${field} is empty.`,
            `Fill in ${field} on your user record with your Qwil primary email or identifier.`
        );
    let inWords = '';
    try {
        const organisation = await checkedOrganisation(qwil.http, state.settings.usingSuperApiKey, admin);
        inWords = organisation.inWords;
        const membership = await lookUpStaff(new QwilClient(qwil.http, { entityUuid: organisation.entityUuid }), {
            field,
            label: field,
            value
        });
        return pass(
            'admin-staff-mapping',
            title,
            `${inWords}${field} ${value} is ${membership.first_name} ${membership.last_name}, ${membership.role} (${membership.status}) in Qwil.`
        );
    } catch (error) {
        const fix =
            error instanceof AuraHandledException
                ? `Set ${field} on your user record to your Qwil primary email or identifier, or correct it in Qwil.`
                : fixFor(error);
        return fail('admin-staff-mapping', title, `${inWords}${messageOf(error)}`, fix);
    }
}
