import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadExternalCredentials, type ExternalCredentialDefinition } from './externalCredentials';
import { MetadataSourceError, arrayOf, booleanOf, readMetadataXml, textOf } from './sourceXml';

export interface NamedCredentialDefinition {
    readonly name: string;
    readonly label: string;
    readonly endpoint: string;
    /** Legacy Password protocol, or an external credential with Basic authentication. */
    readonly authentication: 'password' | 'none';
    readonly generateAuthorizationHeader: boolean;
    readonly allowMergeFieldsInHeader: boolean;
    readonly allowMergeFieldsInBody: boolean;
    /** The external credential whose principal holds the secret (new model), if any. */
    readonly externalCredential: string | null;
    /** Its named principals as `<ExternalCredential>-<Principal>`, lowest sequence number first; permission sets grant them. */
    readonly externalCredentialPrincipals: readonly string[];
}

function parameterValue(
    parameters: Record<string, unknown>[],
    type: string,
    field: 'parameterValue' | 'externalCredential'
): string | undefined {
    const parameter = parameters.find((candidate) => textOf(candidate, 'parameterType') === type);
    return parameter ? textOf(parameter, field) : undefined;
}

function loadNamedCredential(
    file: string,
    name: string,
    externalCredentials: ReadonlyMap<string, ExternalCredentialDefinition>
): NamedCredentialDefinition {
    const root = readMetadataXml(file, 'NamedCredential');
    const common = {
        name,
        label: textOf(root, 'label') ?? name,
        generateAuthorizationHeader: booleanOf(file, root, 'generateAuthorizationHeader', true),
        allowMergeFieldsInHeader: booleanOf(file, root, 'allowMergeFieldsInHeader', false),
        allowMergeFieldsInBody: booleanOf(file, root, 'allowMergeFieldsInBody', false)
    };
    const type = textOf(root, 'namedCredentialType') ?? 'Legacy';
    if (type === 'Legacy') {
        const endpoint = textOf(root, 'endpoint');
        if (!endpoint) throw new MetadataSourceError(file, 'a legacy named credential needs an <endpoint>');
        const protocol = textOf(root, 'protocol') ?? 'NoAuthentication';
        if (protocol !== 'Password' && protocol !== 'NoAuthentication') {
            throw new MetadataSourceError(
                file,
                `protocol ${protocol} is not emulated (Password and NoAuthentication are)`
            );
        }
        return {
            ...common,
            endpoint,
            authentication: protocol === 'Password' ? 'password' : 'none',
            externalCredential: null,
            externalCredentialPrincipals: []
        };
    }
    const parameters = arrayOf(root, 'namedCredentialParameters');
    const endpoint = parameterValue(parameters, 'Url', 'parameterValue');
    if (!endpoint) throw new MetadataSourceError(file, 'a named credential needs a Url parameter');
    const externalName = parameterValue(parameters, 'Authentication', 'externalCredential');
    if (!externalName)
        return {
            ...common,
            endpoint,
            authentication: 'none',
            externalCredential: null,
            externalCredentialPrincipals: []
        };
    const external = externalCredentials.get(externalName);
    if (!external)
        throw new MetadataSourceError(
            file,
            `external credential ${externalName} has no externalCredentials/${externalName}.externalCredential-meta.xml`
        );
    return {
        ...common,
        endpoint,
        authentication: external.authentication,
        externalCredential: externalName,
        externalCredentialPrincipals: external.namedPrincipals.map((principal) => `${externalName}-${principal}`)
    };
}

/** Loads every `namedCredentials/*.namedCredential-meta.xml` of a package directory, with the external credentials they use. */
export function loadNamedCredentials(packageDefaultDir: string): Map<string, NamedCredentialDefinition> {
    const dir = path.join(packageDefaultDir, 'namedCredentials');
    const credentials = new Map<string, NamedCredentialDefinition>();
    const externalCredentials = loadExternalCredentials(packageDefaultDir);
    for (const fileName of existsSync(dir) ? readdirSync(dir).sort() : []) {
        const match = /^(\w+)\.namedCredential-meta\.xml$/.exec(fileName);
        if (!match?.[1]) continue;
        credentials.set(match[1], loadNamedCredential(path.join(dir, fileName), match[1], externalCredentials));
    }
    return credentials;
}
