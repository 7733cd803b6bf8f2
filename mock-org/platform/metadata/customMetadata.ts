import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type {
    CustomMetadata,
    CustomMetadataRecord,
    CustomMetadataValue
} from '../../../force-app/server/platform/context';
import { MetadataSourceError, arrayOf, readMetadataXml, textOf } from './sourceXml';

/** getInstance / getAll return only the first 255 characters of long text fields. */
export const CUSTOM_METADATA_TEXT_LIMIT = 255;

type CustomMetadataFieldType =
    | 'Text'
    | 'TextArea'
    | 'LongTextArea'
    | 'Checkbox'
    | 'Picklist'
    | 'Number'
    | 'Percent'
    | 'Email'
    | 'Phone'
    | 'Url'
    | 'Date'
    | 'DateTime';

export interface CustomMetadataField {
    readonly apiName: string;
    readonly label: string;
    readonly type: CustomMetadataFieldType;
    readonly picklistValues: readonly string[];
}

export interface CustomMetadataType {
    readonly apiName: string;
    readonly label: string;
    readonly fields: ReadonlyMap<string, CustomMetadataField>;
}

export const XSD_TYPE_OF_FIELD: Record<CustomMetadataFieldType, string> = {
    Text: 'xsd:string',
    TextArea: 'xsd:string',
    LongTextArea: 'xsd:string',
    Email: 'xsd:string',
    Phone: 'xsd:string',
    Url: 'xsd:string',
    Picklist: 'xsd:string',
    Checkbox: 'xsd:boolean',
    Number: 'xsd:double',
    Percent: 'xsd:double',
    Date: 'xsd:date',
    DateTime: 'xsd:dateTime'
};

function loadType(objectsDir: string, apiName: string): CustomMetadataType {
    const typeDir = path.join(objectsDir, apiName);
    const typeFile = path.join(typeDir, `${apiName}.object-meta.xml`);
    const root = readMetadataXml(typeFile, 'CustomObject');
    const fields = new Map<string, CustomMetadataField>();
    const fieldsDir = path.join(typeDir, 'fields');
    for (const fileName of existsSync(fieldsDir) ? readdirSync(fieldsDir).sort() : []) {
        if (!fileName.endsWith('.field-meta.xml')) continue;
        const file = path.join(fieldsDir, fileName);
        const field = readMetadataXml(file, 'CustomField');
        const fieldApiName = textOf(field, 'fullName') ?? fileName.replace('.field-meta.xml', '');
        const type = textOf(field, 'type');
        if (!type || !(type in XSD_TYPE_OF_FIELD)) {
            throw new MetadataSourceError(file, `unsupported custom metadata field type "${type ?? ''}"`);
        }
        const valueSet = field['valueSet'] as Record<string, unknown> | undefined;
        const definition = valueSet?.['valueSetDefinition'] as Record<string, unknown> | undefined;
        const picklistValues = definition
            ? arrayOf(definition, 'value').map((value) => textOf(value, 'fullName') ?? '')
            : [];
        fields.set(fieldApiName, {
            apiName: fieldApiName,
            label: textOf(field, 'label') ?? fieldApiName,
            type: type as CustomMetadataFieldType,
            picklistValues
        });
    }
    return { apiName, label: textOf(root, 'label') ?? apiName, fields };
}

function parseValue(
    file: string,
    field: CustomMetadataField,
    valueElement: Record<string, unknown> | undefined
): CustomMetadataValue {
    if (valueElement === undefined || valueElement['@xsi:nil'] === 'true') return null;
    const declaredType = valueElement['@xsi:type'];
    const expectedType = XSD_TYPE_OF_FIELD[field.type];
    if (declaredType !== expectedType) {
        throw new MetadataSourceError(
            file,
            `field ${field.apiName} is ${field.type}, so its value needs xsi:type="${expectedType}", found "${String(declaredType)}"`
        );
    }
    const text = textOf(valueElement, '#text') ?? '';
    switch (field.type) {
        case 'Checkbox':
            if (text !== 'true' && text !== 'false')
                throw new MetadataSourceError(file, `field ${field.apiName} must be true or false, found "${text}"`);
            return text === 'true';
        case 'Number':
        case 'Percent': {
            const number = Number(text);
            if (text === '' || Number.isNaN(number))
                throw new MetadataSourceError(file, `field ${field.apiName} must be a number, found "${text}"`);
            return number;
        }
        case 'Picklist':
            if (!field.picklistValues.includes(text)) {
                throw new MetadataSourceError(
                    file,
                    `field ${field.apiName} must be one of ${field.picklistValues.map((v) => `"${v}"`).join(', ')}, found "${text}"`
                );
            }
            return text;
        default:
            return text;
    }
}

function loadRecord(file: string, type: CustomMetadataType, developerName: string): CustomMetadataRecord {
    const root = readMetadataXml(file, 'CustomMetadata');
    const values: Record<string, CustomMetadataValue> = {};
    for (const field of type.fields.values()) values[field.apiName] = null;
    for (const entry of arrayOf(root, 'values')) {
        const fieldName = textOf(entry, 'field');
        const field = fieldName ? type.fields.get(fieldName) : undefined;
        if (!fieldName || !field)
            throw new MetadataSourceError(file, `unknown field "${fieldName ?? ''}" for ${type.apiName}`);
        const valueElement = arrayOf(entry, 'value')[0];
        values[fieldName] = parseValue(file, field, valueElement);
    }
    return { DeveloperName: developerName, MasterLabel: textOf(root, 'label') ?? developerName, values };
}

function truncateLongText(record: CustomMetadataRecord): CustomMetadataRecord {
    const values: Record<string, CustomMetadataValue> = {};
    for (const [name, value] of Object.entries(record.values)) {
        values[name] = typeof value === 'string' ? value.slice(0, CUSTOM_METADATA_TEXT_LIMIT) : value;
    }
    return { ...record, values };
}

/** Custom metadata types and records of a source-format package directory. */
export class CustomMetadataRepository implements CustomMetadata {
    private readonly types = new Map<string, CustomMetadataType>();
    private readonly records = new Map<string, Map<string, CustomMetadataRecord>>();

    constructor(private readonly packageDefaultDir: string) {
        this.reload();
    }

    /** Re-reads every type and record from source, so a saved record is seen by the next transaction. */
    reload(): void {
        this.types.clear();
        this.records.clear();
        const objectsDir = path.join(this.packageDefaultDir, 'objects');
        for (const entry of existsSync(objectsDir) ? readdirSync(objectsDir) : []) {
            if (entry.endsWith('__mdt')) this.types.set(entry, loadType(objectsDir, entry));
        }
        const recordsDir = path.join(this.packageDefaultDir, 'customMetadata');
        for (const fileName of existsSync(recordsDir) ? readdirSync(recordsDir).sort() : []) {
            const match = /^(\w+)\.(\w+)\.md-meta\.xml$/.exec(fileName);
            const file = path.join(recordsDir, fileName);
            if (!match) throw new MetadataSourceError(file, 'expected a file named <Type>.<RecordName>.md-meta.xml');
            const [, typeName, developerName] = match as unknown as [string, string, string];
            const type = this.types.get(`${typeName}__mdt`);
            if (!type) throw new MetadataSourceError(file, `no custom metadata type ${typeName}__mdt in objects/`);
            const byName = this.records.get(type.apiName) ?? new Map<string, CustomMetadataRecord>();
            byName.set(developerName, loadRecord(file, type, developerName));
            this.records.set(type.apiName, byName);
        }
    }

    getType(typeApiName: string): CustomMetadataType | undefined {
        return this.types.get(typeApiName);
    }

    getInstance(typeApiName: string, developerName: string): CustomMetadataRecord | null {
        const record = this.records.get(typeApiName)?.get(developerName);
        return record ? truncateLongText(record) : null;
    }

    getAll(typeApiName: string): ReadonlyMap<string, CustomMetadataRecord> {
        const all = new Map<string, CustomMetadataRecord>();
        for (const [name, record] of this.records.get(typeApiName) ?? []) all.set(name, truncateLongText(record));
        return all;
    }
}
