import type { CredentialStore } from '../../../platform/callouts/credentialStore';
import type { Transport } from '../../../platform/callouts/calloutService';
import type { MockOrg } from '../../../platform/mockOrg';
import type { MockQwilControl } from '../../../qwil';

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
