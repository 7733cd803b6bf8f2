import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { MetadataSourceError, arrayOf, readMetadataXml, textOf } from './sourceXml';

export interface ExternalCredentialDefinition {
    readonly name: string;
    /** Basic (static username and password) or no authentication; other protocols are not emulated. */
    readonly authentication: 'password' | 'none';
    /** Named principals, first by sequence number; permission sets grant access to `<ExternalCredential>-<Principal>`. */
    readonly namedPrincipals: readonly string[];
}

const AUTHENTICATION_OF_PROTOCOL: Readonly<Record<string, ExternalCredentialDefinition['authentication']>> = {
    Basic: 'password',
    NoAuthentication: 'none'
};

function loadExternalCredential(file: string, name: string): ExternalCredentialDefinition {
    const root = readMetadataXml(file, 'ExternalCredential');
    const protocol = textOf(root, 'authenticationProtocol') ?? '';
    const authentication = AUTHENTICATION_OF_PROTOCOL[protocol];
    if (!authentication)
        throw new MetadataSourceError(
            file,
            `authenticationProtocol "${protocol}" is not emulated (Basic and NoAuthentication are)`
        );
    const namedPrincipals = arrayOf(root, 'externalCredentialParameters')
        .filter((parameter) => textOf(parameter, 'parameterType') === 'NamedPrincipal')
        .map((parameter) => ({
            name: textOf(parameter, 'parameterName') ?? '',
            sequence: Number(textOf(parameter, 'sequenceNumber') ?? 0)
        }))
        .sort((a, b) => a.sequence - b.sequence)
        .map((parameter) => parameter.name);
    if (authentication === 'password' && namedPrincipals.length === 0)
        throw new MetadataSourceError(file, 'Basic authentication needs a NamedPrincipal parameter');
    return { name, authentication, namedPrincipals };
}

/** Loads every `externalCredentials/*.externalCredential-meta.xml` of a package directory. */
export function loadExternalCredentials(packageDefaultDir: string): Map<string, ExternalCredentialDefinition> {
    const dir = path.join(packageDefaultDir, 'externalCredentials');
    const credentials = new Map<string, ExternalCredentialDefinition>();
    for (const fileName of existsSync(dir) ? readdirSync(dir).sort() : []) {
        const match = /^(\w+)\.externalCredential-meta\.xml$/.exec(fileName);
        if (match?.[1]) credentials.set(match[1], loadExternalCredential(path.join(dir, fileName), match[1]));
    }
    return credentials;
}
