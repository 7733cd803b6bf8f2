import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class MetadataSourceError extends Error {
    override readonly name = 'MetadataSourceError';
    constructor(
        readonly file: string,
        detail: string
    ) {
        super(`${file}: ${detail}`);
    }
}

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    isArray: (tagName) => REPEATED_ELEMENTS.has(tagName)
});

/** Elements that may repeat in the metadata files the mock org reads; always parsed as arrays. */
const REPEATED_ELEMENTS = new Set([
    'values',
    'value',
    'classAccesses',
    'customMetadataTypeAccesses',
    'objectPermissions',
    'fieldPermissions',
    'userPermissions',
    'namedCredentialParameters',
    'externalCredentialParameters',
    'externalCredentialPrincipalAccesses'
]);

/** Reads a source-format metadata file and returns its root element's content. */
export function readMetadataXml(file: string, rootElement: string): Record<string, unknown> {
    const text = readFileSync(file, 'utf8');
    const validation = XMLValidator.validate(text);
    if (validation !== true) {
        throw new MetadataSourceError(file, `malformed XML at line ${validation.err.line}: ${validation.err.msg}`);
    }
    const document = parser.parse(text) as Record<string, unknown>;
    const root = document[rootElement];
    if (root === undefined || root === null || typeof root !== 'object') {
        throw new MetadataSourceError(file, `expected a <${rootElement}> root element`);
    }
    return root as Record<string, unknown>;
}

/** A child element's text, or undefined when absent. */
export function textOf(element: Record<string, unknown>, name: string): string | undefined {
    const value = element[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null && '#text' in value)
        return String((value as { '#text': unknown })['#text']);
    return undefined;
}

export function booleanOf(file: string, element: Record<string, unknown>, name: string, fallback: boolean): boolean {
    const text = textOf(element, name);
    if (text === undefined) return fallback;
    if (text === 'true') return true;
    if (text === 'false') return false;
    throw new MetadataSourceError(file, `<${name}> must be true or false, found "${text}"`);
}

export function arrayOf(element: Record<string, unknown>, name: string): Record<string, unknown>[] {
    const value = element[name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}
