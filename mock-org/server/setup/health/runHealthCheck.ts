import { chatServiceSchemeCheck } from './chatServiceCheck';
import {
    adminStaffMappingCheck,
    credentialSecretCheck,
    keyFlagsCheck,
    liveCallCheck,
    namedCredentialCheck,
    readNamedCredentials
} from './qwilChecks';
import type { CheckResult, HealthCheckEnvironment } from './healthTypes';
import { linkedClientsCheck } from './linkedClientsCheck';
import { recordPagesCheck } from './recordPagesCheck';
import {
    clientLookupTypeCheck,
    invitationPhoneCheck,
    mappedFieldsCheck,
    readSettings,
    settingsRecordCheck,
    staffFieldSelfEditCheck
} from './settingsChecks';

/** Every check of the connector's setup, in the guide's order; the live Qwil calls go through the org's callout path. */
export async function runHealthCheck(env: HealthCheckEnvironment): Promise<CheckResult[]> {
    const settings = readSettings(env.org);
    const definitions = readNamedCredentials(env.packageDir);
    return [
        settingsRecordCheck(settings),
        mappedFieldsCheck(env.org, settings),
        staffFieldSelfEditCheck(env, settings),
        clientLookupTypeCheck(settings),
        invitationPhoneCheck(env, settings),
        namedCredentialCheck(definitions, settings),
        credentialSecretCheck(env),
        await liveCallCheck(env, definitions),
        keyFlagsCheck(env, settings),
        chatServiceSchemeCheck(env, definitions, settings),
        recordPagesCheck(env.packageDir),
        await adminStaffMappingCheck(env, settings, definitions),
        await linkedClientsCheck(env, settings, definitions)
    ];
}
