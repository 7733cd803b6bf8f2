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
}

/** `UserInfo`: who runs the transaction. */
export interface UserInfo {
    getUserId(): string;
    getUserName(): string;
    /** A system permission of the running user, as `UserPermissionAccess` reports it (e.g. CustomizeApplication). */
    hasUserPermission(permission: string): boolean;
}

/** `Http`: sends a callout, typically to `callout:<NamedCredential>/path`. */
export interface Http {
    send(request: HttpRequest): Promise<HttpResponse>;
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

/** SOQL by id, `WITH USER_MODE` or `WITH SYSTEM_MODE` (the class's sharing keyword applies in system mode). */
export interface Database {
    /** Null when the record does not exist or the running user cannot see it. */
    queryById(sobjectType: string, recordId: string, fields: readonly string[], access: AccessLevel): SObjectRecord | null;
}
