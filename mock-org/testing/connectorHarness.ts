import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apexClasses, queueableClasses } from '../../force-app/server';
import { QWIL_CHAT_SERVICE_NAMED_CREDENTIAL, QWIL_NAMED_CREDENTIAL } from '../../force-app/server/qwil/qwilTransport';
import type { AsyncClock } from '../platform/apex/asyncApex';
import type { ApexErrorResponse } from '../platform/apex/errorShapes';
import type { Transport } from '../platform/callouts/calloutService';
import { createMemoryCredentialStore } from '../platform/callouts/credentialStore';
import { MockOrg } from '../platform/mockOrg';
import { PROJECT_ROOT } from '../projectRoot';
import { createMockQwil, type MockQwil } from '../qwil';
import { projectWithPackageMetadata } from './packageCopy';

/** The error a component receives from a failed server-method call (the platform's FetchResponse shape). */
export interface ApexCallError extends ApexErrorResponse {
    readonly ok: false;
    readonly headers: Record<string, string>;
    readonly errorType: 'fetchResponse';
}

export interface ConnectorHarness {
    readonly org: MockOrg;
    readonly qwil: MockQwil;
    /** The System API key and secret behind the named credential, for tests that arrange Qwil data. */
    readonly apiKey: string;
    readonly apiSecret: string;
    /** Every later server-method call runs as this user (username or id). */
    runAs(user: string): void;
    /** Calls a server method the way a component does: JSON in, JSON out, platform-shaped errors. */
    callApex(className: string, methodName: string, params: unknown): Promise<unknown>;
}

export interface ConnectorHarnessOptions {
    /** Values of the `Qwil_Messenger.Qwil` record to change, by field API name; null clears a value. */
    readonly settings?: Readonly<Record<string, string | boolean | null>>;
    /** Promote the connector's key to a Super API key (restricted to the caller's address, as Qwil requires). */
    readonly superApiKey?: boolean;
    /** An existing mock Qwil to connect to, e.g. to model a restarted org over the same Qwil; a fresh demo Qwil by default. */
    readonly qwil?: MockQwil;
    /** How the org's callouts reach the network; msw-intercepted `fetch` by default. */
    readonly transport?: Transport;
    /** A Qwil Master User API key for chat-service calls: the org gets the optional named credential, holding it. */
    readonly masterUserKey?: { readonly key: string; readonly secret: string };
    /** The clock asynchronous Apex follows (a virtual one lets minutes of waits pass at once); real time by default. */
    readonly asyncClock?: AsyncClock;
}

export const DEFAULT_TEST_USER = 'olivia.hart@harbourwealth.example';
const SETTINGS_RECORD = path.join('force-app', 'main', 'default', 'customMetadata', 'Qwil_Messenger.Qwil.md-meta.xml');

function xmlValue(value: string | boolean | null): string {
    if (value === null) return '<value xsi:nil="true"/>';
    if (typeof value === 'boolean') return `<value xsi:type="xsd:boolean">${value}</value>`;
    return `<value xsi:type="xsd:string">${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</value>`;
}

/**
 * A copy of the package as an admin would have set it up: the settings record carrying the given values,
 * and the optional chat-service named credential when asked for.
 */
function projectCopy(
    settings: Readonly<Record<string, string | boolean | null>>,
    withChatServiceCredential: boolean
): string {
    const root = projectWithPackageMetadata('qwil-org-');
    if (withChatServiceCredential) {
        const file = `${QWIL_CHAT_SERVICE_NAMED_CREDENTIAL}.namedCredential-meta.xml`;
        copyFileSync(
            path.join(PROJECT_ROOT, 'force-app', 'optional', 'namedCredentials', file),
            path.join(root, 'force-app', 'main', 'default', 'namedCredentials', file)
        );
    }
    const file = path.join(root, SETTINGS_RECORD);
    let xml = readFileSync(file, 'utf8');
    for (const [field, value] of Object.entries(settings)) {
        const entry = new RegExp(`(<field>${field}</field>\\s*)<value[^>]*?(?:/>|>[^<]*</value>)`);
        if (!entry.test(xml)) throw new Error(`The settings record has no field ${field}`);
        xml = xml.replace(entry, `$1${xmlValue(value)}`);
    }
    writeFileSync(file, xml);
    return root;
}

/**
 * The whole stack in one process: the mock org with the package's server methods, and the demo
 * Qwil organisation behind the named credential with a freshly created System API key.
 * The caller serves `qwil.handlers` with msw (`setupServer`).
 */
export function createConnectorHarness(options: ConnectorHarnessOptions = {}): ConnectorHarness {
    const qwil = options.qwil ?? createMockQwil({ seed: 'demo' });
    const { key, secret } = qwil.control.createSystemApiKey({
        name: 'Salesforce connector (tests)',
        ...(options.superApiKey ? { cidrBlocks: [`${qwil.control.callerAddress()}/32`] } : {})
    });
    if (options.superApiKey) qwil.control.promoteToSuper(key);
    const credentials = createMemoryCredentialStore({
        [QWIL_NAMED_CREDENTIAL]: { username: key, password: secret },
        ...(options.masterUserKey
            ? {
                  [QWIL_CHAT_SERVICE_NAMED_CREDENTIAL]: {
                      username: options.masterUserKey.key,
                      password: options.masterUserKey.secret
                  }
              }
            : {})
    });
    const projectRoot =
        options.settings || options.masterUserKey
            ? projectCopy(options.settings ?? {}, options.masterUserKey !== undefined)
            : PROJECT_ROOT;
    const org = new MockOrg({
        projectRoot,
        seedDir: path.join(PROJECT_ROOT, 'mock-org', 'seed'),
        credentials,
        apexClasses,
        queueables: queueableClasses,
        ...(options.transport ? { transport: options.transport } : {}),
        ...(options.asyncClock ? { asyncClock: options.asyncClock } : {})
    });
    let runningUserId = org.requireUser(DEFAULT_TEST_USER).Id;
    return {
        org,
        qwil,
        apiKey: key,
        apiSecret: secret,
        runAs: (user) => {
            runningUserId = org.requireUser(user).Id;
        },
        callApex: async (className, methodName, params) => {
            const outcome = await org.runtime.invoke({
                userId: runningUserId,
                className,
                methodName,
                params: JSON.parse(JSON.stringify(params ?? {}))
            });
            if (outcome.ok) return outcome.value;
            const error: ApexCallError = { ...outcome.error, ok: false, headers: {}, errorType: 'fetchResponse' };
            throw error;
        }
    };
}
