import { apexClasses } from '../../force-app/server';
import { QWIL_NAMED_CREDENTIAL } from '../../force-app/server/qwil/qwilClient';
import type { ApexErrorResponse } from '../platform/apex/errorShapes';
import { createMemoryCredentialStore } from '../platform/callouts/credentialStore';
import { MockOrg } from '../platform/mockOrg';
import { PROJECT_ROOT } from '../projectRoot';
import { createMockQwil, type MockQwil } from '../qwil';

/** The error a component receives from a failed server-method call (the platform's FetchResponse shape). */
export interface ApexCallError extends ApexErrorResponse {
    readonly ok: false;
    readonly headers: Record<string, string>;
    readonly errorType: 'fetchResponse';
}

export interface ConnectorHarness {
    readonly org: MockOrg;
    readonly qwil: MockQwil;
    /** Every later server-method call runs as this user (username or id). */
    runAs(user: string): void;
    /** Calls a server method the way a component does: JSON in, JSON out, platform-shaped errors. */
    callApex(className: string, methodName: string, params: unknown): Promise<unknown>;
}

export const DEFAULT_TEST_USER = 'olivia.hart@harbourwealth.example';

/**
 * The whole stack in one process: the mock org with the package's server methods, and the demo
 * Qwil organisation behind the named credential with a freshly created System API key.
 * The caller serves `qwil.handlers` with msw (`setupServer`).
 */
export function createConnectorHarness(): ConnectorHarness {
    const qwil = createMockQwil({ seed: 'demo' });
    const { key, secret } = qwil.control.createSystemApiKey({ name: 'Salesforce connector (tests)' });
    const credentials = createMemoryCredentialStore({ [QWIL_NAMED_CREDENTIAL]: { username: key, password: secret } });
    const org = new MockOrg({ projectRoot: PROJECT_ROOT, credentials, apexClasses });
    let runningUserId = org.requireUser(DEFAULT_TEST_USER).Id;
    return {
        org,
        qwil,
        runAs: (user) => {
            runningUserId = org.requireUser(user).Id;
        },
        callApex: async (className, methodName, params) => {
            const outcome = await org.runtime.invoke({ userId: runningUserId, className, methodName, params: JSON.parse(JSON.stringify(params ?? {})) });
            if (outcome.ok) return outcome.value;
            const error: ApexCallError = { ...outcome.error, ok: false, headers: {}, errorType: 'fetchResponse' };
            throw error;
        }
    };
}
