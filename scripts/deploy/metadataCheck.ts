import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MetadataComponent } from './connectorComponents';
import { listPackageFiles, lwcBundleOf } from './files';
import { readSfdxProject } from './sfdxProject';

export interface MetadataCheckResult {
    problems: string[];
    xmlFileCount: number;
    /** The components of the converted package.xml, in its order. */
    packageComponents: MetadataComponent[];
    apiVersion: string;
}

/**
 * Checks that the SFDX project in `projectDir` (the deploy build's output) is what an org would
 * accept: every XML file well-formed (source-deploy-retrieve does not check this), each LWC bundle
 * with its `.js` and `.js-meta.xml`, every custom component a FlexiPage places present as a bundle,
 * and a conversion to Metadata API format whose package.xml holds `expected` plus every bundle.
 */
export async function checkMetadata(projectDir: string, expected: readonly MetadataComponent[]): Promise<MetadataCheckResult> {
    const { packageDirectories, sourceApiVersion } = readSfdxProject(projectDir);
    const files = listPackageFiles(projectDir, packageDirectories);
    const read = (file: string): string => readFileSync(join(projectDir, file), 'utf8');
    const xmlFiles = files.filter((file) => file.endsWith('.xml'));
    const bundleNames = bundlesIn(files);

    const problems = [
        ...xmlFiles.flatMap((file) => xmlProblems(file, read(file))),
        ...[...bundleNames.entries()].flatMap(([name, root]) => bundleProblems(name, root, files)),
        ...files
            .filter((file) => file.endsWith('.flexipage-meta.xml'))
            .flatMap((file) => flexiPageProblems(file, read(file), bundleNames))
    ];
    const converted = await convertToMetadataFormat(projectDir, packageDirectories, sourceApiVersion);
    if ('error' in converted) {
        problems.push(converted.error);
        return { problems, xmlFileCount: xmlFiles.length, packageComponents: [], apiVersion: sourceApiVersion ?? '' };
    }
    const listed = new Set(converted.components.map(componentKey));
    const required = [...expected, ...[...bundleNames.keys()].map((name) => ({ type: 'LightningComponentBundle', fullName: name }))];
    for (const component of required) {
        if (!listed.has(componentKey(component))) problems.push(`package.xml: lacks ${component.type} ${component.fullName}`);
    }
    return { problems, xmlFileCount: xmlFiles.length, packageComponents: converted.components, apiVersion: converted.apiVersion };
}

const componentKey = ({ type, fullName }: MetadataComponent): string => `${type}:${fullName}`;

/** LWC bundle name → bundle folder, for every bundle among `files`. */
function bundlesIn(files: readonly string[]): Map<string, string> {
    const bundles = new Map<string, string>();
    for (const file of files) {
        const bundle = lwcBundleOf(file);
        if (bundle) bundles.set(bundle.name, bundle.root);
    }
    return bundles;
}

function xmlProblems(file: string, xml: string): string[] {
    const validation = XMLValidator.validate(xml);
    if (validation === true) return [];
    const { msg, line, col } = validation.err;
    return [`${file}: malformed XML at line ${line}, column ${col}: ${msg}`];
}

function bundleProblems(name: string, root: string, files: readonly string[]): string[] {
    return [`${name}.js`, `${name}.js-meta.xml`]
        .filter((entry) => !files.includes(`${root}/${entry}`))
        .map((entry) => `${root}: LWC bundle lacks ${entry}`);
}

/** Components a FlexiPage places without a namespace (or with `c:`) must be LWC bundles of the package. */
function flexiPageProblems(file: string, xml: string, bundleNames: ReadonlyMap<string, string>): string[] {
    return [...xml.matchAll(/<componentName>\s*([^<\s]+)\s*<\/componentName>/g)]
        .map(([, componentName]) => componentName ?? '')
        .filter((componentName) => !componentName.includes(':') || componentName.startsWith('c:'))
        .map((componentName) => componentName.replace(/^c:/, ''))
        .filter((bundle) => !bundleNames.has(bundle))
        .map((bundle) => `${file}: places component ${bundle}, which is no LWC bundle in the output`);
}

async function convertToMetadataFormat(
    projectDir: string,
    packageDirectories: readonly string[],
    sourceApiVersion: string | undefined
): Promise<{ components: MetadataComponent[]; apiVersion: string } | { error: string }> {
    const outputDirectory = mkdtempSync(join(tmpdir(), 'qwil-mdapi-'));
    try {
        const componentSet = ComponentSet.fromSource(packageDirectories.map((directory) => join(projectDir, directory)));
        if (sourceApiVersion) componentSet.sourceApiVersion = sourceApiVersion;
        await new MetadataConverter().convert(componentSet, 'metadata', { type: 'directory', outputDirectory, genUniqueDir: false });
        return parsePackageXml(readFileSync(join(outputDirectory, 'package.xml'), 'utf8'));
    } catch (error) {
        return { error: `metadata conversion failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
        rmSync(outputDirectory, { recursive: true, force: true });
    }
}

const packageXmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'types' || name === 'members' });

function parsePackageXml(xml: string): { components: MetadataComponent[]; apiVersion: string } {
    const manifest = packageXmlParser.parse(xml) as {
        Package: { types?: { name: string; members?: string[] }[]; version: string };
    };
    const components = (manifest.Package.types ?? []).flatMap(({ name, members }) =>
        (members ?? []).map((fullName) => ({ type: name, fullName }))
    );
    return { components, apiVersion: manifest.Package.version };
}
