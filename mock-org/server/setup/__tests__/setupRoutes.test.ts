import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../projectRoot';
import { DevServerSession } from '../../../testing/devServerSession';
import { SEED_SETTINGS_FORM } from '../../../testing/settingsForms';
import { startMockOrgServer, type RunningMockOrg } from '../../startServer';

// The Setup pages over HTTP (issue #8): Customize Application at the door, forms that change
// nothing when refused, the key's secret shown once and the credential's secret never.
const SOFIA = 'sofia.reyes@harbourwealth.example';
const CREDENTIAL = 'Qwil_Messenger_Salesforce_Connector';
let server: RunningMockOrg;
let root: string;
let dataDir: string;
let sofia: DevServerSession;
let withoutSetupAccess: DevServerSession;

const packageFile = (...parts: string[]) => path.join(root, 'force-app', 'main', 'default', ...parts);
const readCredentialStore = () => readFileSync(path.join(dataDir, 'named-credentials.json'), 'utf8');

beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'setup-project-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'setup-data-'));
    cpSync(path.join(PROJECT_ROOT, 'force-app', 'main', 'default'), packageFile(), {
        recursive: true,
        filter: (source) => !source.includes('__tests__')
    });
    rmSync(packageFile('customMetadata'), { recursive: true });
    server = await startMockOrgServer({ port: 0, dataDir, projectRoot: root, provisionConnectorKey: false });
    sofia = await DevServerSession.open(server.url, server.org.requireUser(SOFIA).Id);
    withoutSetupAccess = await DevServerSession.open(server.url);
});

afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
});

const get = (pathName: string, session = sofia) => session.get(pathName);
const post = (pathName: string, form: Record<string, string>, session = sofia) => session.postForm(pathName, form);

describe('the door', () => {
    it('shows Insufficient Privileges to a user without Customize Application, and changes nothing for them', async () => {
        const page = await get('/setup/home', withoutSetupAccess);
        expect(page.status).toBe(403);
        expect(await page.text()).toContain('Insufficient Privileges');
        expect(
            (await post('/setup/qwil-admin/system-api-keys', { name: 'Sneaky', canReadOnly: 'on' }, withoutSetupAccess))
                .status
        ).toBe(403);
        expect(server.qwil.control.snapshot().apiKeys).toEqual([]);
    });

    it('lets the administrator in: Setup home lists the guide’s five steps, on a fresh org all still to do', async () => {
        const body = await (await get('/setup/home')).text();
        expect(body.match(/<h2 class="slds-text-heading_small">Step \d\./g)).toHaveLength(5);
        expect(body.match(/<span class="slds-badge">To do<\/span>/g)).toHaveLength(3);
        expect(body).toContain('qwilChatTabsMenu component in it. Then check');
        expect(body).toContain('href="/setup/home" aria-current="page">Setup</a>');
    });
});

describe('System API keys', () => {
    it('refuses a bad CIDR block next to the field and in the summary, creating nothing', async () => {
        const response = await post('/setup/qwil-admin/system-api-keys', {
            name: 'Salesforce',
            cidrBlocks: '13.108.0.0/14, nope',
            canReadOnly: 'on'
        });
        const body = await response.text();
        expect(response.status).toBe(400);
        expect(body).toContain('Review the errors on this page. Nothing was saved.');
        expect(body).toContain('id="field-cidrBlocks-error">&quot;nope&quot; is not a CIDR block');
        expect(body).toContain('value="13.108.0.0/14, nope"');
        expect(server.qwil.control.snapshot().apiKeys).toEqual([]);
    });

    it('offers the guide’s recommended permissions on a new key', async () => {
        const body = await (await get('/setup/qwil-admin/system-api-keys')).text();
        expect(body).toMatch(/name="canExportData" id="field-canExportData">/);
        expect(body).toMatch(/name="canReadOnly" id="field-canReadOnly" checked>/);
    });

    it('shows the key and secret once, then lists the key without its secret; revoke and promote work', async () => {
        const created = await post('/setup/qwil-admin/system-api-keys', {
            name: 'Salesforce',
            cidrBlocks: '13.108.0.0/14',
            canReadOnly: 'on',
            canWriteOnly: 'on',
            canDataReview: 'on'
        });
        const body = await created.text();
        expect(created.status).toBe(200);
        expect(created.headers.get('cache-control')).toBe('no-store');
        const key = /id="created-key" value="([^"]+)"/.exec(body)?.[1] ?? '';
        const secret = /id="created-secret" value="([^"]+)"/.exec(body)?.[1] ?? '';
        expect(server.qwil.control.verifySystemApiKey(key, secret)).toBe(true);
        expect(body).toContain('You will only see them once');

        const list = await (await get('/setup/qwil-admin/system-api-keys')).text();
        expect(list).toContain(key);
        expect(list).not.toContain(secret);
        const createdAt = server.qwil.control.snapshot().apiKeys[0]?.createdAt ?? '';
        expect(list).toMatch(
            new RegExp(`<time datetime="${createdAt}">\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC</time>`)
        );

        expect((await post('/setup/qwil-admin/system-api-keys/promote', { key })).status).toBe(303);
        expect((await post('/setup/qwil-admin/system-api-keys/revoke', { key })).status).toBe(303);
        expect(server.qwil.control.snapshot().apiKeys[0]).toMatchObject({ key, isSuper: true, revoked: true });
    });

    it('explains why a key without CIDR blocks cannot be promoted', async () => {
        const { key } = server.qwil.control.createSystemApiKey({ name: 'Open' });
        const response = await post('/setup/qwil-admin/system-api-keys/promote', { key });
        expect(response.status).toBe(400);
        expect(await response.text()).toContain(
            'The key could not be promoted: cidrBlocks: a Super key must be restricted to CIDR blocks.'
        );
    });
});
describe('Master User API keys', () => {
    it('creates a key with Qwil’s four Master flags, shows it once, lists it without its secret and revokes it', async () => {
        const form = await (await get('/setup/qwil-admin/master-user-api-keys')).text();
        expect(form).toMatch(/name="canReadChat" id="field-canReadChat" checked>/);
        expect(form).toMatch(/name="canReadContacts" id="field-canReadContacts">/);

        const created = await post('/setup/qwil-admin/master-user-api-keys', {
            name: 'Salesforce chat',
            canReadChat: 'on',
            canWriteChat: 'on'
        });
        const body = await created.text();
        expect(created.status).toBe(200);
        expect(body).toContain('Master User API Key Secret');
        const key = /id="created-key" value="([^"]+)"/.exec(body)?.[1] ?? '';
        const secret = /id="created-secret" value="([^"]+)"/.exec(body)?.[1] ?? '';
        expect(server.qwil.control.verifyMasterUserApiKey(key, secret)).toBe(true);
        expect(server.qwil.control.snapshot().masterKeys[0]).toMatchObject({
            canReadChat: true,
            canWriteChat: true,
            canExportData: false,
            canReadContacts: false
        });

        const list = await (await get('/setup/qwil-admin/master-user-api-keys')).text();
        expect(list).toContain('read-only chat, write-only chat');
        expect(list).not.toContain(secret);
        expect(list).not.toContain('Promote to Super');
        expect((await post('/setup/qwil-admin/master-user-api-keys/revoke', { key })).status).toBe(303);
        expect(server.qwil.control.verifyMasterUserApiKey(key, secret)).toBe(false);
    });
});

describe('the named credential', () => {
    const GUIDE = {
        label: 'Qwil Messenger Salesforce Connector',
        name: CREDENTIAL,
        url: 'https://eu.qwil.io',
        identityType: 'Named Principal',
        username: 'sys_key',
        password: 'password-never-shown',
        generateAuthorizationHeader: 'on',
        allowMergeFieldsInHeader: 'on'
    };

    it('says so when the name is not exact, and writes nothing', async () => {
        const before = readFileSync(packageFile('namedCredentials', `${CREDENTIAL}.namedCredential-meta.xml`), 'utf8');
        const response = await post('/setup/named-credentials', { ...GUIDE, name: 'Qwil' });
        const body = await response.text();
        expect(response.status).toBe(400);
        expect(body).toContain('Name must be exactly Qwil_Messenger_Salesforce_Connector');
        expect(body).not.toContain('password-never-shown');
        expect(readFileSync(packageFile('namedCredentials', `${CREDENTIAL}.namedCredential-meta.xml`), 'utf8')).toBe(
            before
        );
        expect(existsSync(path.join(dataDir, 'named-credentials.json'))).toBe(false);
    });

    it('saves the definition to source and the secret to the store only; the page never shows it back', async () => {
        expect((await post('/setup/named-credentials', GUIDE)).headers.get('location')).toBe(
            '/setup/named-credentials?saved'
        );
        expect(JSON.parse(readCredentialStore())).toEqual({
            [CREDENTIAL]: { username: 'sys_key', password: 'password-never-shown' }
        });
        expect(
            readFileSync(packageFile('namedCredentials', `${CREDENTIAL}.namedCredential-meta.xml`), 'utf8')
        ).not.toContain('password-never-shown');
        const page = await (await get('/setup/named-credentials?saved')).text();
        expect(page).toContain('value="sys_key"');
        expect(page).toContain('A password is stored. It is never shown');
        expect(page).not.toContain('password-never-shown');
    });
});

describe('the Qwil Messenger custom metadata record', () => {
    it('shows every field with its label, picklist values and help text from the field source', async () => {
        const body = await (await get('/setup/custom-metadata/Qwil_Messenger/new')).text();
        expect(body).toContain(
            'for="field-Client_Invitation_Phone_No_Field_Api_Name__c">Client Invitation Phone No.Field ApiName</label>'
        );
        expect(body).toContain('<option value="Salesforce Record ID">Salesforce Record ID</option>');
        expect(body).toContain('How client records are linked: by Primary Email Address or by Salesforce Record ID');
    });

    it('refuses a field that does not exist, writing nothing', async () => {
        const response = await post('/setup/custom-metadata/Qwil_Messenger/new', {
            ...SEED_SETTINGS_FORM,
            Staff_ID_Field_API_Name__c: 'Badge__c'
        });
        expect(response.status).toBe(400);
        expect(await response.text()).toContain(
            'Staff ID Field API Name names Badge__c, which does not exist on User.'
        );
        expect(existsSync(packageFile('customMetadata'))).toBe(false);
    });

    it('writes the record in source format and the org reads it at once', async () => {
        const response = await post('/setup/custom-metadata/Qwil_Messenger/new', SEED_SETTINGS_FORM);
        expect(response.headers.get('location')).toBe('/setup/custom-metadata/Qwil_Messenger?saved=Qwil');
        expect(readFileSync(packageFile('customMetadata', 'Qwil_Messenger.Qwil.md-meta.xml'), 'utf8')).toContain(
            '<value xsi:type="xsd:string">FederationIdentifier</value>'
        );
        expect(server.org.customMetadata.getInstance('Qwil_Messenger__mdt', 'Qwil')?.values['Qwil_Region__c']).toBe(
            'eu'
        );

        await post('/setup/custom-metadata/Qwil_Messenger/Qwil/edit', {
            ...SEED_SETTINGS_FORM,
            Client_Lookup_Type__c: 'Email'
        });
        expect(
            server.org.customMetadata.getInstance('Qwil_Messenger__mdt', 'Qwil')?.values['Client_Lookup_Type__c']
        ).toBe('Email');
    });
});

describe('saving a Staff ID field staff can change themselves', () => {
    it('saves it, and warns why and what to choose instead, as the health check does', async () => {
        const record = {
            label: 'Qwil',
            developerName: 'Qwil',
            Client_Email_API_Field_Name__c: 'Email',
            Staff_ID_Field_API_Name__c: 'Email',
            Client_Chat_History_Visible__c: 'View Own Chats',
            Qwil_Region__c: 'eu',
            Client_Lookup_Type__c: 'Email',
            Client_First_Name_Field_API_Name__c: 'FirstName',
            Client_Last_Name_Field_API_Name__c: 'LastName',
            Client_Invitation_Phone_No_Field_Api_Name__c: 'MobilePhone'
        };
        const saved = await post('/setup/custom-metadata/Qwil_Messenger/Qwil/edit', record);
        expect(saved.status).toBe(303);
        const list = (await (await get(saved.headers.get('location') ?? '')).text()).replace(/\s+/g, ' ');
        expect(list).toContain('slds-theme_warning');
        expect(list).toContain(
            'Saved Qwil. The connector uses it from the next request. Warning: Salesforce lets every user change their own Email without Manage Users'
        );
        expect(list).toContain(
            'the Qwil Messenger tab refuses every user without Manage Users and the health check fails'
        );
        expect(list).toContain('such as FederationIdentifier');
        expect(
            server.org.customMetadata.getInstance('Qwil_Messenger__mdt', 'Qwil')?.values['Staff_ID_Field_API_Name__c']
        ).toBe('Email');

        const fixed = await post('/setup/custom-metadata/Qwil_Messenger/Qwil/edit', {
            ...record,
            Staff_ID_Field_API_Name__c: 'FederationIdentifier'
        });
        const after = await (await get(fixed.headers.get('location') ?? '')).text();
        expect(after).not.toContain('Warning:');
        expect(after).toContain('slds-theme_success');
    });
});

describe('record pages and the health check', () => {
    it('lists the record pages with the component in the Qwil Messenger tab', async () => {
        const body = await (await get('/setup/record-pages')).text();
        expect(body).toContain('<th scope="row" class="slds-cell-wrap">Qwil Contact Record Page</th>');
        expect(body).toContain('<code>flexipages/Qwil_Contact_Record_Page.flexipage-meta.xml</code>');
    });

    it('shows one row per check with its status and fix', async () => {
        const body = await (await get('/setup/health-check')).text();
        expect(body.match(/<span class="slds-badge /g)).toHaveLength(13);
        expect(body).toContain('Clients are linked by email (Email)');
        expect(body).toContain('Chat-service authentication: which Qwil key chat calls use');
    });
});
