import type { FieldType } from '../../../force-app/server/platform/context';

export interface FieldDefinition {
    readonly name: string;
    readonly label: string;
    readonly type: FieldType;
    /** Maximum length of a text field, when the platform enforces one. */
    readonly length?: number;
    /** System-maintained fields (Id, Name, owner audit fields) are never updateable. */
    readonly system?: boolean;
}

export interface ObjectDefinition {
    readonly name: string;
    readonly label: string;
    readonly keyPrefix: string;
    readonly fields: ReadonlyMap<string, FieldDefinition>;
}

function objectDefinition(name: string, label: string, keyPrefix: string, fields: FieldDefinition[]): ObjectDefinition {
    return { name, label, keyPrefix, fields: new Map(fields.map((field) => [field.name, field])) };
}

const id: FieldDefinition = { name: 'Id', label: 'Record ID', type: 'id', system: true };
const owner: FieldDefinition = { name: 'OwnerId', label: 'Owner ID', type: 'reference' };
const nameField: FieldDefinition = { name: 'Name', label: 'Full Name', type: 'string', system: true };

/** The standard objects the connector touches, with the fields it may map. */
export const STANDARD_OBJECTS: readonly ObjectDefinition[] = [
    objectDefinition('Contact', 'Contact', '003', [
        id,
        owner,
        nameField,
        { name: 'FirstName', label: 'First Name', type: 'string' },
        { name: 'LastName', label: 'Last Name', type: 'string' },
        { name: 'Email', label: 'Email', type: 'email' },
        { name: 'MobilePhone', label: 'Mobile Phone', type: 'phone' },
        { name: 'Phone', label: 'Business Phone', type: 'phone' },
        { name: 'Title', label: 'Title', type: 'string' },
        { name: 'AccountId', label: 'Account ID', type: 'reference' }
    ]),
    objectDefinition('Account', 'Account', '001', [
        id,
        owner,
        { name: 'Name', label: 'Account Name', type: 'string' },
        { name: 'IsPersonAccount', label: 'Is Person Account', type: 'boolean', system: true },
        { name: 'PersonContactId', label: 'Person Contact ID', type: 'reference', system: true },
        { name: 'FirstName', label: 'First Name', type: 'string' },
        { name: 'LastName', label: 'Last Name', type: 'string' },
        { name: 'PersonEmail', label: 'Email', type: 'email' },
        { name: 'PersonMobilePhone', label: 'Mobile', type: 'phone' },
        { name: 'PersonTitle', label: 'Title', type: 'string' },
        { name: 'Phone', label: 'Phone', type: 'phone' }
    ]),
    objectDefinition('User', 'User', '005', [
        id,
        nameField,
        { name: 'Username', label: 'Username', type: 'string' },
        { name: 'FirstName', label: 'First Name', type: 'string' },
        { name: 'LastName', label: 'Last Name', type: 'string' },
        { name: 'Email', label: 'Email', type: 'email' },
        { name: 'Alias', label: 'Alias', type: 'string' },
        { name: 'CommunityNickname', label: 'Nickname', type: 'string' },
        { name: 'FederationIdentifier', label: 'Federation ID', type: 'string' },
        { name: 'EmployeeNumber', label: 'Employee Number', type: 'string' },
        { name: 'Title', label: 'Title', type: 'string' },
        { name: 'LocaleSidKey', label: 'Locale', type: 'picklist' },
        { name: 'ProfileId', label: 'Profile ID', type: 'reference' },
        { name: 'IsActive', label: 'Active', type: 'boolean' }
    ]),
    objectDefinition('Profile', 'Profile', '00e', [
        id,
        { name: 'Name', label: 'Name', type: 'string' },
        { name: 'PermissionsModifyAllData', label: 'Modify All Data', type: 'boolean' },
        { name: 'PermissionsViewAllData', label: 'View All Data', type: 'boolean' },
        { name: 'PermissionsManageUsers', label: 'Manage Users', type: 'boolean' },
        { name: 'PermissionsCustomizeApplication', label: 'Customize Application', type: 'boolean' },
        { name: 'PermissionsAuthorApex', label: 'Author Apex', type: 'boolean' }
    ])
];

/** A custom Contact field's mirror on Person Accounts: `Foo__c` on Contact is `Foo__pc` on Account. */
export function personAccountFieldName(contactCustomField: string): string {
    return contactCustomField.replace(/__c$/, '__pc');
}

/** The Contact field a Person Account `__pc` field mirrors, or undefined for any other field. */
export function mirroredContactField(accountField: string): string | undefined {
    return accountField.endsWith('__pc') ? accountField.replace(/__pc$/, '__c') : undefined;
}

/** Whether a field is custom (`__c`, or a Person Account `__pc` mirror): only an explicit grant opens it. */
export function isCustomField(fieldName: string): boolean {
    return /__p?c$/.test(fieldName);
}

/** The standard objects plus the custom fields declared in source, and the `__pc` mirrors of Contact's on Account. */
export function withCustomFields(
    objects: readonly ObjectDefinition[],
    customFields: ReadonlyMap<string, readonly FieldDefinition[]>
): ObjectDefinition[] {
    const contactFields = customFields.get('Contact') ?? [];
    return objects.map((object) => {
        const added = [...(customFields.get(object.name) ?? [])];
        if (object.name === 'Account')
            added.push(...contactFields.map((field) => ({ ...field, name: personAccountFieldName(field.name) })));
        return objectDefinition(object.name, object.label, object.keyPrefix, [...object.fields.values(), ...added]);
    });
}

export class SchemaRegistry {
    private readonly byName = new Map<string, ObjectDefinition>();
    private readonly byPrefix = new Map<string, ObjectDefinition>();

    constructor(objects: readonly ObjectDefinition[]) {
        for (const object of objects) {
            this.byName.set(object.name, object);
            this.byPrefix.set(object.keyPrefix, object);
        }
    }

    object(name: string): ObjectDefinition | undefined {
        return this.byName.get(name);
    }

    objectOfId(recordId: string): ObjectDefinition | undefined {
        return this.byPrefix.get(recordId.slice(0, 3));
    }

    field(objectName: string, fieldName: string): FieldDefinition | undefined {
        return this.byName.get(objectName)?.fields.get(fieldName);
    }
}
