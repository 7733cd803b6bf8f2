import type { AccessLevel, Database, SObjectRecord } from '../../../force-app/server/platform/context';
import { QueryException } from '../../../force-app/server/platform/exceptions';
import type { SharingMode } from '../../../force-app/server/platform/auraEnabled';
import { toId18 } from '../../../force-app/server/platform/salesforceId';
import { isValidId } from '../records/ids';
import { applyUpdate } from '../records/personAccounts';
import type { RecordLocks } from '../records/recordLocks';
import type { RecordStore, StoredRecord } from '../records/recordStore';
import type { ObjectDefinition, SchemaRegistry } from '../records/schema';
import type { SharingModel } from '../security/sharing';
import type { UserAccess } from '../security/userAccess';
import { SObjectException, fieldsNotWritable, insufficientAccess, updateFailed } from './dmlErrors';
import type { Transaction } from './transaction';

export interface DatabaseServices {
    readonly schema: SchemaRegistry;
    readonly records: RecordStore;
    readonly sharing: SharingModel;
    readonly locks: RecordLocks;
}

/**
 * SOQL by id and DML for one transaction of one user. User mode checks object and field
 * permissions and always applies sharing; system mode skips both checks, and applies sharing
 * unless the class is `without sharing`. Updates stay in the transaction until it commits;
 * `withoutSharing()` shares them.
 */
export function createDatabase(
    services: DatabaseServices,
    access: UserAccess,
    sharing: SharingMode,
    transaction: Transaction,
    stagedUpdates?: Map<string, Record<string, unknown>>
): Database {
    const staged = stagedUpdates ?? stagedUntilCommit(services, transaction);
    const levelOf = (level: AccessLevel | undefined): AccessLevel => level ?? transaction.defaultAccessLevel;
    const enforcesSharing = (level: AccessLevel) => level === 'USER_MODE' || sharing !== 'without sharing';

    /** The record as this transaction sees it: the committed record plus its own uncommitted updates. */
    const current = (sobjectType: string, recordId: string): StoredRecord | undefined => {
        const record = services.records.get(recordId);
        if (!record || record.attributes.type !== sobjectType) return undefined;
        const updates = staged.get(record.Id);
        return updates ? { ...record, ...updates } : record;
    };

    const objectOrFail = (sobjectType: string): ObjectDefinition => {
        const object = services.schema.object(sobjectType);
        if (!object) throw new QueryException(`sObject type '${sobjectType}' is not supported.`);
        return object;
    };

    /** Counts the query; the object and fields must exist and, in user mode, be readable by the user. */
    const checkQuery = (sobjectType: string, fields: readonly string[], level: AccessLevel) => {
        transaction.countSoql();
        const object = objectOrFail(sobjectType);
        const unknown = fields.find((field) => !object.fields.has(field));
        if (unknown) {
            throw new QueryException(
                `No such column '${unknown}' on entity '${sobjectType}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
            );
        }
        if (level === 'SYSTEM_MODE') return;
        if (!access.objectPermission(sobjectType).read)
            throw new QueryException(`sObject type '${sobjectType}' is not supported.`);
        if (fields.some((field) => !access.fieldPermission(sobjectType, field).read)) {
            throw new QueryException('Insufficient permissions: secure query included inaccessible field');
        }
    };

    const visible = (sobjectType: string, recordId: string, level: AccessLevel): StoredRecord | undefined => {
        const record = current(sobjectType, recordId);
        if (!record) return undefined;
        return !enforcesSharing(level) || services.sharing.canRead(access, record) ? record : undefined;
    };

    const queryById: Database['queryById'] = (sobjectType, recordId, fields, accessLevel) => {
        const level = levelOf(accessLevel);
        checkQuery(sobjectType, fields, level);
        const record = visible(sobjectType, recordId, level);
        if (!record) return null;
        const selected: Record<string, unknown> = { Id: record.Id };
        for (const field of fields) selected[field] = record[field] ?? null;
        return selected as SObjectRecord;
    };

    /** SOQL equality: ids match in either length, text ignores case. */
    const normalised = (field: string, value: unknown): string | null => {
        if (typeof value !== 'string') return null;
        if (field === 'Id') return isValidId(value) ? toId18(value) : null;
        return value.toLowerCase();
    };

    const queryWhereIn: Database['queryWhereIn'] = (sobjectType, field, values, limit, accessLevel) => {
        const level = levelOf(accessLevel);
        checkQuery(sobjectType, field === 'Id' ? [] : [field], level);
        if (!Number.isInteger(limit) || limit < 1)
            throw new QueryException(`LIMIT must be a positive integer, got ${limit}`);
        if (field === 'Id') {
            const invalid = values.find((value) => !isValidId(value));
            if (invalid !== undefined) throw new QueryException(`invalid ID field: ${invalid}`);
        }
        const wanted = new Set(values.map((value) => normalised(field, value)));
        const matches: SObjectRecord[] = [];
        for (const stored of services.records.all(sobjectType)) {
            if (matches.length >= limit) break;
            const record = visible(sobjectType, stored.Id, level);
            if (!record || !wanted.has(normalised(field, record[field]))) continue;
            matches.push({ Id: record.Id, [field]: record[field] ?? null });
        }
        return matches;
    };

    const lockById: Database['lockById'] = async (sobjectType, recordId, accessLevel) => {
        const level = levelOf(accessLevel);
        checkQuery(sobjectType, [], level);
        const record = visible(sobjectType, recordId, level);
        if (!record) return null;
        await services.locks.acquire(record.Id, transaction);
        return { Id: record.Id };
    };

    /** Fields must exist, be writable by code at all, and fit their length. */
    const checkValues = (object: ObjectDefinition, recordId: string, values: Readonly<Record<string, unknown>>) => {
        for (const [field, value] of Object.entries(values)) {
            const definition = object.fields.get(field);
            if (!definition) throw new SObjectException(`Invalid field ${field} for ${object.name}`);
            if (definition.system) throw new SObjectException(`Field is not writeable: ${object.name}.${field}`);
            if (definition.length !== undefined && typeof value === 'string' && value.length > definition.length) {
                throw updateFailed(
                    recordId,
                    'STRING_TOO_LONG',
                    `${definition.label}: data value too large: ${value} (max length=${definition.length})`,
                    [field]
                );
            }
        }
    };

    /** User mode on User: a user edits their own record within the self-edit rules; anyone else's needs Manage Users. */
    const checkUserModeUpdate = (record: StoredRecord, fields: readonly string[]) => {
        const type = record.attributes.type;
        if (type === 'User') {
            if (record.Id !== access.userId && !access.hasUserPermission('ManageUsers'))
                throw insufficientAccess(record.Id);
            const denied = fields.filter((field) => !access.canEditOwnUserField(field));
            if (denied.length > 0) throw fieldsNotWritable(record.Id, denied);
            return;
        }
        if (!access.objectPermission(type).edit || !services.sharing.canEdit(access, record))
            throw insufficientAccess(record.Id);
        const denied = fields.filter((field) => !access.fieldPermission(type, field).edit);
        if (denied.length > 0) throw fieldsNotWritable(record.Id, denied);
    };

    const updateById: Database['updateById'] = (sobjectType, recordId, values, accessLevel) => {
        const level = levelOf(accessLevel);
        transaction.countDml();
        checkValues(objectOrFail(sobjectType), recordId, values);
        const record = current(sobjectType, recordId);
        if (!record) throw updateFailed(recordId, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
        if (level === 'USER_MODE') checkUserModeUpdate(record, Object.keys(values));
        // Sharing on User records is not modelled: system mode may update any user.
        else if (enforcesSharing(level) && sobjectType !== 'User' && !services.sharing.canEdit(access, record))
            throw insufficientAccess(record.Id);
        if (!services.locks.tryAcquire(record.Id, transaction)) {
            throw updateFailed(
                record.Id,
                'UNABLE_TO_LOCK_ROW',
                `unable to obtain exclusive access to this record or 1 records: ${record.Id}`
            );
        }
        staged.set(record.Id, { ...staged.get(record.Id), ...values });
        transaction.pendingWork = true;
    };

    const withoutSharing = () => createDatabase(services, access, 'without sharing', transaction, staged);

    return { queryById, queryWhereIn, lockById, updateById, withoutSharing };
}

/** The transaction's uncommitted updates, applied to the records when it commits. */
function stagedUntilCommit(services: DatabaseServices, transaction: Transaction): Map<string, Record<string, unknown>> {
    const staged = new Map<string, Record<string, unknown>>();
    transaction.onCommit(() => {
        for (const [recordId, fields] of staged) applyUpdate(services.records, recordId, fields);
    });
    return staged;
}
