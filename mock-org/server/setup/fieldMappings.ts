import type { FieldType } from '../../../force-app/server/platform/context';
import { personAccountFieldName } from '../../../force-app/server/services/clientRecord';
import { SETTING_LABELS, type SettingField } from '../../../force-app/server/settings/connectorSettings';
import type { SchemaRegistry } from '../../platform/records/schema';

interface MappedField {
    readonly setting: SettingField;
    readonly on: 'User' | 'client';
    readonly types: readonly FieldType[];
    readonly kind: string;
}

/** Settings that name a field, where that field lives and which field types can hold the value. */
export const MAPPED_FIELDS: readonly MappedField[] = [
    { setting: 'Staff_ID_Field_API_Name__c', on: 'User', types: ['string', 'email'], kind: 'a text or email field' },
    {
        setting: 'Client_Email_API_Field_Name__c',
        on: 'client',
        types: ['email', 'string'],
        kind: 'an email or text field'
    },
    { setting: 'Client_First_Name_Field_API_Name__c', on: 'client', types: ['string'], kind: 'a text field' },
    { setting: 'Client_Last_Name_Field_API_Name__c', on: 'client', types: ['string'], kind: 'a text field' },
    {
        setting: 'Client_Invitation_Phone_No_Field_Api_Name__c',
        on: 'client',
        types: ['phone', 'string'],
        kind: 'a phone or text field'
    }
];

/** The client objects: Contact, and Person Account, which carries Contact fields under its own names. */
const CLIENT_OBJECTS = [
    { object: 'Contact', label: 'Contact', fieldName: (field: string) => field },
    { object: 'Account', label: 'Person Account', fieldName: personAccountFieldName }
] as const;

function targetsOf(mapping: MappedField, field: string): { object: string; label: string; field: string }[] {
    if (mapping.on === 'User') return [{ object: 'User', label: 'User', field }];
    return CLIENT_OBJECTS.map((client) => ({
        object: client.object,
        label: client.label,
        field: client.fieldName(field)
    }));
}

/**
 * Why each mapped field is unusable: it does not exist on its object (or on Person Account, under its
 * Person Account name) or its type cannot hold the value. Settings without a value are left to the
 * settings parser, which knows which are required.
 */
export function fieldMappingProblems(
    schema: SchemaRegistry,
    values: Readonly<Record<string, unknown>>
): Map<SettingField, string> {
    const problems = new Map<SettingField, string>();
    for (const mapping of MAPPED_FIELDS) {
        const configured = values[mapping.setting];
        if (typeof configured !== 'string' || configured.trim() === '') continue;
        for (const target of targetsOf(mapping, configured.trim())) {
            const field = schema.field(target.object, target.field);
            const problem = !field
                ? `names ${target.field}, which does not exist on ${target.label}.`
                : mapping.types.includes(field.type)
                  ? undefined
                  : `names ${target.label}.${target.field}, of type ${field.type}; it must be ${mapping.kind}.`;
            if (problem) {
                problems.set(mapping.setting, `${SETTING_LABELS[mapping.setting]} ${problem}`);
                break;
            }
        }
    }
    return problems;
}
