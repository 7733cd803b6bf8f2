import { posix } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => name === 'values' || name === 'value'
});

interface FieldXml {
    CustomField?: {
        type?: string;
        valueSet?: { restricted?: string; valueSetDefinition?: { value?: { fullName: string }[] } };
    };
}

type RecordValue = string | { '#text'?: string; '@_xsi:nil'?: string };

interface RecordXml {
    CustomMetadata?: { values?: { field: string; value?: RecordValue[] }[] };
}

const RECORD_FILE = /\/customMetadata\/(\w+)\.\w+\.md-meta\.xml$/;

/**
 * Problems an org would reject a custom metadata record for: a value for a field its type lacks,
 * a checkbox value other than true or false, or a value outside a restricted picklist.
 * `xmlFiles` maps project-relative paths of well-formed XML files to their text.
 */
export function customMetadataRecordProblems(xmlFiles: ReadonlyMap<string, string>): string[] {
    return [...xmlFiles].flatMap(([file, xml]) => {
        const typeName = RECORD_FILE.exec(file)?.[1];
        if (typeName === undefined) return [];
        const fieldsDir = `/objects/${typeName}__mdt/fields/`;
        const fields = new Map(
            [...xmlFiles]
                .filter(([path]) => path.includes(fieldsDir))
                .map(([path, fieldXml]) => [
                    posix.basename(path, '.field-meta.xml'),
                    parser.parse(fieldXml) as FieldXml
                ])
        );
        const values = (parser.parse(xml) as RecordXml).CustomMetadata?.values ?? [];
        return values.flatMap(({ field, value }) => {
            const problem = valueProblem(fields.get(field)?.CustomField, value?.[0]);
            return problem ? [`${file}: ${field} ${problem}`] : [];
        });
    });
}

function valueProblem(
    field: NonNullable<FieldXml['CustomField']> | undefined,
    value: RecordValue | undefined
): string | undefined {
    if (!field) return 'is no field of the custom metadata type';
    const text = typeof value === 'string' ? value : value?.['#text'];
    if (text === undefined) return undefined;
    if (field.type === 'Checkbox' && text !== 'true' && text !== 'false') return `is a checkbox, not '${text}'`;
    const picklist = field.valueSet;
    const allowed = picklist?.valueSetDefinition?.value?.map((entry) => entry.fullName) ?? [];
    if (picklist?.restricted === 'true' && !allowed.includes(text)) {
        return `'${text}' is not a value of its restricted picklist (${allowed.join(', ')})`;
    }
    return undefined;
}
