import path from 'node:path';
import type { CustomMetadataValue } from '../../../force-app/server/platform/context';
import { XSD_TYPE_OF_FIELD, type CustomMetadataType } from './customMetadata';
import { METADATA_NAMESPACE, writeMetadataXml } from './sourceXmlWriter';

export interface CustomMetadataRecordSource {
    readonly developerName: string;
    readonly label: string;
    /** By field API name; null (or a field left out) is written as `xsi:nil`. */
    readonly values: Readonly<Record<string, CustomMetadataValue>>;
}

/** `customMetadata/<Type>.<Record>.md-meta.xml`: the file the loader reads the record from. */
export function customMetadataRecordFile(
    packageDefaultDir: string,
    type: CustomMetadataType,
    developerName: string
): string {
    return path.join(
        packageDefaultDir,
        'customMetadata',
        `${type.apiName.replace(/__mdt$/, '')}.${developerName}.md-meta.xml`
    );
}

/** Writes a record in SFDX source format, one `<values>` per field of the type with the `xsi:type` its field type needs. */
export function writeCustomMetadataRecord(
    packageDefaultDir: string,
    type: CustomMetadataType,
    record: CustomMetadataRecordSource
): string {
    const values = [...type.fields.values()]
        .sort((a, b) => a.apiName.localeCompare(b.apiName))
        .map((field) => {
            const value = record.values[field.apiName] ?? null;
            return {
                field: field.apiName,
                value:
                    value === null
                        ? { '@xsi:nil': 'true' }
                        : { '@xsi:type': XSD_TYPE_OF_FIELD[field.type], '#text': String(value) }
            };
        });
    const file = customMetadataRecordFile(packageDefaultDir, type, record.developerName);
    writeMetadataXml(file, 'CustomMetadata', {
        '@xmlns': METADATA_NAMESPACE,
        '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        '@xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
        label: record.label,
        protected: false,
        values
    });
    return file;
}
