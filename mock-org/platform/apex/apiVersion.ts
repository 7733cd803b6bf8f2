import type { AccessLevel } from '../../../force-app/server/platform/context';

/** Summer '26: from this version SOQL and DML without an access mode run in user mode. */
const USER_MODE_DEFAULT_FROM = 67;

/** The numeric API version of a `.cls-meta.xml` `<apiVersion>` such as "67.0"; anything else is an error. */
export function parseApiVersion(className: string, apiVersion: string): number {
    if (!/^\d{2,3}\.0$/.test(apiVersion))
        throw new Error(`Apex class ${className}: API version "${apiVersion}" is not of the form "67.0"`);
    return Number(apiVersion);
}

export function defaultAccessLevel(apiVersion: number): AccessLevel {
    return apiVersion >= USER_MODE_DEFAULT_FROM ? 'USER_MODE' : 'SYSTEM_MODE';
}
