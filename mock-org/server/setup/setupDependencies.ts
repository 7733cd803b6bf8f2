import type { CredentialStore } from '../../platform/callouts/credentialStore';
import type { Transport } from '../../platform/callouts/calloutService';
import type { MockOrg } from '../../platform/mockOrg';
import type { MockQwilControl } from '../../qwil';

/** What the Setup pages read and change. */
export interface SetupDependencies {
    readonly org: MockOrg;
    /** `force-app/main/default` of the project the org runs: saved metadata is written here. */
    readonly packageDir: string;
    readonly seedDir: string;
    /** The org's named credential principals (the local store): passwords are written here, never to source. */
    readonly credentials: CredentialStore;
    readonly transport: Transport;
    /** The mock Qwil's control surface, behind the Qwil admin console pages. */
    readonly qwil: MockQwilControl;
}
