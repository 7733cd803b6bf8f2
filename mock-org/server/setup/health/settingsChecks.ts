import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkInvitationPhone, defaultCountryOfLocale } from '../../../../force-app/server/services/invitationPhone';
import { personAccountFieldName } from '../../../../force-app/server/services/clientRecord';
import { ownerCanEditUserField } from '../../../../force-app/server/services/staffMapping';
import { isCustomField } from '../../../platform/records/schema';
import {
    parseConnectorSettings,
    SETTINGS_RECORD,
    SETTINGS_TYPE
} from '../../../../force-app/server/settings/connectorSettings';
import type { MockOrg } from '../../../platform/mockOrg';
import type { StoredRecord } from '../../../platform/records/recordStore';
import { fieldMappingProblems } from '../fieldMappings';
import {
    fail,
    FIX_SETTINGS_FIRST,
    pass,
    warn,
    WHERE_SETTINGS,
    type CheckResult,
    type SettingsState
} from '../../../../force-app/server/health/checkResult';
import type { HealthCheckEnvironment } from './healthTypes';

export function readSettings(org: MockOrg): SettingsState {
    try {
        return {
            ok: true,
            settings: parseConnectorSettings(org.customMetadata.getInstance(SETTINGS_TYPE, SETTINGS_RECORD))
        };
    } catch (error) {
        return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
}

export function settingsRecordCheck(state: SettingsState): CheckResult {
    const title = 'Custom metadata record Qwil Messenger "Qwil" is present and valid';
    return state.ok
        ? pass(
              'settings-record',
              title,
              `Region ${state.settings.region}, client lookup by ${state.settings.clientLookupType}, staff mapped by ${state.settings.staffIdField}.`
          )
        : fail(
              'settings-record',
              title,
              state.problem,
              `Create or correct the record in ${WHERE_SETTINGS}, with Label and Qwil Messenger Name both "Qwil".`
          );
}

export function mappedFieldsCheck(org: MockOrg, state: SettingsState): CheckResult {
    const title = 'Mapped fields exist on User and the client object (Contact, Person Account) with a fitting type';
    if (!state.ok)
        return fail(
            'mapped-fields',
            title,
            'Cannot check: the metadata record is missing or invalid.',
            FIX_SETTINGS_FIRST
        );
    const { settings } = state;
    const problems = fieldMappingProblems(org.schema, {
        Staff_ID_Field_API_Name__c: settings.staffIdField,
        Client_Email_API_Field_Name__c: settings.clientEmailField,
        Client_First_Name_Field_API_Name__c: settings.clientFirstNameField,
        Client_Last_Name_Field_API_Name__c: settings.clientLastNameField,
        Client_Invitation_Phone_No_Field_Api_Name__c: settings.clientInvitationPhoneField
    });
    return problems.size === 0
        ? pass('mapped-fields', title, 'Every mapped field exists with a fitting type.')
        : fail(
              'mapped-fields',
              title,
              [...problems.values()].join(' '),
              `Enter existing field API names in ${WHERE_SETTINGS}.`
          );
}

interface SeedAccess {
    readonly permissionSetAssignments: Record<string, string[]>;
}

/** Each seeded user's permission sets by username, from access.json (assignments name users by tree referenceId). */
function permissionSetsByUsername(seedDir: string): Map<string, string[]> {
    const access = JSON.parse(readFileSync(path.join(seedDir, 'access.json'), 'utf8')) as SeedAccess;
    const users = (
        JSON.parse(readFileSync(path.join(seedDir, 'User.json'), 'utf8')) as {
            records: { attributes: { referenceId: string }; Username: string }[];
        }
    ).records;
    const usernameOf = new Map(users.map((user) => [`@${user.attributes.referenceId}`, user.Username]));
    return new Map(
        Object.entries(access.permissionSetAssignments).map(([reference, sets]) => [
            usernameOf.get(reference) ?? reference,
            sets
        ])
    );
}

/**
 * The guide's security rule: the staff mapping value must not be editable by the staff member. Each
 * seeded profile and permission-set combination without Manage Users is checked with the rule the
 * connector applies at run time (the self-editable User fields table; a custom field by its
 * field-level security in that combination).
 */
export function staffFieldSelfEditCheck(
    env: Pick<HealthCheckEnvironment, 'org' | 'seedDir'>,
    state: SettingsState
): CheckResult {
    const title = 'The staff mapping field cannot be edited by non-admins (per profile and permission set)';
    if (!state.ok)
        return fail(
            'staff-field-self-edit',
            title,
            'Cannot check: the metadata record is missing or invalid.',
            FIX_SETTINGS_FIRST
        );
    const field = state.settings.staffIdField;
    const setsOf = permissionSetsByUsername(env.seedDir);
    const combinations = new Map<string, StoredRecord>();
    for (const user of env.org.users()) {
        if (env.org.accessOf(user.Id).hasUserPermission('ManageUsers')) continue;
        const sets = setsOf.get(String(user['Username'])) ?? [];
        combinations.set(
            `profile ${env.org.profileName(user.Id)} + ${sets.length > 0 ? `permission set ${sets.join(', ')}` : 'no permission set'}`,
            user
        );
    }
    const editable = [...combinations]
        .filter(([, user]) => ownerCanEditUserField(field, env.org.accessOf(user.Id).canEditOwnUserField(field)))
        .map(([combination]) => combination);
    if (editable.length === 0) {
        return pass(
            'staff-field-self-edit',
            title,
            `User.${field} is read-only for its owner in every non-admin combination: ${[...combinations.keys()].join('; ')}.`
        );
    }
    return fail(
        'staff-field-self-edit',
        title,
        `${isCustomField(field) ? '' : `Salesforce lets every user change their own ${field} without Manage Users (see "Self-editable User fields" in mock-org/REFERENCE.md). `}Users can edit their own ${field} with ${editable.join('; ')}, so a staff member could claim another person's Qwil account.`,
        `Set Staff ID Field API Name to a field only administrators can change, such as FederationIdentifier, in ${WHERE_SETTINGS}; for a custom User field, remove Edit from its field-level security in these profiles and permission sets.`
    );
}

export function clientLookupTypeCheck(state: SettingsState): CheckResult {
    const title = 'Client lookup type';
    if (!state.ok)
        return fail(
            'client-lookup-type',
            title,
            'Cannot check: the metadata record is missing or invalid.',
            FIX_SETTINGS_FIRST
        );
    if (state.settings.clientLookupType === 'Salesforce Record ID') {
        return pass(
            'client-lookup-type',
            title,
            'Clients are linked by Salesforce Record ID, which users cannot edit.'
        );
    }
    return warn(
        'client-lookup-type',
        title,
        `Clients are linked by email (${state.settings.clientEmailField}): anyone who can edit that field can point the record at another Qwil client.`,
        `Prefer Client Lookup Type "Salesforce Record ID" in ${WHERE_SETTINGS}, or make ${state.settings.clientEmailField} read-only for staff.`
    );
}

/** Contacts that are not Person Account contacts, and Person Accounts: the records the Qwil Messenger tab sits on. */
function clientRecords(org: MockOrg): { record: StoredRecord; phoneField: (field: string) => string }[] {
    const personContactIds = new Set(
        org.records.all('Account').map((account) => String(account['PersonContactId'] ?? ''))
    );
    return [
        ...org.records
            .all('Contact')
            .filter((contact) => !personContactIds.has(contact.Id))
            .map((record) => ({ record, phoneField: (field: string) => field })),
        ...org.records
            .all('Account')
            .filter((account) => account['IsPersonAccount'] === true)
            .map((record) => ({ record, phoneField: personAccountFieldName }))
    ];
}

export function invitationPhoneCheck(env: HealthCheckEnvironment, state: SettingsState): CheckResult {
    const title = 'Client invitation phone numbers Qwil can use';
    if (!state.ok)
        return fail(
            'invitation-phone',
            title,
            'Cannot check: the metadata record is missing or invalid.',
            FIX_SETTINGS_FIRST
        );
    const field = state.settings.clientInvitationPhoneField;
    if (!field) {
        return warn(
            'invitation-phone',
            title,
            'No invitation phone field is mapped: staff type the number at every invitation.',
            `Map Client Invitation Phone No.Field ApiName in ${WHERE_SETTINGS}.`
        );
    }
    const country = defaultCountryOfLocale(String(env.org.requireUser(env.adminUserId)['LocaleSidKey'] ?? ''));
    const clients = clientRecords(env.org);
    const unusable = clients.filter(({ record, phoneField }) => {
        const value = record[phoneField(field)];
        return checkInvitationPhone(typeof value === 'string' ? value : null, country).international === null;
    });
    const usable = clients.length - unusable.length;
    const share = clients.length === 0 ? 100 : Math.round((usable / clients.length) * 100);
    const detail = `${usable} of ${clients.length} client records (${share}%) have a ${field} that normalises to international format (national numbers read as ${country.country}).`;
    if (unusable.length === 0) return pass('invitation-phone', title, detail);
    const names = unusable.map(({ record }) => String(record['Name'])).join(', ');
    const fix = `Correct the numbers of ${names}, or map a formula field that builds +<country code><number> (guide, step 4).`;
    return usable === 0 ? fail('invitation-phone', title, detail, fix) : warn('invitation-phone', title, detail, fix);
}
