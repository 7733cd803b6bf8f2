import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../projectRoot';
import { metadataXml } from '../../../testing/probeOrg';
import { loadNamedCredentials } from '../namedCredentials';

// Rules from platform.md §1.1 and §1.5: both credential models load from source, never with a secret.
function fixture(name: string, xml: string, externalCredentials: Record<string, string> = {}): string {
    const root = mkdtempSync(path.join(tmpdir(), 'nc-'));
    mkdirSync(path.join(root, 'namedCredentials'));
    mkdirSync(path.join(root, 'externalCredentials'));
    writeFileSync(
        path.join(root, 'namedCredentials', `${name}.namedCredential-meta.xml`),
        metadataXml('NamedCredential', xml)
    );
    for (const [externalName, body] of Object.entries(externalCredentials)) {
        writeFileSync(
            path.join(root, 'externalCredentials', `${externalName}.externalCredential-meta.xml`),
            metadataXml('ExternalCredential', body)
        );
    }
    return root;
}

const MODERN =
    '<label>Modern</label><namedCredentialType>SecuredEndpoint</namedCredentialType><allowMergeFieldsInHeader>true</allowMergeFieldsInHeader>' +
    '<namedCredentialParameters><parameterName>Url</parameterName><parameterType>Url</parameterType><parameterValue>https://uk.qwil.io</parameterValue></namedCredentialParameters>' +
    '<namedCredentialParameters><externalCredential>Qwil_Auth</externalCredential><parameterName>ExternalCredential</parameterName><parameterType>Authentication</parameterType></namedCredentialParameters>';
const principal = (name: string, sequence: number) =>
    `<externalCredentialParameters><parameterGroup>${name}</parameterGroup><parameterName>${name}</parameterName><parameterType>NamedPrincipal</parameterType><sequenceNumber>${sequence}</sequenceNumber></externalCredentialParameters>`;

describe('named credentials loaded from source XML', () => {
    it('loads the connector credential as a legacy Named Principal with password authentication', () => {
        const credential = loadNamedCredentials(path.join(PROJECT_ROOT, 'force-app', 'main', 'default')).get(
            'Qwil_Messenger_Salesforce_Connector'
        );
        expect(credential).toEqual({
            name: 'Qwil_Messenger_Salesforce_Connector',
            label: 'Qwil Messenger Salesforce Connector',
            endpoint: 'https://eu.qwil.io',
            authentication: 'password',
            generateAuthorizationHeader: true,
            allowMergeFieldsInHeader: true,
            allowMergeFieldsInBody: false,
            externalCredential: null,
            externalCredentialPrincipals: []
        });
    });

    it('loads the optional chat-service credential once copied into the package: same URL, Master key in merge-field headers only', () => {
        const root = mkdtempSync(path.join(tmpdir(), 'nc-'));
        mkdirSync(path.join(root, 'namedCredentials'));
        const file = 'Qwil_Messenger_Chat_Service.namedCredential-meta.xml';
        copyFileSync(
            path.join(PROJECT_ROOT, 'force-app', 'optional', 'namedCredentials', file),
            path.join(root, 'namedCredentials', file)
        );
        const credential = loadNamedCredentials(root).get('Qwil_Messenger_Chat_Service');
        expect(credential).toEqual({
            name: 'Qwil_Messenger_Chat_Service',
            label: 'Qwil Messenger Chat Service',
            endpoint: loadNamedCredentials(path.join(PROJECT_ROOT, 'force-app', 'main', 'default')).get(
                'Qwil_Messenger_Salesforce_Connector'
            )?.endpoint,
            authentication: 'password',
            generateAuthorizationHeader: false,
            allowMergeFieldsInHeader: true,
            allowMergeFieldsInBody: false,
            externalCredential: null,
            externalCredentialPrincipals: []
        });
        expect(
            readFileSync(path.join(PROJECT_ROOT, 'force-app', 'optional', 'namedCredentials', file), 'utf8')
        ).not.toMatch(/<password\b|<username\b/);
    });

    it('loads the External Credential style: Url parameter, and the principals of its Basic external credential by sequence number', () => {
        const root = fixture('Modern', MODERN, {
            Qwil_Auth: `<label>Qwil Auth</label><authenticationProtocol>Basic</authenticationProtocol>${principal('Backup', 2)}${principal('Main', 1)}`
        });
        expect(loadNamedCredentials(root).get('Modern')).toMatchObject({
            endpoint: 'https://uk.qwil.io',
            externalCredential: 'Qwil_Auth',
            externalCredentialPrincipals: ['Qwil_Auth-Main', 'Qwil_Auth-Backup'],
            authentication: 'password',
            allowMergeFieldsInBody: false
        });
    });

    it('names the named credential file when its external credential is not in source', () => {
        expect(() => loadNamedCredentials(fixture('Modern', MODERN))).toThrow(
            /Modern\.namedCredential-meta\.xml: external credential Qwil_Auth has no externalCredentials\/Qwil_Auth/
        );
    });

    it('names the external credential file when its protocol is not emulated', () => {
        const root = fixture('Modern', MODERN, {
            Qwil_Auth: `<label>Qwil Auth</label><authenticationProtocol>Oauth</authenticationProtocol>${principal('Main', 1)}`
        });
        expect(() => loadNamedCredentials(root)).toThrow(
            /Qwil_Auth\.externalCredential-meta\.xml: authenticationProtocol "Oauth" is not emulated/
        );
    });

    it('defaults merge fields off, as the metadata API does', () => {
        const root = fixture(
            'Plain',
            '<label>Plain</label><endpoint>https://a.test</endpoint><protocol>Password</protocol><principalType>NamedUser</principalType>'
        );
        expect(loadNamedCredentials(root).get('Plain')).toMatchObject({
            allowMergeFieldsInHeader: false,
            allowMergeFieldsInBody: false,
            generateAuthorizationHeader: true
        });
    });

    it('names the file when a boolean element is not true or false', () => {
        const root = fixture(
            'Broken',
            '<label>B</label><endpoint>https://a.test</endpoint><generateAuthorizationHeader>yes</generateAuthorizationHeader>'
        );
        expect(() => loadNamedCredentials(root)).toThrow(
            /Broken\.namedCredential-meta\.xml: <generateAuthorizationHeader> must be true or false/
        );
    });
});
