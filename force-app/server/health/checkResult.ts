import type { ConnectorSettings } from '../settings/connectorSettings';

export type CheckStatus = 'pass' | 'warn' | 'fail';

/** One line of the connector health check. */
export interface CheckResult {
    readonly id: string;
    readonly title: string;
    readonly status: CheckStatus;
    /** What was found. */
    readonly detail: string;
    /** How to fix it; null when the check passes. */
    readonly fix: string | null;
}

/** The settings when the metadata record is valid, or the reason it is not. */
export type SettingsState =
    { readonly ok: true; readonly settings: ConnectorSettings } | { readonly ok: false; readonly problem: string };

export const pass = (id: string, title: string, detail: string): CheckResult => ({
    id,
    title,
    status: 'pass',
    detail,
    fix: null
});
export const warn = (id: string, title: string, detail: string, fix: string): CheckResult => ({
    id,
    title,
    status: 'warn',
    detail,
    fix
});
export const fail = (id: string, title: string, detail: string, fix: string): CheckResult => ({
    id,
    title,
    status: 'fail',
    detail,
    fix
});

export const FIX_SETTINGS_FIRST = 'Fix the Qwil Messenger custom metadata record first (the first check).';
export const WHERE_SETTINGS = 'Setup > Custom Metadata Types > Qwil Messenger > Manage Records > Qwil';
export const WHERE_CREDENTIAL = 'Setup > Named Credentials > Qwil Messenger Salesforce Connector';
export const WHERE_KEYS = 'the Qwil admin console > API Keys > System API Keys';
