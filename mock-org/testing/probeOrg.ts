import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { auraEnabled, type ApexClassDefinition, type SharingMode } from '../../force-app/server/platform/auraEnabled';
import type { ApexContext } from '../../force-app/server/platform/context';
import { PROJECT_ROOT } from '../projectRoot';
import { createMemoryCredentialStore, type CredentialPrincipal } from '../platform/callouts/credentialStore';
import { MockOrg, type MockOrgOptions } from '../platform/mockOrg';

/** Seeded users (mock-org/seed/User.json) and what they may do. */
export const SEED_USERS = {
    /** System Administrator: View/Modify All Data, Manage Users; Qwil_Messenger_User. */
    sofia: 'sofia.reyes@harbourwealth.example',
    /** Wealth Advisor: owns most Contacts; Qwil_Messenger_User; a Read share on Lindqvist. */
    olivia: 'olivia.hart@harbourwealth.example',
    /** Standard User: owns Lindqvist and Adeyemi; Qwil_Messenger_User. */
    james: 'james.patel@harbourwealth.example',
    /** Standard User without the permission set: no Apex class access. */
    daniel: 'daniel.brooks@harbourwealth.example'
} as const;

export interface ProbeOrgOptions extends Partial<
    Pick<MockOrgOptions, 'projectRoot' | 'seedDir' | 'transport' | 'recordLockWaitMs' | 'clock'>
> {
    readonly principals?: Record<string, CredentialPrincipal>;
}

/** A mock org over the seed and force-app, running test-only classes ("probes") instead of the connector's. */
export function createProbeOrg(
    apexClasses: readonly ApexClassDefinition[],
    { principals = {}, ...options }: ProbeOrgOptions = {}
) {
    const org = new MockOrg({
        projectRoot: PROJECT_ROOT,
        ...options,
        credentials: createMemoryCredentialStore(principals),
        apexClasses
    });
    return {
        org,
        contactId: (lastName: string): string => {
            const contact = org.records.all('Contact').find((candidate) => candidate['LastName'] === lastName);
            if (!contact) throw new Error(`No seeded Contact ${lastName}`);
            return contact.Id;
        },
        userId: (username: string): string => org.requireUser(username).Id,
        call: (username: string, className: string, methodName: string, params: unknown = {}) =>
            org.runtime.invoke({ userId: org.requireUser(username).Id, className, methodName, params })
    };
}

/** A promise the test settles when it wants a server method to carry on. */
export function gate(): { readonly opened: Promise<void>; open(): void } {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => {
        open = resolve;
    });
    return { opened, open };
}

/** A piece of server-method body a test runs inside a transaction. */
export type Step = (context: ApexContext) => Promise<unknown>;

/** The class the seeded permission set grants access to; scripted probes take its name. */
export const PROBE_CLASS = 'QwilConnectorController';

export interface ScriptedClassOptions {
    readonly apiVersion?: string;
    readonly sharing?: SharingMode;
}

/** A class whose methods `run` and `runCacheable` execute the named step; results must be JSON. */
export function scriptedClass(
    steps: Readonly<Record<string, Step>>,
    { apiVersion = '67.0', sharing = 'with sharing' }: ScriptedClassOptions = {}
): ApexClassDefinition {
    const method = (cacheable: boolean) =>
        auraEnabled({
            cacheable,
            params: z.strictObject({ step: z.string() }),
            result: z.unknown(),
            run: async ({ step }, context) => {
                const body = steps[step];
                if (!body) throw new Error(`No step ${step}`);
                return body(context);
            }
        });
    return { name: PROBE_CLASS, apiVersion, sharing, methods: { run: method(false), runCacheable: method(true) } };
}

/** A probe org running scripted steps: `run(user, step)` is one transaction of that user. */
export function createScriptedOrg(
    steps: Readonly<Record<string, Step>>,
    classOptions: ScriptedClassOptions = {},
    orgOptions: ProbeOrgOptions = {}
) {
    const probe = createProbeOrg([scriptedClass(steps, classOptions)], orgOptions);
    return {
        ...probe,
        run: (username: string, step: string) => probe.call(username, PROBE_CLASS, 'run', { step }),
        runCacheable: (username: string, step: string) => probe.call(username, PROBE_CLASS, 'runCacheable', { step })
    };
}

/**
 * A throwaway project: the given files under force-app/main/default, and a copy of the seed the
 * test may edit (`editSeed` receives its folder). Returns the options a probe org needs.
 */
export function fixtureProject(
    files: Readonly<Record<string, string>>,
    editSeed: (seedDir: string) => void = () => undefined
): { projectRoot: string; seedDir: string } {
    const projectRoot = mkdtempSync(path.join(tmpdir(), 'mock-org-fixture-'));
    for (const [relativePath, content] of Object.entries(files)) {
        const file = path.join(projectRoot, 'force-app', 'main', 'default', relativePath);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
    }
    const seedDir = path.join(projectRoot, 'seed');
    cpSync(path.join(PROJECT_ROOT, 'mock-org', 'seed'), seedDir, { recursive: true });
    editSeed(seedDir);
    return { projectRoot, seedDir };
}

/** Rewrites one JSON file of a fixture seed. */
export function editJson<T>(file: string, edit: (content: T) => void): void {
    const content = JSON.parse(readFileSync(file, 'utf8')) as T;
    edit(content);
    writeFileSync(file, JSON.stringify(content));
}

/** A source-format metadata file with the metadata namespace on its root element. */
export function metadataXml(root: string, body: string): string {
    return `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${root}>`;
}
