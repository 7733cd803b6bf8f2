import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecordStore, StoredRecord } from './recordStore';
import { mirroredContactField } from './schema';

/** sObject tree JSON, as `sf data export tree` writes it (lookups by `@referenceId`). */
const TreeFile = z.object({
    records: z.array(
        z
            .object({ attributes: z.object({ type: z.string(), referenceId: z.string() }) })
            .catchall(z.union([z.string(), z.boolean(), z.number(), z.null()]))
    )
});

/** The order lookups need: a record may only refer to records of earlier files. */
export const SEED_FILE_ORDER = ['Profile', 'User', 'Account', 'Contact'] as const;

const PERSON_CONTACT_FIELDS: Record<string, string> = {
    FirstName: 'FirstName',
    LastName: 'LastName',
    PersonEmail: 'Email',
    PersonMobilePhone: 'MobilePhone',
    PersonTitle: 'Title'
};

function fullName(fields: Record<string, unknown>): string {
    return [fields['FirstName'], fields['LastName']].filter((part) => typeof part === 'string' && part !== '').join(' ');
}

/** Inserts the seed files of a folder, resolving `@referenceId` lookups; returns ids by reference. */
export function importTree(store: RecordStore, seedDir: string): Map<string, string> {
    const idsByReference = new Map<string, string>();
    for (const type of SEED_FILE_ORDER) {
        const file = path.join(seedDir, `${type}.json`);
        const parsed = TreeFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (!parsed.success) throw new Error(`${file}: not sObject tree JSON (${parsed.error.issues[0]?.message ?? 'invalid'})`);
        for (const { attributes, ...values } of parsed.data.records) {
            if (attributes.type !== type) throw new Error(`${file}: record ${attributes.referenceId} is a ${attributes.type}, expected ${type}`);
            const fields: Record<string, unknown> = {};
            for (const [name, value] of Object.entries(values)) {
                if (typeof value === 'string' && value.startsWith('@')) {
                    const referenced = idsByReference.get(value.slice(1));
                    if (!referenced) throw new Error(`${file}: record ${attributes.referenceId} refers to unknown ${value}`);
                    fields[name] = referenced;
                } else {
                    fields[name] = value;
                }
            }
            const record = insertWithDerivedFields(store, type, fields);
            idsByReference.set(attributes.referenceId, record.Id);
        }
    }
    return idsByReference;
}

function insertWithDerivedFields(store: RecordStore, type: string, fields: Record<string, unknown>): StoredRecord {
    if (type === 'Contact' || type === 'User') return store.insert(type, { ...fields, Name: fullName(fields), ...(type === 'User' ? { IsActive: true } : {}) });
    if (type !== 'Account' || fields['IsPersonAccount'] !== true) return store.insert(type, fields);
    const account = store.insert('Account', { ...fields, Name: fullName(fields) });
    const contactFields: Record<string, unknown> = { AccountId: account.Id, OwnerId: fields['OwnerId'] };
    for (const [accountField, contactField] of Object.entries(PERSON_CONTACT_FIELDS)) contactFields[contactField] = fields[accountField];
    for (const [accountField, value] of Object.entries(fields)) {
        const contactField = mirroredContactField(accountField);
        if (contactField) contactFields[contactField] = value;
    }
    const personContact = store.insert('Contact', { ...contactFields, Name: fullName(fields) });
    return store.update(account.Id, { PersonContactId: personContact.Id });
}
