import { createHash } from 'node:crypto';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import type { QwilClient } from '../qwil/qwilClient';
import { isStaffRole, Membership } from '../qwil/schemas';
import { ConfigurationError, configurationMessage, type ConnectorSettings } from '../settings/connectorSettings';

/** A staff mapping is cached per user for the shortest time Platform Cache allows. */
export const STAFF_CACHE_TTL_SECONDS = 300;

/** The running user's value in the Staff ID field, checked against the guide's security rule. */
export interface StaffKey {
    readonly field: string;
    readonly label: string;
    readonly value: string;
}

/** Standard User fields their owner cannot change: Id (no one can) and FederationIdentifier (Manage Users only). */
const CLOSED_TO_OWNER = new Set(['id', 'federationidentifier']);

/**
 * Whether a user without Manage Users can change this User field on their own record, by the table
 * in mock-org/REFERENCE.md ("Self-editable User fields", from Salesforce's documentation): every
 * standard field but Id and FederationIdentifier counts as self-editable (the personal settings
 * pages offer them, or the documentation does not say otherwise); a custom field is when its
 * field-level security lets the user edit it (`updateable`, the describe's isUpdateable()).
 */
export function ownerCanEditUserField(fieldApiName: string, updateable: boolean): boolean {
    const name = fieldApiName.toLowerCase();
    if (name.endsWith('__c')) return updateable;
    return !CLOSED_TO_OWNER.has(name);
}

/**
 * Reads the running user's Staff ID value. The guide's rule: staff must not be able to change
 * it, or they could act as someone else in Qwil. A user who can edit the field on their own
 * record is refused, unless they hold Manage Users (administrators can change anyone's anyway).
 */
export function readStaffKey(context: ApexContext, settings: ConnectorSettings): StaffKey {
    const describe = context.schema.describeField('User', settings.staffIdField);
    if (!describe) {
        throw new AuraHandledException(
            configurationMessage(
                context,
                new ConfigurationError(
                    `Staff ID Field API Name names ${settings.staffIdField}, which does not exist on User.`
                )
            )
        );
    }
    const label = describe.getLabel();
    if (
        ownerCanEditUserField(describe.getName(), describe.isUpdateable()) &&
        !context.userInfo.hasUserPermission('ManageUsers')
    ) {
        throw new AuraHandledException(
            `Qwil Messenger can't act for you: you can edit your own ${label} (${settings.staffIdField}), the field that links you to your Qwil account, so anyone could claim another person's Qwil identity. Ask your administrator to set Staff ID Field API Name to a field only administrators can change, such as Federation ID.`
        );
    }
    const user = context.database.queryById(
        'User',
        context.userInfo.getUserId(),
        [settings.staffIdField],
        'SYSTEM_MODE'
    );
    const raw = user?.[settings.staffIdField];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') {
        throw new AuraHandledException(
            `Your ${label} is empty, so Qwil Messenger can't tell who you are in Qwil. Ask your administrator to fill it in on your user record.`
        );
    }
    return { field: settings.staffIdField, label, value };
}

export function refuseUnlessActiveStaff(membership: Membership, key: StaffKey): Membership {
    if (!isStaffRole(membership.role)) {
        throw new AuraHandledException(
            `The Qwil account matching your ${key.label} (${key.value}) is a client account, not a staff account. Ask your administrator to check your ${key.label}.`
        );
    }
    switch (membership.status) {
        case 'active':
            return membership;
        case 'pending':
            throw new AuraHandledException(
                'Your Qwil staff account is Pending: accept your Qwil invitation (check your email), then reopen this tab.'
            );
        case 'suspended':
            throw new AuraHandledException(
                'Your Qwil staff account is Suspended. Ask your Qwil administrator to unsuspend it.'
            );
        case 'deactivated':
            throw new AuraHandledException(
                'Your Qwil staff account is Deactivated. Ask your Qwil administrator for a new staff account, then ask your Salesforce administrator to update your ' +
                    key.label +
                    '.'
            );
    }
}

/**
 * Finds the running user's Qwil staff membership. The value is tried as a Qwil identifier and,
 * when it looks like an email address, as a primary email. If both find a membership and they
 * differ, the match is ambiguous and the connector refuses rather than guess.
 */
export async function lookUpStaff(qwil: QwilClient, key: StaffKey): Promise<Membership> {
    // Two independent reads, sent at once (one after the other in Apex, whose callouts are sequential).
    const [byIdentifier, byEmail] = await Promise.all([
        qwil.memberships.findMembership({ identifier: key.value }),
        key.value.includes('@') ? qwil.memberships.findMembership({ primary_email: key.value }) : null
    ]);
    if (byIdentifier && byEmail && byIdentifier.entity_user_xref_uuid !== byEmail.entity_user_xref_uuid) {
        throw new AuraHandledException(
            `Your ${key.label} (${key.value}) matches two different Qwil accounts: one by identifier, one by primary email. Ask your Qwil administrator to make it unique.`
        );
    }
    const membership = byIdentifier ?? byEmail;
    if (!membership) {
        throw new AuraHandledException(
            `No Qwil account has the identifier or primary email ${key.value} (your ${key.label}). Ask your Qwil administrator to set it on your Qwil staff profile, or your Salesforce administrator to correct your ${key.label}.`
        );
    }
    return refuseUnlessActiveStaff(membership, key);
}

/** A per-user Platform Cache key (alphanumeric); the hash also changes when the Staff ID value does. */
export function staffCacheKey(prefix: string, context: ApexContext, key: StaffKey, scope: string): string {
    const digest = createHash('sha256')
        .update(`${context.userInfo.getUserId()}|${scope}|${key.field}|${key.value}`)
        .digest('hex');
    return `${prefix}${digest.slice(0, 40)}`;
}

/** The running user's active Qwil staff membership, found by `lookup` and cached for a few minutes. */
export async function resolveStaff(
    context: ApexContext,
    key: StaffKey,
    scope: string,
    lookup: () => Promise<Membership>
): Promise<Membership> {
    const cacheEntry = staffCacheKey('qwilstaff', context, key, scope);
    const cached = Membership.safeParse(context.cache.get(cacheEntry));
    if (cached.success) return cached.data;
    const membership = await lookup();
    context.cache.put(cacheEntry, membership, STAFF_CACHE_TTL_SECONDS);
    return membership;
}
