import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../projectRoot';
import { loadNamedCredentials } from '../namedCredentials';

// Rules from platform.md §1.1 and §1.5: both credential models load from source, never with a secret.
function fixture(name: string, xml: string): string {
    const root = mkdtempSync(path.join(tmpdir(), 'nc-'));
    mkdirSync(path.join(root, 'namedCredentials'));
    writeFileSync(path.join(root, 'namedCredentials', `${name}.namedCredential-meta.xml`), `<?xml version="1.0" encoding="UTF-8"?><NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">${xml}</NamedCredential>`);
    return root;
}

describe('named credentials loaded from source XML', () => {
    it('loads the connector credential as a legacy Named Principal with password authentication', () => {
        const credential = loadNamedCredentials(path.join(PROJECT_ROOT, 'force-app', 'main', 'default')).get('Qwil_Messenger_Salesforce_Connector');
        expect(credential).toEqual({
            name: 'Qwil_Messenger_Salesforce_Connector',
            label: 'Qwil Messenger Salesforce Connector',
            endpoint: 'https://eu.qwil.io',
            authentication: 'password',
            generateAuthorizationHeader: true,
            allowMergeFieldsInHeader: true,
            allowMergeFieldsInBody: false,
            externalCredential: null
        });
    });

    it('loads the External Credential style with its Url parameter', () => {
        const root = fixture(
            'Modern',
            '<label>Modern</label><namedCredentialType>SecuredEndpoint</namedCredentialType><allowMergeFieldsInHeader>true</allowMergeFieldsInHeader>' +
                '<namedCredentialParameters><parameterName>Url</parameterName><parameterType>Url</parameterType><parameterValue>https://uk.qwil.io</parameterValue></namedCredentialParameters>' +
                '<namedCredentialParameters><externalCredential>Qwil_Auth</externalCredential><parameterName>ExternalCredential</parameterName><parameterType>Authentication</parameterType></namedCredentialParameters>'
        );
        expect(loadNamedCredentials(root).get('Modern')).toMatchObject({ endpoint: 'https://uk.qwil.io', externalCredential: 'Qwil_Auth', authentication: 'password', allowMergeFieldsInBody: false });
    });

    it('defaults merge fields off, as the metadata API does', () => {
        const root = fixture('Plain', '<label>Plain</label><endpoint>https://a.test</endpoint><protocol>Password</protocol><principalType>NamedUser</principalType>');
        expect(loadNamedCredentials(root).get('Plain')).toMatchObject({ allowMergeFieldsInHeader: false, allowMergeFieldsInBody: false, generateAuthorizationHeader: true });
    });

    it('names the file when a boolean element is not true or false', () => {
        const root = fixture('Broken', '<label>B</label><endpoint>https://a.test</endpoint><generateAuthorizationHeader>yes</generateAuthorizationHeader>');
        expect(() => loadNamedCredentials(root)).toThrow(/Broken\.namedCredential-meta\.xml: <generateAuthorizationHeader> must be true or false/);
    });
});
