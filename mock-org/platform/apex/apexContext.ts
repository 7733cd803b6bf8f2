import type { ApexContext, FieldDescribe } from '../../../force-app/server/platform/context';
import type { SharingMode } from '../../../force-app/server/platform/auraEnabled';
import { createOrgCache, type OrgCacheStore } from '../cache/orgCache';
import type { CalloutService } from '../callouts/calloutService';
import type { CustomMetadataRepository } from '../metadata/customMetadata';
import type { RecordStore, StoredRecord } from '../records/recordStore';
import type { RecordLocks } from '../records/recordLocks';
import type { SchemaRegistry } from '../records/schema';
import type { SharingModel } from '../security/sharing';
import type { UserAccess } from '../security/userAccess';
import type { AsyncApexQueue } from './asyncApex';
import { createDatabase } from './database';
import type { Transaction } from './transaction';

export interface PlatformServices {
    readonly schema: SchemaRegistry;
    readonly records: RecordStore;
    readonly customMetadata: CustomMetadataRepository;
    readonly sharing: SharingModel;
    readonly callouts: CalloutService;
    readonly locks: RecordLocks;
    readonly orgCache: OrgCacheStore;
    /** The named credentials defined in the org (from source, as Setup saved them). */
    readonly namedCredentials: { has(name: string): boolean };
    readonly asyncApex: AsyncApexQueue;
}

/** The facade one transaction of one user sees. */
export function createApexContext(
    services: PlatformServices,
    user: StoredRecord,
    access: UserAccess,
    sharing: SharingMode,
    transaction: Transaction
): ApexContext {
    const describeField = (sobjectType: string, fieldApiName: string): FieldDescribe | null => {
        const field = services.schema.field(sobjectType, fieldApiName);
        if (!field) return null;
        const permission = access.fieldPermission(sobjectType, fieldApiName);
        const updateable = sobjectType === 'User' ? access.canEditOwnUserField(fieldApiName) : permission.edit;
        return {
            getName: () => field.name,
            getLabel: () => field.label,
            getType: () => field.type,
            isAccessible: () => permission.read,
            isUpdateable: () => updateable
        };
    };

    return {
        userInfo: {
            getUserId: () => user.Id,
            getUserName: () => String(user['Username']),
            getLocale: () => String(user['LocaleSidKey'] ?? 'en_US'),
            hasUserPermission: (permission) => access.hasUserPermission(permission)
        },
        http: {
            send: (request) => {
                // Making a callout releases the FOR UPDATE locks; after DML the callout is refused and nothing is released.
                if (!transaction.pendingWork) services.locks.releaseAll(transaction);
                return services.callouts.send(request, transaction, access);
            }
        },
        schema: {
            getSObjectTypeOfId: (recordId) => services.schema.objectOfId(recordId)?.name ?? null,
            describeField
        },
        customMetadata: services.customMetadata,
        database: createDatabase(services, access, sharing, transaction),
        cache: createOrgCache(services.orgCache, transaction),
        namedCredentials: { exists: (developerName) => services.namedCredentials.has(developerName) },
        system: {
            now: () => services.asyncApex.now(),
            enqueueJob: (job, state, options) =>
                services.asyncApex.enqueue(transaction, job, state, options?.delayMinutes),
            abortJob: (jobId) => services.asyncApex.abort(jobId)
        },
        asyncApexJobs: {
            byId: (jobId) => services.asyncApex.byId(jobId),
            active: (apexClassName) => services.asyncApex.active(apexClassName)
        }
    };
}
