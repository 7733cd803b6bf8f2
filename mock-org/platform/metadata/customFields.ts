import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FieldType } from '../../../force-app/server/platform/context';
import type { FieldDefinition } from '../records/schema';
import { MetadataSourceError, readMetadataXml, textOf } from './sourceXml';

/** The describe type of each custom field type the mock org emulates. */
const DESCRIBE_TYPE: Readonly<Record<string, FieldType>> = {
    Text: 'string',
    TextArea: 'textarea',
    LongTextArea: 'textarea',
    Email: 'email',
    Phone: 'phone',
    Url: 'url',
    Picklist: 'picklist',
    Checkbox: 'boolean',
    Number: 'double',
    Percent: 'percent',
    Currency: 'currency',
    Date: 'date',
    DateTime: 'datetime',
    Lookup: 'reference'
};

/** Types whose `<length>` the platform enforces on save. */
const SIZED_TYPES = new Set(['Text', 'TextArea', 'LongTextArea']);
/** A plain Text Area is always 255 characters; it declares no `<length>`. */
const TEXT_AREA_LENGTH = 255;

function loadField(file: string, expectedName: string): FieldDefinition {
    const root = readMetadataXml(file, 'CustomField');
    const name = textOf(root, 'fullName') ?? expectedName;
    if (name !== expectedName) throw new MetadataSourceError(file, `<fullName> ${name} does not match the file name`);
    if (!name.endsWith('__c'))
        throw new MetadataSourceError(file, `a custom field's API name ends with __c, found ${name}`);
    const sourceType = textOf(root, 'type') ?? '';
    const type = DESCRIBE_TYPE[sourceType];
    if (!type)
        throw new MetadataSourceError(
            file,
            `field type "${sourceType}" is not emulated (${Object.keys(DESCRIBE_TYPE).join(', ')} are)`
        );
    const label = textOf(root, 'label');
    if (!label) throw new MetadataSourceError(file, 'a custom field needs a <label>');
    if (!SIZED_TYPES.has(sourceType)) return { name, label, type };
    const lengthText = textOf(root, 'length');
    const length = lengthText === undefined && sourceType === 'TextArea' ? TEXT_AREA_LENGTH : Number(lengthText);
    if (!Number.isInteger(length) || length < 1)
        throw new MetadataSourceError(file, `<length> must be a positive whole number, found "${lengthText ?? ''}"`);
    return { name, label, type, length };
}

/** The custom fields declared in source for each of the given objects (`objects/<Object>/fields/*.field-meta.xml`). */
export function loadCustomFields(
    packageDefaultDir: string,
    objectNames: readonly string[]
): Map<string, FieldDefinition[]> {
    const fieldsByObject = new Map<string, FieldDefinition[]>();
    for (const objectName of objectNames) {
        const dir = path.join(packageDefaultDir, 'objects', objectName, 'fields');
        const fields: FieldDefinition[] = [];
        for (const fileName of existsSync(dir) ? readdirSync(dir).sort() : []) {
            const match = /^(\w+)\.field-meta\.xml$/.exec(fileName);
            if (match?.[1]) fields.push(loadField(path.join(dir, fileName), match[1]));
        }
        fieldsByObject.set(objectName, fields);
    }
    return fieldsByObject;
}
