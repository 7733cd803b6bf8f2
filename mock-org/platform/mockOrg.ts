import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ApexClassDefinition } from '../../force-app/server/platform/auraEnabled';
import type { QueueableDefinition } from '../../force-app/server/platform/context';
import { AsyncApexQueue, type AsyncClock } from './apex/asyncApex';
import { ApexRuntime } from './apex/apexRuntime';
import { LIMITS } from './apex/limits';
import { OrgCacheStore, type Clock } from './cache/orgCache';
import { CalloutService, type Transport } from './callouts/calloutService';
import type { CredentialStore } from './callouts/credentialStore';
import { CustomMetadataRepository } from './metadata/customMetadata';
import { loadCustomFields } from './metadata/customFields';
import { loadNamedCredentials, type NamedCredentialDefinition } from './metadata/namedCredentials';
import { RecordLocks } from './records/recordLocks';
import { RecordStore, type StoredRecord } from './records/recordStore';
import { SchemaRegistry, STANDARD_OBJECTS, withCustomFields } from './records/schema';
import { importTree } from './records/treeImport';
import { loadPermissionSets, type PermissionGrant } from './security/permissionSets';
import { SharingModel, type OrganizationWideDefault } from './security/sharing';
import { UserAccess } from './security/userAccess';

export interface MockOrgOptions {
    /** The repository root: force-app is read from here. */
    readonly projectRoot: string;
    /** sObject tree files and access.json; defaults to mock-org/seed. */
    readonly seedDir?: string;
    readonly credentials: CredentialStore;
    readonly transport?: Transport;
    readonly apexClasses: readonly ApexClassDefinition[];
    /** How long a transaction waits for a record another one has locked; the platform's 10 s by default. */
    readonly recordLockWaitMs?: number;
    /** The clock Platform Cache expiry follows; `Date.now` by default. */
    readonly clock?: Clock;
    /** The org's Queueable classes (asynchronous Apex); none by default. */
    readonly queueables?: readonly QueueableDefinition<unknown>[];
    /** The clock asynchronous Apex follows (`System.now()`, enqueue delays); real time by default. */
    readonly asyncClock?: AsyncClock;
    /** Where queued jobs and their `AsyncApexJob` rows are kept across restarts; in memory only by default. */
    readonly asyncApexPersistPath?: string;
}

const ObjectPermissionJson = z.strictObject({
    read: z.boolean(),
    create: z.boolean(),
    edit: z.boolean(),
    delete: z.boolean(),
    viewAll: z.boolean(),
    modifyAll: z.boolean()
});

const FieldPermissionJson = z.strictObject({ read: z.boolean(), edit: z.boolean() });

const AccessJson = z.strictObject({
    organizationWideDefaults: z.record(z.string(), z.enum(['Private', 'Read', 'ReadWrite'])),
    profiles: z.record(
        z.string(),
        z.strictObject({
            objects: z.record(z.string(), ObjectPermissionJson),
            fields: z.record(z.string(), FieldPermissionJson),
            allCustomFields: FieldPermissionJson.optional()
        })
    ),
    permissionSetAssignments: z.record(z.string(), z.array(z.string())),
    shares: z.array(z.strictObject({ record: z.string(), user: z.string(), access: z.enum(['Read', 'Edit']) }))
});

const PROFILE_PERMISSION_FIELDS = [
    'ModifyAllData',
    'ViewAllData',
    'ManageUsers',
    'CustomizeApplication',
    'AuthorApex'
] as const;

/** A Salesforce org in memory: records, users and their access, metadata from force-app, callouts, Apex runtime. */
export class MockOrg {
    readonly schema: SchemaRegistry;
    readonly records: RecordStore;
    readonly customMetadata: CustomMetadataRepository;
    readonly runtime: ApexRuntime;
    readonly asyncApex: AsyncApexQueue;
    private readonly packageDir: string;
    private namedCredentials: Map<string, NamedCredentialDefinition>;
    private readonly sharing: SharingModel;
    private readonly profileGrants = new Map<string, PermissionGrant>();
    private readonly assignments = new Map<string, PermissionGrant[]>();

    constructor(options: MockOrgOptions) {
        const packageDir = path.join(options.projectRoot, 'force-app', 'main', 'default');
        const seedDir = options.seedDir ?? path.join(options.projectRoot, 'mock-org', 'seed');
        const customFields = loadCustomFields(
            packageDir,
            STANDARD_OBJECTS.map((object) => object.name)
        );
        this.schema = new SchemaRegistry(withCustomFields(STANDARD_OBJECTS, customFields));
        this.records = new RecordStore(this.schema);
        const idsByReference = importTree(this.records, seedDir);
        const resolve = (reference: string): string => {
            const id = idsByReference.get(reference.replace(/^@/, ''));
            if (!id) throw new Error(`${path.join(seedDir, 'access.json')}: unknown reference ${reference}`);
            return id;
        };
        const accessFile = path.join(seedDir, 'access.json');
        const access = AccessJson.parse(JSON.parse(readFileSync(accessFile, 'utf8')));

        for (const profile of this.records.all('Profile')) {
            const name = String(profile['Name']);
            const declared = access.profiles[name];
            if (!declared) throw new Error(`${accessFile}: no object permissions for profile "${name}"`);
            this.profileGrants.set(profile.Id, {
                name,
                apexClasses: new Set(),
                customMetadataTypes: new Set(),
                objects: new Map(Object.entries(declared.objects)),
                fields: new Map(Object.entries(declared.fields)),
                allCustomFields: declared.allCustomFields,
                userPermissions: new Set(
                    PROFILE_PERMISSION_FIELDS.filter((permission) => profile[`Permissions${permission}`] === true)
                ),
                externalCredentialPrincipals: new Set()
            });
        }
        const permissionSets = loadPermissionSets(packageDir);
        for (const [userReference, setNames] of Object.entries(access.permissionSetAssignments)) {
            this.assignments.set(
                resolve(userReference),
                setNames.map((setName) => {
                    const grant = permissionSets.get(setName);
                    if (!grant) throw new Error(`${accessFile}: no permission set ${setName} in force-app`);
                    return grant;
                })
            );
        }
        this.sharing = new SharingModel(
            new Map(Object.entries(access.organizationWideDefaults) as [string, OrganizationWideDefault][]),
            access.shares.map((share) => ({
                recordId: resolve(share.record),
                userId: resolve(share.user),
                access: share.access
            }))
        );
        this.customMetadata = new CustomMetadataRepository(packageDir);
        this.packageDir = packageDir;
        this.namedCredentials = loadNamedCredentials(packageDir);
        const callouts = new CalloutService(
            { get: (name) => this.namedCredentials.get(name) },
            options.credentials,
            options.transport ?? ((request) => fetch(request))
        );
        this.asyncApex = new AsyncApexQueue({
            queueables: options.queueables ?? [],
            clock: options.asyncClock,
            persistPath: options.asyncApexPersistPath
        });
        this.runtime = new ApexRuntime(
            options.apexClasses,
            {
                schema: this.schema,
                records: this.records,
                customMetadata: this.customMetadata,
                sharing: this.sharing,
                callouts,
                locks: new RecordLocks(options.recordLockWaitMs ?? LIMITS.recordLockWaitMs),
                orgCache: new OrgCacheStore(options.clock ?? Date.now),
                namedCredentials: { has: (name) => this.namedCredentials.has(name) },
                asyncApex: this.asyncApex
            },
            (userId) => ({ user: this.requireUser(userId), access: this.accessOf(userId) })
        );
    }

    /** Re-reads the named credentials from source, so an edit in Setup applies to the next callout. */
    reloadNamedCredentials(): void {
        this.namedCredentials = loadNamedCredentials(this.packageDir);
    }

    users(): StoredRecord[] {
        return this.records.all('User');
    }

    /** A user by id or username. */
    findUser(idOrUsername: string): StoredRecord | undefined {
        return this.users().find((user) => user.Id === idOrUsername || user['Username'] === idOrUsername);
    }

    requireUser(idOrUsername: string): StoredRecord {
        const user = this.findUser(idOrUsername);
        if (!user) throw new Error(`No user ${idOrUsername}`);
        return user;
    }

    accessOf(userId: string): UserAccess {
        const user = this.requireUser(userId);
        const profileGrant = this.profileGrants.get(String(user['ProfileId']));
        const grants = [...(profileGrant ? [profileGrant] : []), ...(this.assignments.get(user.Id) ?? [])];
        return new UserAccess(user.Id, grants, this.schema);
    }

    profileName(userId: string): string {
        return this.profileGrants.get(String(this.requireUser(userId)['ProfileId']))?.name ?? '';
    }

    /** The record if the user can see it (sharing), else undefined. */
    recordVisibleTo(userId: string, recordId: string): StoredRecord | undefined {
        const record = this.records.get(recordId);
        return record && this.sharing.canRead(this.accessOf(userId), record) ? record : undefined;
    }

    visibleRecords(userId: string, type: string): StoredRecord[] {
        const access = this.accessOf(userId);
        return this.records.all(type).filter((record) => this.sharing.canRead(access, record));
    }
}
