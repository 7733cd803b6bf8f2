import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
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
}

function parameterValue(parameters: Record<string, unknown>[], type: string, field: 'parameterValue' | 'externalCredential'): string | undefined {
    const parameter = parameters.find((candidate) => textOf(candidate, 'parameterType') === type);
    return parameter ? textOf(parameter, field) : undefined;
}

function loadNamedCredential(file: string, name: string): NamedCredentialDefinition {
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
            throw new MetadataSourceError(file, `protocol ${protocol} is not emulated (Password and NoAuthentication are)`);
        }
        return { ...common, endpoint, authentication: protocol === 'Password' ? 'password' : 'none', externalCredential: null };
    }
    const parameters = arrayOf(root, 'namedCredentialParameters');
    const endpoint = parameterValue(parameters, 'Url', 'parameterValue');
    if (!endpoint) throw new MetadataSourceError(file, 'a named credential needs a Url parameter');
    const externalCredential = parameterValue(parameters, 'Authentication', 'externalCredential') ?? null;
    return { ...common, endpoint, authentication: externalCredential ? 'password' : 'none', externalCredential };
}

/** Loads every `namedCredentials/*.namedCredential-meta.xml` of a package directory. */
export function loadNamedCredentials(packageDefaultDir: string): Map<string, NamedCredentialDefinition> {
    const dir = path.join(packageDefaultDir, 'namedCredentials');
    const credentials = new Map<string, NamedCredentialDefinition>();
    for (const fileName of existsSync(dir) ? readdirSync(dir).sort() : []) {
        const match = /^(\w+)\.namedCredential-meta\.xml$/.exec(fileName);
        if (!match?.[1]) continue;
        credentials.set(match[1], loadNamedCredential(path.join(dir, fileName), match[1]));
    }
    return credentials;
}
