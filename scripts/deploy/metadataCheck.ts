import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MetadataComponent } from './connectorComponents';
import { customMetadataRecordProblems } from './customMetadataRecords';
import { listPackageFiles, lwcBundleOf } from './files';
import { flexiPagePlacementProblems } from './flexiPagePlacements';
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
 * with its `.js` and `.js-meta.xml`, every own component a record page places present as a bundle
 * exposed to that page, custom metadata records that fit their type's fields, no named credential
 * carrying a password, JSON static resources that parse, and a conversion to Metadata API format
 * whose package.xml lists `expected`, every bundle and every Apex class.
 */
export async function checkMetadata(
    projectDir: string,
    expected: readonly MetadataComponent[]
): Promise<MetadataCheckResult> {
    const { packageDirectories, sourceApiVersion } = readSfdxProject(projectDir);
    const files = listPackageFiles(projectDir, packageDirectories);
    const xmlFiles = new Map(
        files
            .filter((file) => file.endsWith('.xml'))
            .map((file) => [file, readFileSync(join(projectDir, file), 'utf8')])
    );
    const malformedXml = new Map<string, string>();
    for (const [file, xml] of xmlFiles) {
        const problem = xmlProblem(file, xml);
        if (problem) malformedXml.set(file, problem);
    }
    const wellFormedXml = new Map([...xmlFiles].filter(([file]) => !malformedXml.has(file)));
    const bundles = bundlesIn(files);
    const problems = [...malformedXml.values(), ...sourceProblems(projectDir, files, xmlFiles, wellFormedXml, bundles)];
    const converted = await convertToMetadataFormat(projectDir, packageDirectories, sourceApiVersion);
    if ('error' in converted) {
        problems.push(converted.error);
        return { problems, xmlFileCount: xmlFiles.size, packageComponents: [], apiVersion: sourceApiVersion ?? '' };
    }
    const bundleComponents = [...bundles.keys()].map((name) => ({ type: 'LightningComponentBundle', fullName: name }));
    const classComponents = files
        .filter((file) => file.endsWith('.cls'))
        .map((file) => ({ type: 'ApexClass', fullName: posix.basename(file, '.cls') }));
    problems.push(
        ...missingFromPackageXml([...expected, ...bundleComponents, ...classComponents], converted.components)
    );
    return {
        problems,
        xmlFileCount: xmlFiles.size,
        packageComponents: converted.components,
        apiVersion: converted.apiVersion
    };
}

/** What an org would reject in the source itself, beyond malformed XML. */
function sourceProblems(
    projectDir: string,
    files: readonly string[],
    xmlFiles: ReadonlyMap<string, string>,
    wellFormedXml: ReadonlyMap<string, string>,
    bundles: ReadonlyMap<string, string>
): string[] {
    const bundleMeta = (name: string): string | undefined => {
        const root = bundles.get(name);
        return root === undefined ? undefined : xmlFiles.get(`${root}/${name}.js-meta.xml`);
    };
    const wellFormed = (suffix: string): [string, string][] =>
        [...wellFormedXml].filter(([file]) => file.endsWith(suffix));
    return [
        ...[...bundles].flatMap(([name, root]) => bundleProblems(name, root, files)),
        ...jsonStaticResourceProblems(files, projectDir),
        ...wellFormed('.flexipage-meta.xml').flatMap(([file, xml]) =>
            flexiPagePlacementProblems(file, xml, bundleMeta)
        ),
        ...customMetadataRecordProblems(wellFormedXml),
        ...wellFormed('.namedCredential-meta.xml')
            .filter(([, xml]) => /<password\b/.test(xml))
            .map(
                ([file]) =>
                    `${file}: holds a password; the secret belongs in the org's named credential, never in source`
            )
    ];
}

function jsonStaticResourceProblems(files: readonly string[], projectDir: string): string[] {
    return files
        .filter((file) => file.includes('/staticresources/') && file.endsWith('.json'))
        .flatMap((file) => {
            try {
                JSON.parse(readFileSync(join(projectDir, file), 'utf8'));
                return [];
            } catch (error) {
                return [`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`];
            }
        });
}

function xmlProblem(file: string, xml: string): string | undefined {
    const validation = XMLValidator.validate(xml);
    if (validation === true) return undefined;
    const { msg, line, col } = validation.err;
    return `${file}: malformed XML at line ${line}, column ${col}: ${msg}`;
}

/** LWC bundle name → bundle folder, for every bundle among `files`. */
function bundlesIn(files: readonly string[]): Map<string, string> {
    const bundles = new Map<string, string>();
    for (const file of files) {
        const bundle = lwcBundleOf(file);
        if (bundle) bundles.set(bundle.name, bundle.root);
    }
    return bundles;
}

function bundleProblems(name: string, root: string, files: readonly string[]): string[] {
    return [`${name}.js`, `${name}.js-meta.xml`]
        .filter((entry) => !files.includes(`${root}/${entry}`))
        .map((entry) => `${root}: LWC bundle lacks ${entry}`);
}

function missingFromPackageXml(required: readonly MetadataComponent[], listed: readonly MetadataComponent[]): string[] {
    const key = ({ type, fullName }: MetadataComponent): string => `${type}:${fullName}`;
    const listedKeys = new Set(listed.map(key));
    return required
        .filter((component) => !listedKeys.has(key(component)))
        .map(({ type, fullName }) => `package.xml: lacks ${type} ${fullName}`);
}

async function convertToMetadataFormat(
    projectDir: string,
    packageDirectories: readonly string[],
    sourceApiVersion: string | undefined
): Promise<{ components: MetadataComponent[]; apiVersion: string } | { error: string }> {
    const outputDirectory = mkdtempSync(join(tmpdir(), 'qwil-mdapi-'));
    try {
        const componentSet = ComponentSet.fromSource(
            packageDirectories.map((directory) => join(projectDir, directory))
        );
        if (sourceApiVersion) componentSet.sourceApiVersion = sourceApiVersion;
        await new MetadataConverter().convert(componentSet, 'metadata', {
            type: 'directory',
            outputDirectory,
            genUniqueDir: false
        });
        return parsePackageXml(readFileSync(join(outputDirectory, 'package.xml'), 'utf8'));
    } catch (error) {
        return { error: `metadata conversion failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
        rmSync(outputDirectory, { recursive: true, force: true });
    }
}

const packageXmlParser = new XMLParser({
    parseTagValue: false,
    isArray: (name) => name === 'types' || name === 'members'
});

function parsePackageXml(xml: string): { components: MetadataComponent[]; apiVersion: string } {
    const manifest = packageXmlParser.parse(xml) as {
        Package: { types?: { name: string; members?: string[] }[]; version: string };
    };
    const components = (manifest.Package.types ?? []).flatMap(({ name, members }) =>
        (members ?? []).map((fullName) => ({ type: name, fullName }))
    );
    return { components, apiVersion: manifest.Package.version };
}
