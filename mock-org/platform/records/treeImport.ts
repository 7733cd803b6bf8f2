import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { insertWithDerivedFields } from './personAccounts';
import type { RecordStore } from './recordStore';

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

/** Inserts the seed files of a folder, resolving `@referenceId` lookups; returns ids by reference. */
export function importTree(store: RecordStore, seedDir: string): Map<string, string> {
    const idsByReference = new Map<string, string>();
    for (const type of SEED_FILE_ORDER) {
        const file = path.join(seedDir, `${type}.json`);
        const parsed = TreeFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (!parsed.success)
            throw new Error(`${file}: not sObject tree JSON (${parsed.error.issues[0]?.message ?? 'invalid'})`);
        for (const { attributes, ...values } of parsed.data.records) {
            if (attributes.type !== type)
                throw new Error(`${file}: record ${attributes.referenceId} is a ${attributes.type}, expected ${type}`);
            const fields: Record<string, unknown> = {};
            for (const [name, value] of Object.entries(values)) {
                if (typeof value === 'string' && value.startsWith('@')) {
                    const referenced = idsByReference.get(value.slice(1));
                    if (!referenced)
                        throw new Error(`${file}: record ${attributes.referenceId} refers to unknown ${value}`);
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
