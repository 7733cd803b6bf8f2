import type { ZodType } from 'zod';
import type { HttpRequest, HttpResponse } from './http';

/**
 * The platform facade that server methods run against, shaped like Apex's system classes.
 * The mock org implements it; package code never reaches past it.
 */
export interface ApexContext {
    readonly userInfo: UserInfo;
    readonly http: Http;
    readonly schema: Schema;
    readonly customMetadata: CustomMetadata;
    readonly database: Database;
    readonly cache: OrgCache;
    readonly namedCredentials: NamedCredentials;
    readonly system: ApexSystem;
    readonly asyncApexJobs: AsyncApexJobs;
}

/** The `System` methods asynchronous work needs. */
export interface ApexSystem {
    /** `System.now()`: the org's clock. */
    now(): Date;
    /**
     * `System.enqueueJob(new <Class>(state), delayMinutes)`: queues a Queueable to run after this
     * transaction commits (nothing is queued if it rolls back), as the running user. Enqueueing is
     * uncommitted work: no callout may follow in this transaction. A Queueable may enqueue one job.
     */
    enqueueJob<State>(
        job: QueueableDefinition<State>,
        state: State,
        options?: { readonly delayMinutes?: number }
    ): string;
    /** `System.abortJob(jobId)`: a queued job never runs; a running one ends without enqueueing another. */
    abortJob(jobId: string): void;
}

/** `SELECT … FROM AsyncApexJob`: the jobs this org queued, as Setup's Apex Jobs page lists them. */
export interface AsyncApexJobs {
    byId(jobId: string): AsyncApexJob | null;
    /** Jobs of this class that are queued, preparing or processing. */
    active(apexClassName: string): AsyncApexJob[];
}

export type AsyncApexJobStatus = 'Queued' | 'Preparing' | 'Processing' | 'Completed' | 'Failed' | 'Aborted';

/** An `AsyncApexJob` row. For a Queueable the platform leaves the item counts at 0. */
export interface AsyncApexJob {
    readonly Id: string;
    readonly ApexClassName: string;
    readonly JobType: 'Queueable';
    readonly Status: AsyncApexJobStatus;
    readonly JobItemsProcessed: number;
    readonly TotalJobItems: number;
    readonly NumberOfErrors: number;
    /** The unhandled exception of a failed job (type and message). */
    readonly ExtendedStatus: string | null;
    readonly CreatedById: string;
    readonly CreatedDate: string;
    readonly CompletedDate: string | null;
}

/** `QueueableContext`, passed to `execute`. */
export interface QueueableContext {
    getJobId(): string;
}

/**
 * A class that `implements Queueable, Database.AllowsCallouts`: what `System.enqueueJob` serialises
 * is its state (parsed again when the job runs), and `execute` runs in a transaction of its own.
 */
export interface QueueableDefinition<State> {
    readonly name: string;
    readonly apiVersion: string;
    readonly sharing: 'with sharing' | 'without sharing' | 'inherited sharing';
    readonly allowsCallouts: boolean;
    readonly state: ZodType<State>;
    readonly execute: (state: State, context: ApexContext, job: QueueableContext) => Promise<void>;
}

/** `UserInfo`: who runs the transaction. */
export interface UserInfo {
    getUserId(): string;
    getUserName(): string;
    /** The user's locale, e.g. en_GB (`UserInfo.getLocale()`). */
    getLocale(): string;
    /** A system permission of the running user, as `UserPermissionAccess` reports it (e.g. CustomizeApplication). */
    hasUserPermission(permission: string): boolean;
}

/** `Http`: sends a callout, typically to `callout:<NamedCredential>/path`. */
export interface Http {
    send(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * `[SELECT DeveloperName FROM NamedCredential WHERE DeveloperName = :name WITH SYSTEM_MODE]`: whether the
 * org has a named credential of that name (its definition only; the secret is never readable).
 */
export interface NamedCredentials {
    exists(developerName: string): boolean;
}

export type FieldType =
    | 'id'
    | 'string'
    | 'email'
    | 'phone'
    | 'picklist'
    | 'boolean'
    | 'reference'
    | 'textarea'
    | 'date'
    | 'datetime'
    | 'double'
    | 'currency'
    | 'percent'
    | 'url';

/** `Schema.DescribeFieldResult`, for the running user. */
export interface FieldDescribe {
    getName(): string;
    getLabel(): string;
    getType(): FieldType;
    isAccessible(): boolean;
    isUpdateable(): boolean;
}

/** `Schema.getGlobalDescribe()` and `Id.getSObjectType()`, reduced to what the connector needs. */
export interface Schema {
    /** The object an id belongs to (by key prefix), or null when no known object has that prefix. */
    getSObjectTypeOfId(recordId: string): string | null;
    /** Null when the object or field does not exist. */
    describeField(sobjectType: string, fieldApiName: string): FieldDescribe | null;
}

export type CustomMetadataValue = string | boolean | number | null;

/** One custom metadata record as `getInstance` returns it (long text truncated to 255 characters). */
export interface CustomMetadataRecord {
    readonly DeveloperName: string;
    readonly MasterLabel: string;
    readonly values: Readonly<Record<string, CustomMetadataValue>>;
}

/** `<Type>__mdt.getInstance(name)` and `getAll()`. */
export interface CustomMetadata {
    getInstance(typeApiName: string, developerName: string): CustomMetadataRecord | null;
    getAll(typeApiName: string): ReadonlyMap<string, CustomMetadataRecord>;
}

export type AccessLevel = 'USER_MODE' | 'SYSTEM_MODE';

export interface SObjectRecord {
    readonly Id: string;
    readonly [field: string]: unknown;
}

/**
 * SOQL and DML by id, `WITH USER_MODE` or `WITH SYSTEM_MODE` (the class's sharing keyword applies in
 * system mode). Without an access level, the class's default applies, decided by its API version:
 * system mode up to 66.0, user mode from 67.0.
 */
export interface Database {
    /** Null when the record does not exist or the running user cannot see it. */
    queryById(
        sobjectType: string,
        recordId: string,
        fields: readonly string[],
        access?: AccessLevel
    ): SObjectRecord | null;
    /**
     * `SELECT Id, <field> FROM <type> WHERE <field> IN :values WITH <access> LIMIT :limit`: the records
     * the running user may see (in user mode) whose field equals one of the values. Text compares
     * case-insensitively and ids in 15 or 18 characters, as SOQL does; an empty list matches nothing.
     * One SOQL query; the same object and field checks as `queryById`.
     */
    queryWhereIn(
        sobjectType: string,
        field: string,
        values: readonly string[],
        limit: number,
        access?: AccessLevel
    ): SObjectRecord[];
    /**
     * `SELECT Id FROM <type> WHERE Id = :recordId FOR UPDATE`: locks the record until the transaction
     * ends or makes a callout. Another transaction asking for the same lock waits up to 10 s, then gets a
     * QueryException ("Record Currently Unavailable…"). Null when the record does not exist or is not visible.
     */
    lockById(sobjectType: string, recordId: string, access?: AccessLevel): Promise<SObjectRecord | null>;
    /**
     * `update as user|system`: DML. Afterwards the transaction has uncommitted work, so no callout may
     * follow; in a cacheable method it throws `System.LimitException: Too many DML statements: 1`. The
     * change is committed when the method returns, and rolled back if it throws. A record another
     * transaction has locked fails at once with `System.DmlException` (UNABLE_TO_LOCK_ROW).
     */
    updateById(
        sobjectType: string,
        recordId: string,
        fields: Readonly<Record<string, unknown>>,
        access?: AccessLevel
    ): void;
    /**
     * The same database as a method of a `without sharing` (inner) class sees it: the sharing keyword
     * of the class where a method is defined applies, not the caller's, and in system mode it decides
     * whether sharing applies; user mode always applies it. Same transaction, same uncommitted work.
     */
    withoutSharing(): Database;
}

/**
 * `Cache.Org` (Platform Cache, org partition): values shared by all users, each with a time to live.
 * Keys are alphanumeric, at most 50 characters (anything else throws `Cache.InvalidParamException`).
 * Values are stored as copies. Other transactions see a put or remove once this one commits; a
 * failed transaction's cache operations are rolled back. A value may vanish at any time.
 */
export interface OrgCache {
    /** Null when absent or expired. */
    get(key: string): unknown;
    /** Time to live in seconds: 300 to 172,800 (48 hours), as Platform Cache allows; at most 100 KB per value. */
    put(key: string, value: unknown, ttlSeconds: number): void;
    remove(key: string): void;
}
