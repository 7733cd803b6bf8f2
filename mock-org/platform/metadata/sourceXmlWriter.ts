import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLBuilder } from 'fast-xml-parser';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    format: true,
    indentBy: '    ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false
});

/**
 * Writes a source-format metadata file (`<?xml …?>` then the root element), through a temporary
 * file and a rename, so the org's loader never reads a half-written file.
 */
export function writeMetadataXml(file: string, rootElement: string, content: Record<string, unknown>): void {
    const xml = builder.build({
        '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
        [rootElement]: content
    }) as string;
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, xml.endsWith('\n') ? xml : `${xml}\n`);
    renameSync(temporary, file);
}
