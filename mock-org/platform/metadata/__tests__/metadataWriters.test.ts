import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyPackageMetadata } from '../../../testing/packageCopy';
import { CustomMetadataRepository } from '../customMetadata';
import { customMetadataRecordFile, writeCustomMetadataRecord } from '../customMetadataWriter';
import { loadNamedCredentials } from '../namedCredentials';
import { writeLegacyNamedCredential } from '../namedCredentialWriter';

// Setup's Save writes SFDX source the org's own loaders read back (platform.md §1.5, §4.2).
const TYPE = 'Qwil_Messenger__mdt';
let packageDir: string;

beforeEach(() => {
    packageDir = mkdtempSync(path.join(tmpdir(), 'metadata-writer-'));
    copyPackageMetadata(packageDir);
});
afterEach(() => rmSync(packageDir, { recursive: true, force: true }));

describe('writeCustomMetadataRecord', () => {
    it('writes the record the repository already holds byte for byte as it is in source', () => {
        const repository = new CustomMetadataRepository(packageDir);
        const type = repository.getType(TYPE);
        const record = repository.getInstance(TYPE, 'Qwil');
        if (!type || !record) throw new Error('fixture');
        const file = customMetadataRecordFile(packageDir, type, 'Qwil');
        const before = readFileSync(file, 'utf8');
        writeCustomMetadataRecord(packageDir, type, {
            developerName: 'Qwil',
            label: record.MasterLabel,
            values: record.values
        });
        expect(readFileSync(file, 'utf8')).toBe(before);
    });

    it('writes a new record with xsi:type per field type and xsi:nil for empty values, which the loader reads back', () => {
        const repository = new CustomMetadataRepository(packageDir);
        const type = repository.getType(TYPE);
        if (!type) throw new Error('fixture');
        const file = writeCustomMetadataRecord(packageDir, type, {
            developerName: 'Jersey',
            label: 'Jersey & <Guernsey>',
            values: { Qwil_Region__c: 'eu', Using_Super_API_Key__c: true, Client_Lookup_Type__c: 'Email' }
        });
        expect(path.basename(file)).toBe('Qwil_Messenger.Jersey.md-meta.xml');
        const xml = readFileSync(file, 'utf8');
        expect(xml).toContain('<label>Jersey &amp; &lt;Guernsey&gt;</label>');
        expect(xml).toContain('<value xsi:type="xsd:boolean">true</value>');
        expect(xml).toContain('<field>Default_Client_Job_Title__c</field>\n        <value xsi:nil="true"/>');
        repository.reload();
        expect(repository.getInstance(TYPE, 'Jersey')).toEqual({
            DeveloperName: 'Jersey',
            MasterLabel: 'Jersey & <Guernsey>',
            values: expect.objectContaining({
                Qwil_Region__c: 'eu',
                Using_Super_API_Key__c: true,
                Client_Lookup_Type__c: 'Email',
                Default_Client_Job_Title__c: null
            })
        });
    });
});

describe('writeLegacyNamedCredential', () => {
    it('writes a definition the loader reads back, with no username or password in source', () => {
        const file = writeLegacyNamedCredential(packageDir, {
            name: 'Qwil_Messenger_Salesforce_Connector',
            label: 'Qwil Messenger Salesforce Connector',
            endpoint: 'https://us.qwil.io',
            generateAuthorizationHeader: true,
            allowMergeFieldsInHeader: true,
            allowMergeFieldsInBody: false
        });
        const xml = readFileSync(file, 'utf8');
        expect(xml).not.toMatch(/<username>|<password>/);
        expect(loadNamedCredentials(packageDir).get('Qwil_Messenger_Salesforce_Connector')).toMatchObject({
            label: 'Qwil Messenger Salesforce Connector',
            endpoint: 'https://us.qwil.io',
            authentication: 'password',
            generateAuthorizationHeader: true,
            allowMergeFieldsInHeader: true,
            allowMergeFieldsInBody: false
        });
    });
});
