import type { SObjectRecord } from '../../../force-app/server/platform/context';
import { toId18 } from '../../../force-app/server/platform/salesforceId';
import { isValidId, makeId } from './ids';
import type { SchemaRegistry } from './schema';

export type StoredRecord = SObjectRecord & { readonly attributes: { readonly type: string } };

/** All records of the org, keyed by 18-character id. */
export class RecordStore {
    private readonly records = new Map<string, StoredRecord>();
    private readonly sequences = new Map<string, number>();

    constructor(private readonly schema: SchemaRegistry) {}

    insert(type: string, fields: Record<string, unknown>): StoredRecord {
        const object = this.schema.object(type);
        if (!object) throw new Error(`Unknown object ${type}`);
        for (const name of Object.keys(fields)) {
            if (!object.fields.has(name)) throw new Error(`No such column '${name}' on entity '${type}'`);
        }
        const sequence = (this.sequences.get(object.keyPrefix) ?? 0) + 1;
        this.sequences.set(object.keyPrefix, sequence);
        const record: StoredRecord = { ...fields, Id: makeId(object.keyPrefix, sequence), attributes: { type } };
        this.records.set(record.Id, record);
        return record;
    }

    update(recordId: string, fields: Record<string, unknown>): StoredRecord {
        const existing = this.get(recordId);
        if (!existing) throw new Error(`No record ${recordId}`);
        const updated: StoredRecord = { ...existing, ...fields, Id: existing.Id, attributes: existing.attributes };
        this.records.set(recordId, updated);
        return updated;
    }

    /** Accepts 15 or 18 character ids, as the platform does. */
    get(recordId: string): StoredRecord | undefined {
        return isValidId(recordId) ? this.records.get(toId18(recordId)) : undefined;
    }

    all(type: string): StoredRecord[] {
        return [...this.records.values()].filter((record) => record.attributes.type === type);
    }
}
