import { XMLBuilder, XMLParser } from 'fast-xml-parser';

// preserveOrder keeps element order, attributes and entities exactly, so the file round-trips.
const XML_OPTIONS = {
    preserveOrder: true,
    ignoreAttributes: false,
    processEntities: false,
    parseTagValue: false,
    trimValues: true
} as const;

type OrderedNode = Record<string, OrderedNode[] | string>;

/**
 * Removes the `classAccesses` entries naming Apex classes that are not in `availableClasses`:
 * the Metadata API rejects a permission set that grants a class the deployment does not contain.
 */
export function dropMissingClassAccesses(
    permissionSetXml: string,
    availableClasses: ReadonlySet<string>
): { xml: string; droppedClasses: string[] } {
    const document = new XMLParser(XML_OPTIONS).parse(permissionSetXml) as OrderedNode[];
    const permissionSet = document.find((node) => 'PermissionSet' in node);
    const entries = permissionSet?.PermissionSet;
    if (!permissionSet || !Array.isArray(entries)) return { xml: permissionSetXml, droppedClasses: [] };

    const droppedClasses: string[] = [];
    permissionSet.PermissionSet = entries.filter((entry) => {
        const apexClass = classAccessName(entry);
        if (apexClass === undefined || availableClasses.has(apexClass)) return true;
        droppedClasses.push(apexClass);
        return false;
    });
    if (droppedClasses.length === 0) return { xml: permissionSetXml, droppedClasses };
    const xml = new XMLBuilder({ ...XML_OPTIONS, format: true, indentBy: '    ' }).build(document) as string;
    return { xml: `${xml.trimEnd()}\n`, droppedClasses };
}

function classAccessName(entry: OrderedNode): string | undefined {
    const children = entry.classAccesses;
    if (!Array.isArray(children)) return undefined;
    const apexClass = children.find((child) => 'apexClass' in child)?.apexClass;
    const text = Array.isArray(apexClass) ? apexClass[0]?.['#text'] : undefined;
    return typeof text === 'string' ? text : undefined;
}
