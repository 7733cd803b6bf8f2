import { setupServer } from 'msw/node';
import { createMockQwil, DEMO, type CreateMasterUserApiKeyInput } from '../../../../qwil';
import { formatHealthReport } from '../formatReport';
import type { CheckResult } from '../../../../../force-app/server/health/checkResult';
import { runHealthCheck } from '../runHealthCheck';
import { HealthFixture } from './healthFixture';

// The connector health check (issue #8): each check passes on the guide's setup and fails (or warns)
// with the fix an administrator needs when its part of the setup is wrong.
const qwil = createMockQwil({ seed: 'demo' });
const server = setupServer(...qwil.handlers);
let fixture: HealthFixture;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
    qwil.control.reset();
    fixture = new HealthFixture(qwil);
});
afterEach(() => fixture.dispose());

async function results(afterKey?: (key: string) => void): Promise<CheckResult[]> {
    return runHealthCheck(fixture.environment(afterKey));
}

async function check(id: string, afterKey?: (key: string) => void): Promise<CheckResult> {
    const result = (await results(afterKey)).find((candidate) => candidate.id === id);
    if (!result) throw new Error(`No check ${id}`);
    return result;
}

describe('on the guide’s setup', () => {
    it('every check passes, each with what it found and no fix', async () => {
        const all = await results();
        expect(all.map((result) => [result.id, result.status])).toEqual([
            ['settings-record', 'pass'],
            ['mapped-fields', 'pass'],
            ['staff-field-self-edit', 'pass'],
            ['client-lookup-type', 'pass'],
            ['invitation-phone', 'pass'],
            ['named-credential', 'pass'],
            ['credential-secret', 'pass'],
            ['live-call', 'pass'],
            ['key-flags', 'pass'],
            ['chat-service-scheme', 'pass'],
            ['record-pages', 'pass'],
            ['admin-staff-mapping', 'pass'],
            ['linked-clients', 'pass']
        ]);
        expect(all.every((result) => result.fix === null && result.detail !== '')).toBe(true);
    });
});

describe('metadata record present and valid', () => {
    it('fails without the Qwil record, saying where to create it', async () => {
        fixture.remove('customMetadata');
        const result = await check('settings-record');
        expect(result).toMatchObject({
            status: 'fail',
            detail: expect.stringContaining('no Qwil_Messenger__mdt record named Qwil')
        });
        expect(result.fix).toContain('Custom Metadata Types > Qwil Messenger > Manage Records');
    });

    it('fails on an invalid value, naming the field by its label', async () => {
        fixture.setSettings({ Qwil_Region__c: 'EU' });
        expect(await check('settings-record')).toMatchObject({
            status: 'fail',
            detail: expect.stringContaining('Qwil Region must be a region name')
        });
    });
});

describe('mapped fields exist on User and the client object', () => {
    it('fails for a User field that does not exist', async () => {
        fixture.setSettings({ Staff_ID_Field_API_Name__c: 'Badge_Number__c' });
        expect(await check('mapped-fields')).toMatchObject({
            status: 'fail',
            detail: 'Staff ID Field API Name names Badge_Number__c, which does not exist on User.'
        });
    });

    it('fails for a client field whose type cannot hold the value', async () => {
        fixture.setSettings({ Client_Email_API_Field_Name__c: 'MobilePhone' });
        expect((await check('mapped-fields')).detail).toBe(
            'Client Email API Field Name names Contact.MobilePhone, of type phone; it must be an email or text field.'
        );
    });

    it('fails for a Contact field Person Accounts lack', async () => {
        fixture.setSettings({ Client_Invitation_Phone_No_Field_Api_Name__c: 'Phone' });
        expect((await check('mapped-fields')).detail).toContain(
            'names PersonPhone, which does not exist on Person Account'
        );
    });
});

describe('the staff mapping field is not editable by non-admins', () => {
    it('names each profile and permission-set combination whose users can edit their own Email', async () => {
        fixture.setSettings({ Staff_ID_Field_API_Name__c: 'Email' });
        const result = await check('staff-field-self-edit');
        expect(result.status).toBe('fail');
        expect(result.detail).toContain('profile Wealth Advisor + permission set Qwil_Messenger_User');
        expect(result.detail).toContain('profile Standard User + no permission set');
        expect(result.detail).not.toContain('System Administrator');
        expect(result.fix).toContain('such as FederationIdentifier');
    });
});

describe('client lookup type', () => {
    it('warns that an Email lookup lets whoever edits the email re-point the record', async () => {
        fixture.setSettings({ Client_Lookup_Type__c: 'Email' });
        const result = await check('client-lookup-type');
        expect(result).toMatchObject({
            status: 'warn',
            detail: expect.stringContaining('anyone who can edit that field')
        });
        expect(result.fix).toContain('Salesforce Record ID');
    });
});

describe('share of client phone numbers that normalise', () => {
    it('fails when no client record has a usable number in the mapped field', async () => {
        fixture.setSettings({ Client_Invitation_Phone_No_Field_Api_Name__c: 'Title' });
        const result = await check('invitation-phone');
        expect(result).toMatchObject({
            status: 'fail',
            detail: expect.stringMatching(/^0 of 7 client records \(0%\)/)
        });
        expect(result.fix).toContain('formula field');
    });

    it('warns, naming the records, when some numbers are unusable', async () => {
        const env = fixture.environment();
        const eleanor = env.org.records.all('Contact').find((contact) => contact['LastName'] === 'Whitfield');
        env.org.records.update(eleanor?.Id ?? '', { MobilePhone: '12' });
        const result = (await runHealthCheck(env)).find((candidate) => candidate.id === 'invitation-phone');
        expect(result).toMatchObject({
            status: 'warn',
            detail: expect.stringMatching(/^6 of 7 client records \(86%\)/),
            fix: expect.stringContaining('Eleanor Whitfield')
        });
    });
});

describe('named credential', () => {
    it('fails for a credential not named exactly Qwil_Messenger_Salesforce_Connector, naming the one found', async () => {
        fixture.remove('namedCredentials');
        fixture.writeCredential({ name: 'Qwil', label: 'Qwil' });
        const result = await check('named-credential');
        expect(result.detail).toContain(
            'No named credential is named Qwil_Messenger_Salesforce_Connector; found Qwil ("Qwil")'
        );
        expect(result.fix).toContain('Name the credential exactly Qwil_Messenger_Salesforce_Connector');
    });

    it('fails for a URL of another region than the metadata record', async () => {
        fixture.writeCredential({ endpoint: 'https://us.qwil.io' });
        expect((await check('named-credential')).detail).toContain('its URL is for region us but Qwil Region is eu');
    });

    it('fails when merge fields are not allowed in the header, and warns without the authorization header', async () => {
        fixture.writeCredential({ allowMergeFieldsInHeader: false });
        expect((await check('named-credential')).detail).toContain('Allow Merge Fields in HTTP Header is off');
        fixture.writeCredential({ generateAuthorizationHeader: false });
        expect(await check('named-credential')).toMatchObject({
            status: 'warn',
            fix: expect.stringContaining('Generate Authorization Header')
        });
    });

    it('fails when no key and secret are stored, and the live call cannot be made', async () => {
        fixture.storeKey = false;
        const all = await results();
        expect(all.find((result) => result.id === 'credential-secret')).toMatchObject({
            status: 'fail',
            fix: expect.stringContaining('Username and its Secret as Password')
        });
        expect(all.find((result) => result.id === 'live-call')).toMatchObject({
            status: 'fail',
            detail: expect.stringContaining("We couldn't access the credential(s)")
        });
    });
});

describe('a live call with the key', () => {
    it('fails for a revoked key with the fix: a new key', async () => {
        const result = await check('live-call', (key) => qwil.control.revokeKey(key));
        expect(result).toMatchObject({ status: 'fail', detail: expect.stringContaining('deactivated') });
        expect(result.fix).toContain('The key is revoked');
    });

    it('fails when Salesforce’s address is outside the key’s CIDR blocks', async () => {
        fixture.keyInput = { name: 'Office only', cidrBlocks: ['192.0.2.0/24'] };
        expect((await check('live-call')).fix).toContain("outside the key's CIDR blocks");
    });
});

describe('key flags and CIDR blocks (mock Qwil)', () => {
    it('says it inspects the mock Qwil', async () => {
        expect((await check('key-flags')).title).toContain('inspected on the mock Qwil; real Qwil exposes no such API');
    });

    it('warns about a key that can export data or has no CIDR blocks', async () => {
        fixture.keyInput = { name: 'Too wide', canExportData: true };
        const result = await check('key-flags');
        expect(result).toMatchObject({
            status: 'warn',
            detail: 'Key "Too wide": it can export data, which the connector never needs; it has no CIDR blocks, so it works from any address.'
        });
        expect(result.fix).toContain('export unchecked');
    });

    it('fails for a key without a permission the connector needs', async () => {
        fixture.keyInput = {
            name: 'Read only',
            cidrBlocks: ['13.108.0.0/14'],
            canWriteOnly: false,
            canDataReview: false
        };
        expect((await check('key-flags')).detail).toBe(
            'Key "Read only" cannot perform write-only actions, data reviewer actions, which the connector needs.'
        );
    });

    it('fails when the key is Super but Using Super API Key is unchecked', async () => {
        expect((await check('key-flags', (key) => qwil.control.promoteToSuper(key))).detail).toContain(
            'is a Super key, but Using Super API Key is unchecked'
        );
    });
});

describe('chat-service authentication scheme', () => {
    const useMasterKey = (input: Partial<CreateMasterUserApiKeyInput> = {}) => {
        fixture.addChatServiceCredential();
        fixture.chatServiceKey = qwil.control.createMasterUserApiKey({ name: 'Salesforce chats', ...input });
        return fixture.chatServiceKey;
    };

    it('says chat calls use the System key, and why, when the org has no Qwil_Messenger_Chat_Service', async () => {
        const result = await check('chat-service-scheme');
        expect(result.status).toBe('pass');
        expect(result.detail).toMatch(
            /^System API key \(Qwil_Messenger_Salesforce_Connector\) .* because the org has no named credential Qwil_Messenger_Chat_Service/
        );
    });

    it('says chat calls use the Master User key, and why, once the optional credential and its key are in place', async () => {
        const master = useMasterKey();
        const result = await check('chat-service-scheme');
        expect(result.status).toBe('pass');
        expect(result.detail).toMatch(
            new RegExp(
                `^Master User API key ${master.key} \\(https://eu\\.qwil\\.io\\) .* because the org has the named credential Qwil_Messenger_Chat_Service`
            )
        );
        expect(result.detail).not.toContain(master.secret);
    });

    it('fails for a Master key that cannot write chats, and warns about flags the connector never needs', async () => {
        useMasterKey({ canWriteChat: false });
        expect((await check('chat-service-scheme')).detail).toContain(
            'lacks write-only chat, which starting chats and sending messages needs'
        );
        fixture.chatServiceKey = qwil.control.createMasterUserApiKey({ name: 'Everything', canExportData: true });
        expect(await check('chat-service-scheme')).toMatchObject({
            status: 'warn',
            detail: expect.stringContaining('The key can export data, which the connector never needs')
        });
    });

    it('fails when the credential is there (so in use) without its key, or with another URL', async () => {
        fixture.addChatServiceCredential({ endpoint: 'https://us.qwil.io' });
        const result = await check('chat-service-scheme');
        expect(result.status).toBe('fail');
        expect(result.detail).toContain(
            "its URL https://us.qwil.io differs from Qwil_Messenger_Salesforce_Connector's https://eu.qwil.io"
        );
        expect(result.detail).toContain('no Username (Master User API key) and Password (its secret) are stored');
        expect(result.fix).toContain('or delete it to use the System key again');
    });

    it('warns that a Master User key serves one organisation when Using Super API Key is checked', async () => {
        useMasterKey();
        fixture.setSettings({ Using_Super_API_Key__c: true });
        const result = await check('chat-service-scheme');
        expect(result).toMatchObject({
            status: 'warn',
            detail: expect.stringContaining('belongs to one Qwil organisation')
        });
    });
});

describe('record pages carry the component', () => {
    it('fails without any record page holding qwilChatTabsMenu in a "Qwil Messenger" tab', async () => {
        fixture.remove('flexipages');
        expect(await check('record-pages')).toMatchObject({
            status: 'fail',
            fix: expect.stringContaining('add a tab named "Qwil Messenger"')
        });
    });
});

describe('the running admin’s own staff mapping', () => {
    it('fails when the admin’s value finds no Qwil account', async () => {
        fixture.setSettings({ Staff_ID_Field_API_Name__c: 'Alias' });
        const result = await check('admin-staff-mapping');
        expect(result).toMatchObject({
            status: 'fail',
            detail: expect.stringContaining('No Qwil account has the identifier or primary email sreyes')
        });
    });
});

describe('Qwil clients linked to their records', () => {
    it('counts the linked clients, and warns about clients created on Qwil without a record id', async () => {
        expect((await check('linked-clients')).detail).toBe(
            "6 of 6 Qwil clients are linked to a Contact or Person Account (their Qwil identifier is the record's id)."
        );
        qwil.control.importClients({
            entityUuid: DEMO.organisations.harbourWealth,
            groupUuid: DEMO.groups.whitfieldRelationship,
            clients: [
                {
                    firstName: 'Thomas',
                    lastName: 'Okafor',
                    primaryEmail: 'thomas.okafor@example.com',
                    identifier: null,
                    status: 'active'
                }
            ]
        });

        expect(await check('linked-clients')).toMatchObject({
            status: 'warn',
            detail: expect.stringContaining('6 of 7 Qwil clients are linked'),
            fix: expect.stringContaining('Link existing Qwil clients')
        });
    });
});

describe('with a Super API key, in the organisation the admin chose', () => {
    // Sofia Reyes is staff in Harbour Wealth (6 clients) and Harbour Wealth Jersey (no clients).
    async function superKeyChecks(chosenOrganisation: string | null): Promise<Record<string, string>> {
        fixture.setSettings({ Using_Super_API_Key__c: true });
        const env = fixture.environment((key) => qwil.control.promoteToSuper(key));
        env.org.records.update(env.adminUserId, { Qwil_Organisation__c: chosenOrganisation });
        const all = await runHealthCheck(env);
        const detailOf = (id: string) => all.find((result) => result.id === id)?.detail ?? `no check ${id}`;
        return { staff: detailOf('admin-staff-mapping'), linked: detailOf('linked-clients') };
    }

    it('checks the staff mapping and the linked clients in the organisation chosen on a tab, naming it', async () => {
        expect(await superKeyChecks(DEMO.organisations.harbourWealthJersey)).toEqual({
            staff: 'In Harbour Wealth Jersey (your chosen organisation): FederationIdentifier sofia.reyes@harbourwealth.example is Sofia Reyes, system_admin (active) in Qwil.',
            linked: "In Harbour Wealth Jersey (your chosen organisation): 0 of 0 Qwil clients are linked to a Contact or Person Account (their Qwil identifier is the record's id)."
        });
    });

    it('without a choice, checks the first organisation and says how to check another', async () => {
        const { linked } = await superKeyChecks(null);
        expect(linked).toBe(
            "In Harbour Wealth, the first of your 2 organisations (choose one on a Qwil Messenger tab to check it here instead): 6 of 6 Qwil clients are linked to a Contact or Person Account (their Qwil identifier is the record's id)."
        );
    });
});

describe('a deliberately broken setup', () => {
    it('reports a self-editable staff field, a key that can export, and a wrongly named credential, each with its fix', async () => {
        fixture.setSettings({ Staff_ID_Field_API_Name__c: 'Email' });
        fixture.keyInput = { name: 'Salesforce connector', cidrBlocks: ['13.108.0.0/14'], canExportData: true };
        fixture.remove('namedCredentials');
        fixture.writeCredential({ name: 'Qwil_Messenger', label: 'Qwil Messenger' });
        const all = await results();
        const byId = new Map(all.map((result) => [result.id, result]));

        expect(byId.get('staff-field-self-edit')).toMatchObject({
            status: 'fail',
            fix: expect.stringContaining('FederationIdentifier')
        });
        expect(byId.get('key-flags')).toMatchObject({
            status: 'warn',
            detail: expect.stringContaining('can export data'),
            fix: expect.stringContaining('export unchecked')
        });
        expect(byId.get('named-credential')).toMatchObject({
            status: 'fail',
            fix: expect.stringContaining('exactly Qwil_Messenger_Salesforce_Connector')
        });
        expect(byId.get('live-call')?.status).toBe('fail');

        const report = formatHealthReport(all);
        expect(report).toContain('FAIL  The staff mapping field cannot be edited by non-admins');
        expect(report).toContain('      Fix: Name the credential exactly Qwil_Messenger_Salesforce_Connector');
        expect(report).toMatch(/\d+ passed, 1 warnings, \d+ failed\.$/);
    });
});
