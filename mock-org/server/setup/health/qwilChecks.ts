import type { Http } from '../../../../force-app/server/platform/context';
import { AuraHandledException } from '../../../../force-app/server/platform/exceptions';
import { QwilClient } from '../../../../force-app/server/qwil/qwilClient';
import { QwilApiError, QWIL_NAMED_CREDENTIAL } from '../../../../force-app/server/qwil/qwilTransport';
import { lookUpStaff } from '../../../../force-app/server/services/staffMapping';
import { Transaction } from '../../../platform/apex/transaction';
import { CalloutService } from '../../../platform/callouts/calloutService';
import { loadNamedCredentials, type NamedCredentialDefinition } from '../../../platform/metadata/namedCredentials';
import { QWIL_CREDENTIAL_LABEL, regionOfQwilUrl } from '../namedCredentialForm';
import {
    fail,
    FIX_SETTINGS_FIRST,
    pass,
    warn,
    WHERE_SETTINGS,
    type CheckResult,
    type HealthCheckEnvironment,
    type SettingsState
} from './healthTypes';

const WHERE_CREDENTIAL = 'Setup > Named Credentials > Qwil Messenger Salesforce Connector';
const WHERE_KEYS = 'the Qwil admin console > API Keys > System API Keys';

export type Definitions = { ok: true; all: Map<string, NamedCredentialDefinition> } | { ok: false; problem: string };

export function readNamedCredentials(packageDir: string): Definitions {
    try {
        return { ok: true, all: loadNamedCredentials(packageDir) };
    } catch (error) {
        return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
}

export function namedCredentialCheck(definitions: Definitions, state: SettingsState): CheckResult {
    const title = `Named credential ${QWIL_NAMED_CREDENTIAL}: exact name and label, URL of the region, merge fields allowed`;
    const fixHere = `Correct it in ${WHERE_CREDENTIAL}.`;
    if (!definitions.ok) return fail('named-credential', title, definitions.problem, fixHere);
    const credential = definitions.all.get(QWIL_NAMED_CREDENTIAL);
    if (!credential) {
        const lookalikes = [...definitions.all.values()]
            .filter((other) => /qwil/i.test(`${other.name} ${other.label}`))
            .map((other) => `${other.name} ("${other.label}")`);
        return fail(
            'named-credential',
            title,
            `No named credential is named ${QWIL_NAMED_CREDENTIAL}${lookalikes.length > 0 ? `; found ${lookalikes.join(', ')}` : ''}. The connector calls callout:${QWIL_NAMED_CREDENTIAL} only.`,
            `Name the credential exactly ${QWIL_NAMED_CREDENTIAL} with Label "${QWIL_CREDENTIAL_LABEL}" (guide, step 3).`
        );
    }
    const problems: string[] = [];
    if (credential.label !== QWIL_CREDENTIAL_LABEL)
        problems.push(`its Label is "${credential.label}", not "${QWIL_CREDENTIAL_LABEL}"`);
    const region = regionOfQwilUrl(credential.endpoint);
    if (region === null) problems.push(`its URL ${credential.endpoint} is not https://<region>.qwil.io`);
    else if (state.ok && region !== state.settings.region)
        problems.push(`its URL is for region ${region} but Qwil Region is ${state.settings.region}`);
    if (!credential.allowMergeFieldsInHeader)
        problems.push(
            'Allow Merge Fields in HTTP Header is off, so the key and secret headers are sent as literal text'
        );
    if (credential.authentication !== 'password')
        problems.push('it has no password authentication (Identity Type Named Principal with Username and Password)');
    if (problems.length > 0)
        return fail('named-credential', title, `${QWIL_NAMED_CREDENTIAL}: ${problems.join('; ')}.`, fixHere);
    const detail = `${credential.endpoint}, merge fields in header allowed.${state.ok ? '' : ' The region could not be compared: the metadata record is missing or invalid.'}`;
    if (!credential.generateAuthorizationHeader)
        return warn(
            'named-credential',
            title,
            `${detail} Generate Authorization Header is off.`,
            `Check Generate Authorization Header (guide, step 3) in ${WHERE_CREDENTIAL}.`
        );
    return pass('named-credential', title, detail);
}

export function credentialSecretCheck(env: HealthCheckEnvironment): CheckResult {
    const title = 'Named credential key and secret are stored';
    const principal = env.credentials.get(QWIL_NAMED_CREDENTIAL);
    return principal
        ? pass(
              'credential-secret',
              title,
              `Username (System API key) ${principal.username}; a password is stored (not shown).`
          )
        : fail(
              'credential-secret',
              title,
              'No Username and Password are stored for the named credential.',
              `Enter the System API Key as Username and its Secret as Password in ${WHERE_CREDENTIAL}.`
          );
}

/** An `Http` that sends through the same path as the org's callouts: named credential source, credential store, the org's transport. */
export function adminHttp(env: HealthCheckEnvironment, definitions: Map<string, NamedCredentialDefinition>): Http {
    const callouts = new CalloutService(definitions, env.credentials, env.transport);
    const transaction = new Transaction(env.adminUserId, false);
    const caller = env.org.accessOf(env.adminUserId);
    return { send: (request) => callouts.send(request, transaction, caller) };
}

const QWIL_FIXES: Record<string, string> = {
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

/** A read-only call Qwil answers for plain and Super keys alike: the organisations of the admin's email. */
export async function liveCallCheck(env: HealthCheckEnvironment, definitions: Definitions): Promise<CheckResult> {
    const title = 'A live call to Qwil with the key succeeds';
    if (!definitions.ok)
        return fail('live-call', title, definitions.problem, `Correct the named credential in ${WHERE_CREDENTIAL}.`);
    const email = String(env.org.requireUser(env.adminUserId)['Email']);
    try {
        const tenancies = await new QwilClient(adminHttp(env, definitions.all)).listTenancies(email);
        return pass(
            'live-call',
            title,
            `Qwil answered the organisation lookup for ${email}: ${tenancies.map((tenancy) => tenancy.entity.name).join(', ') || 'no organisation'}.`
        );
    } catch (error) {
        return fail('live-call', title, `The call failed: ${messageOf(error)}`, fixFor(error));
    }
}

/** Inspects the MOCK Qwil's record of the key: real Qwil exposes no API for a key's flags. */
export function keyFlagsCheck(env: HealthCheckEnvironment, state: SettingsState): CheckResult {
    const title =
        'System API key permissions and CIDR blocks (inspected on the mock Qwil; real Qwil exposes no such API)';
    const principal = env.credentials.get(QWIL_NAMED_CREDENTIAL);
    if (!principal)
        return fail(
            'key-flags',
            title,
            'No key is stored in the named credential.',
            `Enter the key in ${WHERE_CREDENTIAL}.`
        );
    const key = env.qwil.snapshot().apiKeys.find((candidate) => candidate.key === principal.username);
    if (!key)
        return fail(
            'key-flags',
            title,
            `The mock Qwil has no key ${principal.username}.`,
            `Create a key in ${WHERE_KEYS} and enter it in ${WHERE_CREDENTIAL}.`
        );
    if (key.revoked) return fail('key-flags', title, `Key "${key.name}" is revoked.`, QWIL_FIXES['RU002'] as string);
    const missing = [
        ...(key.canReadOnly ? [] : ['read-only actions']),
        ...(key.canWriteOnly ? [] : ['write-only actions']),
        ...(key.canDataReview ? [] : ['data reviewer actions'])
    ];
    const recreate = `Revoke it and create a key in ${WHERE_KEYS} with export unchecked; read-only, write-only and data reviewer checked; and Salesforce's CIDR blocks (guide, step 2). Then enter it in ${WHERE_CREDENTIAL}.`;
    if (missing.length > 0)
        return fail(
            'key-flags',
            title,
            `Key "${key.name}" cannot perform ${missing.join(', ')}, which the connector needs.`,
            recreate
        );
    if (state.ok && key.isSuper !== state.settings.usingSuperApiKey) {
        return fail(
            'key-flags',
            title,
            `Key "${key.name}" is ${key.isSuper ? '' : 'not '}a Super key, but Using Super API Key is ${state.settings.usingSuperApiKey ? 'checked' : 'unchecked'}.`,
            `Make Using Super API Key in ${WHERE_SETTINGS} match the key.`
        );
    }
    const warnings = [
        ...(key.canExportData ? ['it can export data, which the connector never needs'] : []),
        ...(key.cidrBlocks.length === 0 ? ['it has no CIDR blocks, so it works from any address'] : [])
    ];
    if (warnings.length > 0) return warn('key-flags', title, `Key "${key.name}": ${warnings.join('; ')}.`, recreate);
    return pass(
        'key-flags',
        title,
        `Key "${key.name}": read-only, write-only and data reviewer on, export off, CIDR blocks ${key.cidrBlocks.join(', ')}.`
    );
}

/** The running admin's own Staff ID value finds an active Qwil staff membership, as the connector would look it up. */
export async function adminStaffMappingCheck(
    env: HealthCheckEnvironment,
    state: SettingsState,
    definitions: Definitions
): Promise<CheckResult> {
    const title = 'Your own staff mapping finds your Qwil staff account';
    if (!state.ok)
        return fail(
            'admin-staff-mapping',
            title,
            'Cannot check: the metadata record is missing or invalid.',
            FIX_SETTINGS_FIRST
        );
    if (!definitions.ok)
        return fail(
            'admin-staff-mapping',
            title,
            definitions.problem,
            `Correct the named credential in ${WHERE_CREDENTIAL}.`
        );
    const admin = env.org.requireUser(env.adminUserId);
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
    try {
        const http = adminHttp(env, definitions.all);
        const entityUuid = state.settings.usingSuperApiKey
            ? ((await new QwilClient(http).listTenancies(String(admin['Email'])))[0]?.entity.entity_uuid ?? null)
            : null;
        const membership = await lookUpStaff(new QwilClient(http, { entityUuid }), { field, label: field, value });
        return pass(
            'admin-staff-mapping',
            title,
            `${field} ${value} is ${membership.first_name} ${membership.last_name}, ${membership.role} (${membership.status}) in Qwil.`
        );
    } catch (error) {
        const fix =
            error instanceof AuraHandledException
                ? `Set ${field} on your user record to your Qwil primary email or identifier, or correct it in Qwil.`
                : fixFor(error);
        return fail('admin-staff-mapping', title, messageOf(error), fix);
    }
}
