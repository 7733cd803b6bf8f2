import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeploy } from '../buildDeploy';
import { CONNECTOR_COMPONENTS } from '../connectorComponents';
import { writeProjectFile } from '../files';
import { checkMetadata, type MetadataCheckResult } from '../metadataCheck';
import {
    copyOfProject,
    LWC_DIR,
    REPOSITORY_ROOT,
    removeTemporaryDirectories,
    temporaryDirectory
} from '../../testing/projectFixture';

const CONTACT_PAGE = 'force-app/main/default/flexipages/Qwil_Contact_Record_Page.flexipage-meta.xml';
const REGION_FIELD = 'force-app/main/default/objects/Qwil_Messenger__mdt/fields/Qwil_Region__c.field-meta.xml';
const PERSON_ACCOUNT_PAGE = 'force-app/main/default/flexipages/Qwil_Person_Account_Record_Page.flexipage-meta.xml';
const ENTRY_BUNDLE = `${LWC_DIR}/qwilChatTabsMenu`;
const SETTINGS_RECORD = 'force-app/main/default/customMetadata/Qwil_Messenger.Qwil.md-meta.xml';
const CLASSES_DIR = 'force-app/main/default/classes';
const SCENARIOS = 'force-app/main/default/staticresources/QwilScenarios.json';
const CACHE_PARTITION = 'force-app/main/default/cachePartitions/QwilConnector.cachePartition-meta.xml';
const APEX_CLASS_META_XML = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>65.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;
const NAMED_CREDENTIAL =
    'force-app/main/default/namedCredentials/Qwil_Messenger_Salesforce_Connector.namedCredential-meta.xml';

// The repository's deploy build, made once; each test that breaks something works on a copy.
let buildOutput: string;
let realCheck: MetadataCheckResult;

beforeAll(async () => {
    buildOutput = temporaryDirectory();
    buildDeploy(REPOSITORY_ROOT, buildOutput);
    realCheck = await checkMetadata(buildOutput, CONNECTOR_COMPONENTS);
});
afterAll(removeTemporaryDirectories);

async function checkBrokenCopy(breakIt: (projectDir: string) => void): Promise<string[]> {
    const copy = copyOfProject(buildOutput);
    breakIt(copy);
    return (await checkMetadata(copy, CONNECTOR_COMPONENTS)).problems;
}

describe('the metadata check of the repository deploy build', () => {
    it('passes, and package.xml holds every connector component at the project API version', () => {
        expect(realCheck.problems).toEqual([]);
        const project = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'sfdx-project.json'), 'utf8')) as {
            sourceApiVersion: string;
        };
        expect(realCheck.apiVersion).toBe(project.sourceApiVersion);
        expect(realCheck.packageComponents).toEqual(expect.arrayContaining([...CONNECTOR_COMPONENTS]));
    });

    it('passes with the optional chat-service named credential copied in, as an admin using a Master User key does', async () => {
        const copy = copyOfProject(buildOutput);
        const file = 'Qwil_Messenger_Chat_Service.namedCredential-meta.xml';
        writeProjectFile(
            copy,
            `force-app/main/default/namedCredentials/${file}`,
            readFileSync(join(REPOSITORY_ROOT, 'force-app', 'optional', 'namedCredentials', file), 'utf8')
        );
        const check = await checkMetadata(copy, CONNECTOR_COMPONENTS);
        expect(check.problems).toEqual([]);
        expect(check.packageComponents).toContainEqual({
            type: 'NamedCredential',
            fullName: 'Qwil_Messenger_Chat_Service'
        });
    });
});

describe('the metadata check of a broken build output', () => {
    it('fails on a JSON static resource that does not parse', async () => {
        const problems = await checkBrokenCopy((projectDir) =>
            writeFileSync(join(projectDir, SCENARIOS), '{"scenarios": [')
        );
        expect(problems).toEqual([expect.stringMatching(new RegExp(`^${SCENARIOS}: not valid JSON`))]);
    });

    it('fails when an Apex class of the output is missing from package.xml (a class without its -meta.xml)', async () => {
        const problems = await checkBrokenCopy((projectDir) => {
            writeProjectFile(
                projectDir,
                `${CLASSES_DIR}/QwilGreeting.cls`,
                'public with sharing class QwilGreeting {}\n'
            );
            writeProjectFile(
                projectDir,
                `${CLASSES_DIR}/QwilFarewell.cls`,
                'public with sharing class QwilFarewell {}\n'
            );
            writeProjectFile(projectDir, `${CLASSES_DIR}/QwilFarewell.cls-meta.xml`, APEX_CLASS_META_XML);
        });
        expect(problems).toEqual(['package.xml: lacks ApexClass QwilGreeting']);
    });

    it('fails when the cache partition is missing from package.xml', async () => {
        const problems = await checkBrokenCopy((projectDir) => rmSync(join(projectDir, CACHE_PARTITION)));
        expect(problems).toEqual(['package.xml: lacks PlatformCachePartition QwilConnector']);
    });

    it('fails on a malformed XML file, naming the file and the position', async () => {
        const problems = await checkBrokenCopy((projectDir) => {
            const page = join(projectDir, CONTACT_PAGE);
            writeFileSync(page, readFileSync(page, 'utf8').replace('</masterLabel>', '</masterLabl>'));
        });
        expect(problems).toEqual([
            expect.stringMatching(
                new RegExp(`^${CONTACT_PAGE}: malformed XML at line \\d+, column \\d+: .*masterLabel`)
            )
        ]);
    });

    it('fails when an expected component is missing from package.xml', async () => {
        const problems = await checkBrokenCopy((projectDir) => rmSync(join(projectDir, REGION_FIELD)));
        expect(problems).toEqual([
            `${SETTINGS_RECORD}: Qwil_Region__c is no field of the custom metadata type`,
            'package.xml: lacks CustomField Qwil_Messenger__mdt.Qwil_Region__c'
        ]);
    });

    it('fails when an LWC bundle has no JavaScript entry', async () => {
        const problems = await checkBrokenCopy((projectDir) =>
            rmSync(join(projectDir, ENTRY_BUNDLE, 'qwilChatTabsMenu.js'))
        );
        expect(problems).toContain(`${ENTRY_BUNDLE}: LWC bundle lacks qwilChatTabsMenu.js`);
    });

    it('fails when a record page places a component that is no bundle of the package', async () => {
        const problems = await checkBrokenCopy((projectDir) =>
            rmSync(join(projectDir, ENTRY_BUNDLE), { recursive: true })
        );
        expect(problems).toEqual([
            `${CONTACT_PAGE}: places component qwilChatTabsMenu, which is no LWC bundle in the output`,
            `${PERSON_ACCOUNT_PAGE}: places component qwilChatTabsMenu, which is no LWC bundle in the output`,
            'package.xml: lacks LightningComponentBundle qwilChatTabsMenu'
        ]);
    });

    it('fails when a record page places a component not exposed to record pages of its object', async () => {
        const problems = await checkBrokenCopy((projectDir) => {
            const metaFile = join(projectDir, ENTRY_BUNDLE, 'qwilChatTabsMenu.js-meta.xml');
            writeFileSync(metaFile, readFileSync(metaFile, 'utf8').replace(/<object>Account<\/object>/, ''));
        });
        expect(problems).toEqual([
            `${PERSON_ACCOUNT_PAGE}: places component qwilChatTabsMenu, whose qwilChatTabsMenu.js-meta.xml does not expose it on lightning__RecordPage for Account`
        ]);
    });

    it('fails when the named credential carries a password', async () => {
        const problems = await checkBrokenCopy((projectDir) => {
            const credential = join(projectDir, NAMED_CREDENTIAL);
            writeFileSync(
                credential,
                readFileSync(credential, 'utf8').replace('<protocol>', '<password>s3cret</password>\n    <protocol>')
            );
        });
        expect(problems).toEqual([
            `${NAMED_CREDENTIAL}: holds a password; the secret belongs in the org's named credential, never in source`
        ]);
    });

    it('fails on custom metadata record values that the type does not allow', async () => {
        const problems = await checkBrokenCopy((projectDir) => {
            const record = join(projectDir, SETTINGS_RECORD);
            const xml = readFileSync(record, 'utf8')
                .replace(/(<field>Client_Lookup_Type__c<\/field>\s*<value[^>]*>)[^<]*/, '$1Phone')
                .replace(/(<field>Using_Super_API_Key__c<\/field>\s*<value[^>]*>)[^<]*/, '$1yes')
                .replace('<field>Qwil_Region__c</field>', '<field>Qwil_Area__c</field>');
            writeFileSync(record, xml);
        });
        expect(problems).toEqual([
            `${SETTINGS_RECORD}: Client_Lookup_Type__c 'Phone' is not a value of its restricted picklist (Email, Salesforce Record ID)`,
            `${SETTINGS_RECORD}: Qwil_Area__c is no field of the custom metadata type`,
            `${SETTINGS_RECORD}: Using_Super_API_Key__c is a checkbox, not 'yes'`
        ]);
    });
});
