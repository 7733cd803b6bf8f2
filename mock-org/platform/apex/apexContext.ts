import type { AccessLevel, ApexContext, FieldDescribe, SObjectRecord } from '../../../force-app/server/platform/context';
import type { SharingMode } from '../../../force-app/server/platform/auraEnabled';
import { QueryException } from '../../../force-app/server/platform/exceptions';
import type { CalloutService } from '../callouts/calloutService';
import type { CustomMetadataRepository } from '../metadata/customMetadata';
import type { RecordStore, StoredRecord } from '../records/recordStore';
import type { SchemaRegistry } from '../records/schema';
import type { SharingModel } from '../security/sharing';
import type { UserAccess } from '../security/userAccess';
import type { Transaction } from './limits';

export interface PlatformServices {
    readonly schema: SchemaRegistry;
    readonly records: RecordStore;
    readonly customMetadata: CustomMetadataRepository;
    readonly sharing: SharingModel;
    readonly callouts: CalloutService;
}

/** The facade one transaction of one user sees. */
export function createApexContext(services: PlatformServices, user: StoredRecord, access: UserAccess, sharing: SharingMode, transaction: Transaction): ApexContext {
    const enforcesSharing = (level: AccessLevel) => level === 'USER_MODE' || sharing !== 'without sharing';

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

    const queryById = (sobjectType: string, recordId: string, fields: readonly string[], level: AccessLevel): SObjectRecord | null => {
        const object = services.schema.object(sobjectType);
        if (!object) throw new QueryException(`sObject type '${sobjectType}' is not supported.`);
        for (const field of fields) {
            if (!object.fields.has(field)) {
                throw new QueryException(`No such column '${field}' on entity '${sobjectType}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`);
            }
        }
        if (level === 'USER_MODE') {
            if (!access.objectPermission(sobjectType).read) throw new QueryException(`sObject type '${sobjectType}' is not supported.`);
            const inaccessible = fields.filter((field) => !access.fieldPermission(sobjectType, field).read);
            if (inaccessible.length > 0) throw new QueryException(`Insufficient permissions: secure query included inaccessible field`);
        }
        const record = services.records.get(recordId);
        if (!record || record.attributes.type !== sobjectType) return null;
        if (enforcesSharing(level) && !services.sharing.canRead(access, record)) return null;
        const selected: Record<string, unknown> = { Id: record.Id };
        for (const field of fields) selected[field] = record[field] ?? null;
        return selected as SObjectRecord;
    };

    return {
        userInfo: {
            getUserId: () => user.Id,
            getUserName: () => String(user['Username']),
            hasUserPermission: (permission) => access.hasUserPermission(permission)
        },
        http: { send: (request) => services.callouts.send(request, transaction) },
        schema: {
            getSObjectTypeOfId: (recordId) => services.schema.objectOfId(recordId)?.name ?? null,
            describeField
        },
        customMetadata: services.customMetadata,
        database: { queryById }
    };
}
