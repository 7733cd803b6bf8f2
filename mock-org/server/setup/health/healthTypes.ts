import type { ConnectorSettings } from '../../../../force-app/server/settings/connectorSettings';
import type { CredentialStore } from '../../../platform/callouts/credentialStore';
import type { Transport } from '../../../platform/callouts/calloutService';
import type { MockOrg } from '../../../platform/mockOrg';
import type { MockQwilControl } from '../../../qwil';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckResult {
    readonly id: string;
    readonly title: string;
    readonly status: CheckStatus;
    /** What was found. */
    readonly detail: string;
    /** How to fix it; null when the check passes. */
    readonly fix: string | null;
}

/** What the health check reads: the org, its source and secrets, and (mock only) Qwil's key records. */
export interface HealthCheckEnvironment {
    readonly org: MockOrg;
    /** `force-app/main/default` of the project the org runs. */
    readonly packageDir: string;
    /** sObject tree files and access.json the org was seeded from (names permission set assignments). */
    readonly seedDir: string;
    readonly credentials: CredentialStore;
    /** How the org's callouts reach the network. */
    readonly transport: Transport;
    /** Real Qwil has no API to read a key's flags; only the mock Qwil's control surface can show them. */
    readonly qwil: Pick<MockQwilControl, 'snapshot'>;
    /** The administrator running the check. */
    readonly adminUserId: string;
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
