import path from 'node:path';
import { METADATA_NAMESPACE, writeMetadataXml } from './sourceXmlWriter';

/** What Setup > Named Credentials saves for a legacy, password-authenticated Named Principal credential. */
export interface LegacyNamedCredentialSource {
    readonly name: string;
    readonly label: string;
    readonly endpoint: string;
    readonly generateAuthorizationHeader: boolean;
    readonly allowMergeFieldsInHeader: boolean;
    readonly allowMergeFieldsInBody: boolean;
}

/**
 * Writes `namedCredentials/<Name>.namedCredential-meta.xml`. Username and password are left out on
 * purpose: the principal belongs to the org's credential store, never to source (platform.md §1.6).
 */
export function writeLegacyNamedCredential(packageDefaultDir: string, credential: LegacyNamedCredentialSource): string {
    const file = path.join(packageDefaultDir, 'namedCredentials', `${credential.name}.namedCredential-meta.xml`);
    writeMetadataXml(file, 'NamedCredential', {
        '@xmlns': METADATA_NAMESPACE,
        allowMergeFieldsInBody: credential.allowMergeFieldsInBody,
        allowMergeFieldsInHeader: credential.allowMergeFieldsInHeader,
        endpoint: credential.endpoint,
        generateAuthorizationHeader: credential.generateAuthorizationHeader,
        label: credential.label,
        principalType: 'NamedUser',
        protocol: 'Password'
    });
    return file;
}
