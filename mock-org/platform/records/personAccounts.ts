import type { RecordStore, StoredRecord } from './recordStore';
import { mirroredContactField, personAccountFieldName } from './schema';

/** Person Account fields and the fields of its hidden Contact they are stored in. */
const PERSON_CONTACT_FIELDS: Readonly<Record<string, string>> = {
    FirstName: 'FirstName',
    LastName: 'LastName',
    PersonEmail: 'Email',
    PersonMobilePhone: 'MobilePhone',
    PersonTitle: 'Title'
};
const ACCOUNT_FIELD_OF_CONTACT_FIELD = new Map(
    Object.entries(PERSON_CONTACT_FIELDS).map(([account, contact]) => [contact, account])
);

/** Objects whose Name the platform composes from FirstName and LastName. */
const NAMED_BY_PARTS = new Set(['Contact', 'User']);

function fullName(fields: Readonly<Record<string, unknown>>): string {
    return [fields['FirstName'], fields['LastName']]
        .filter((part) => typeof part === 'string' && part !== '')
        .join(' ');
}

function isPersonAccount(record: StoredRecord | undefined): boolean {
    return record?.attributes.type === 'Account' && record['IsPersonAccount'] === true;
}

function hasNameParts(fields: Readonly<Record<string, unknown>>): boolean {
    return 'FirstName' in fields || 'LastName' in fields;
}

/** The hidden Contact's values for a Person Account's values: `Person*` fields and `__pc` custom fields. */
function contactValuesOf(accountValues: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(accountValues)) {
        const contactField = PERSON_CONTACT_FIELDS[field] ?? mirroredContactField(field);
        if (contactField) values[contactField] = value;
    }
    return values;
}

function accountValuesOf(contactValues: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(contactValues)) {
        const accountField =
            ACCOUNT_FIELD_OF_CONTACT_FIELD.get(field) ??
            (field.endsWith('__c') ? personAccountFieldName(field) : undefined);
        if (accountField) values[accountField] = value;
    }
    return values;
}

/** Updates one record and what the platform keeps in step with it: a composed Name, and the other half of a Person Account. */
function updateWithName(store: RecordStore, recordId: string, values: Readonly<Record<string, unknown>>): StoredRecord {
    const updated = store.update(recordId, values);
    const composesName = NAMED_BY_PARTS.has(updated.attributes.type) || isPersonAccount(updated);
    return composesName && hasNameParts(values) ? store.update(recordId, { Name: fullName(updated) }) : updated;
}

/**
 * Writes an update as the platform stores it: Contact and User names follow their parts, and a
 * Person Account and its hidden Contact are one record, so a change to either shows on both.
 */
export function applyUpdate(store: RecordStore, recordId: string, values: Readonly<Record<string, unknown>>): void {
    const updated = updateWithName(store, recordId, values);
    if (isPersonAccount(updated)) {
        const contactValues = contactValuesOf(values);
        if (Object.keys(contactValues).length > 0)
            updateWithName(store, String(updated['PersonContactId']), contactValues);
        return;
    }
    const account = updated.attributes.type === 'Contact' ? store.get(String(updated['AccountId'] ?? '')) : undefined;
    if (account && isPersonAccount(account) && account['PersonContactId'] === updated.Id) {
        const accountValues = accountValuesOf(values);
        if (Object.keys(accountValues).length > 0) updateWithName(store, account.Id, accountValues);
    }
}

/** Inserts a seed record with what the platform derives: Name from its parts, and a Person Account's hidden Contact. */
export function insertWithDerivedFields(
    store: RecordStore,
    type: string,
    fields: Record<string, unknown>
): StoredRecord {
    if (NAMED_BY_PARTS.has(type))
        return store.insert(type, {
            ...fields,
            Name: fullName(fields),
            ...(type === 'User' ? { IsActive: true } : {})
        });
    if (type !== 'Account' || fields['IsPersonAccount'] !== true) return store.insert(type, fields);
    const account = store.insert('Account', { ...fields, Name: fullName(fields) });
    const personContact = store.insert('Contact', {
        ...contactValuesOf(fields),
        AccountId: account.Id,
        OwnerId: fields['OwnerId'],
        Name: fullName(fields)
    });
    return store.update(account.Id, { PersonContactId: personContact.Id });
}
