import { isValidId, toId18 } from '../../../../force-app/server/platform/salesforceId';
import type { HealthCheckEnvironment } from './healthTypes';

/** Whether an identifier is the id of a Contact or Person Account in the org, read as the platform does (no sharing). */
export function isClientRecordId(env: HealthCheckEnvironment, identifier: string): boolean {
    if (!isValidId(identifier)) return false;
    const type = env.org.records.get(toId18(identifier))?.attributes.type;
    return type === 'Contact' || type === 'Account';
}
