import { chatServiceSchemeCheck } from './chatServiceCheck';
import type { CheckResult } from '../../../../force-app/server/health/checkResult';
import { adminStaffMappingCheck, liveCallCheck } from '../../../../force-app/server/health/qwilCallChecks';
import {
    adminQwil,
    credentialSecretCheck,
    keyFlagsCheck,
    namedCredentialCheck,
    readNamedCredentials
} from './credentialChecks';
import type { HealthCheckEnvironment } from './healthTypes';
import { linkedClientsCheck } from '../../../../force-app/server/health/linkedClientsCheck';
import { isClientRecordId } from './clientRecords';
import { recordPagesCheck } from './recordPagesCheck';
import {
    clientLookupTypeCheck,
    invitationPhoneCheck,
    mappedFieldsCheck,
    readSettings,
    settingsRecordCheck,
    staffFieldSelfEditCheck
} from './settingsChecks';

/** Every check of the connector's setup, in the guide's order; the Qwil calls are the connector's checks, sent through the org's callout path. */
export async function runHealthCheck(env: HealthCheckEnvironment): Promise<CheckResult[]> {
    const settings = readSettings(env.org);
    const definitions = readNamedCredentials(env.packageDir);
    const qwil = adminQwil(env, definitions);
    const admin = env.org.requireUser(env.adminUserId);
    return [
        settingsRecordCheck(settings),
        mappedFieldsCheck(env.org, settings),
        staffFieldSelfEditCheck(env, settings),
        clientLookupTypeCheck(settings),
        invitationPhoneCheck(env, settings),
        namedCredentialCheck(definitions, settings),
        credentialSecretCheck(env),
        await liveCallCheck(qwil, admin),
        keyFlagsCheck(env, settings),
        chatServiceSchemeCheck(env, definitions, settings),
        recordPagesCheck(env.packageDir),
        await adminStaffMappingCheck(qwil, settings, admin),
        await linkedClientsCheck(qwil, settings, admin, (id) => isClientRecordId(env, id))
    ];
}
