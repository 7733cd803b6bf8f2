import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCustomFields } from '../../metadata/customFields';
import {
    SEED_USERS,
    createScriptedOrg,
    editJson,
    fixtureProject,
    metadataXml,
    type Step
} from '../../../testing/probeOrg';

// platform.md §5.1 and §5.3 (checklist items 7 and 11): custom fields come from source, each closed
// until a profile or permission set grants it; Contact's custom fields appear on Person Accounts as `__pc`.
const { olivia, james, sofia, daniel } = SEED_USERS;

const field = (name: string, type: string, extra = '') =>
    metadataXml('CustomField', `<fullName>${name}</fullName>${extra}<type>${type}</type>`);

/** A project whose Contact declares Qwil_Client_Id__c; the permission set grants it read-only when asked to. */
function contactFieldProject(grantContactField: boolean) {
    const grant = grantContactField
        ? '<fieldPermissions><editable>false</editable><field>Contact.Qwil_Client_Id__c</field><readable>true</readable></fieldPermissions>'
        : '';
    return fixtureProject(
        {
            'objects/Contact/fields/Qwil_Client_Id__c.field-meta.xml': field(
                'Qwil_Client_Id__c',
                'Text',
                '<label>Qwil Client ID</label><length>36</length>'
            ),
            'permissionsets/Qwil_Messenger_User.permissionset-meta.xml': metadataXml(
                'PermissionSet',
                `<classAccesses><apexClass>QwilConnectorController</apexClass><enabled>true</enabled></classAccesses>${grant}<label>Qwil Messenger User</label>`
            )
        },
        (seedDir) =>
            editJson<{ records: Record<string, unknown>[] }>(path.join(seedDir, 'Account.json'), ({ records }) => {
                for (const account of records)
                    if (account['IsPersonAccount'] === true) account['Qwil_Client_Id__pc'] = 'client-uuid-1';
            })
    );
}

const describeStep =
    (object: string, fieldName: string): Step =>
    async ({ schema }) => {
        const describe = schema.describeField(object, fieldName);
        return (
            describe && {
                type: describe.getType(),
                label: describe.getLabel(),
                accessible: describe.isAccessible(),
                updateable: describe.isUpdateable()
            }
        );
    };

function fixtureOrg(grantContactField: boolean, steps: Record<string, Step> = {}) {
    return createScriptedOrg(
        {
            contactField: describeStep('Contact', 'Qwil_Client_Id__c'),
            personAccountField: describeStep('Account', 'Qwil_Client_Id__pc'),
            ...steps
        },
        {},
        contactFieldProject(grantContactField)
    );
}

describe('custom fields declared in source', () => {
    it('describes User.Qwil_Organisation__c from its field file: Text, its label, editable through Qwil_Messenger_User', async () => {
        const { run } = createScriptedOrg({ describe: describeStep('User', 'Qwil_Organisation__c') });
        expect(await run(olivia, 'describe')).toEqual({
            ok: true,
            value: { type: 'string', label: 'Qwil Organisation', accessible: true, updateable: true }
        });
    });

    it('keeps a custom field closed to a user no profile or permission set grants it', () => {
        const { org } = createScriptedOrg({});
        const access = org.accessOf(org.requireUser(daniel).Id);
        expect(access.fieldPermission('User', 'Qwil_Organisation__c')).toEqual({ read: false, edit: false });
        expect(access.canEditOwnUserField('Qwil_Organisation__c')).toBe(false);
    });

    it('a Contact custom field without any grant: not accessible to a standard user, accessible to the System Administrator', async () => {
        const { run } = fixtureOrg(false);
        expect(await run(olivia, 'contactField')).toMatchObject({
            ok: true,
            value: { accessible: false, updateable: false }
        });
        expect(await run(sofia, 'contactField')).toEqual({
            ok: true,
            value: { type: 'string', label: 'Qwil Client ID', accessible: true, updateable: true }
        });
    });

    it('a read-only grant makes the field accessible but not updateable', async () => {
        expect(await fixtureOrg(true).run(olivia, 'contactField')).toMatchObject({
            ok: true,
            value: { accessible: true, updateable: false }
        });
    });

    it('mirrors a Contact custom field on Account as __pc, with the Contact field’s type, label and security', async () => {
        const closed = fixtureOrg(false);
        const granted = fixtureOrg(true);
        expect(await closed.run(olivia, 'personAccountField')).toEqual({
            ok: true,
            value: { type: 'string', label: 'Qwil Client ID', accessible: false, updateable: false }
        });
        expect(await granted.run(olivia, 'personAccountField')).toMatchObject({
            ok: true,
            value: { accessible: true, updateable: false }
        });
    });

    it('shows an update of the hidden Contact’s __c field on the Person Account’s __pc field', async () => {
        let personContact = '';
        const { run, org } = fixtureOrg(true, {
            write: async ({ database }) => {
                database.updateById('Contact', personContact, { Qwil_Client_Id__c: 'client-uuid-2' }, 'SYSTEM_MODE');
                return null;
            }
        });
        const personAccount = org.records.all('Account').find((account) => account['IsPersonAccount'] === true);
        personContact = String(personAccount?.['PersonContactId']);
        expect(await run(olivia, 'write')).toEqual({ ok: true, value: null });
        expect(org.records.get(personAccount?.Id ?? '')?.['Qwil_Client_Id__pc']).toBe('client-uuid-2');
    });

    it('imports a Person Account’s __pc value into its hidden Contact’s __c field', () => {
        const { org } = fixtureOrg(true);
        const personAccount = org.records.all('Account').find((account) => account['IsPersonAccount'] === true);
        expect(personAccount?.['Qwil_Client_Id__pc']).toBe('client-uuid-1');
        expect(org.records.get(String(personAccount?.['PersonContactId']))?.['Qwil_Client_Id__c']).toBe(
            'client-uuid-1'
        );
    });
});

describe('custom field values in DML and queries', () => {
    const organisation =
        (value: string): Step =>
        async ({ database, userInfo }) => {
            database.updateById('User', userInfo.getUserId(), { Qwil_Organisation__c: value }, 'USER_MODE');
            return null;
        };

    it('lets a user remember an organisation on their own User record in user mode', async () => {
        const { run, org } = createScriptedOrg({ remember: organisation('7b0e3c52-9a51-4f7e-8d8e-3f1d2b6c9a10') });
        expect(await run(james, 'remember')).toEqual({ ok: true, value: null });
        expect(org.requireUser(james)['Qwil_Organisation__c']).toBe('7b0e3c52-9a51-4f7e-8d8e-3f1d2b6c9a10');
    });

    it('refuses a value longer than the field’s length with STRING_TOO_LONG', async () => {
        const { run } = createScriptedOrg({ remember: organisation('x'.repeat(256)) });
        expect(await run(james, 'remember')).toMatchObject({
            ok: false,
            error: {
                body: {
                    exceptionType: 'System.DmlException',
                    message: expect.stringContaining('STRING_TOO_LONG, Qwil Organisation: data value too large')
                }
            }
        });
    });

    it('user mode: refuses to write a field the user may only read, with INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
        let whitfield = '';
        const { run, contactId } = fixtureOrg(true, {
            write: async ({ database }) => {
                database.updateById('Contact', whitfield, { Qwil_Client_Id__c: 'client-uuid-2' }, 'USER_MODE');
                return null;
            }
        });
        whitfield = contactId('Whitfield');
        expect(await run(olivia, 'write')).toMatchObject({
            ok: false,
            error: {
                body: {
                    exceptionType: 'System.DmlException',
                    message: expect.stringContaining(
                        'INVALID_FIELD_FOR_INSERT_UPDATE, Unable to create/update fields: Qwil_Client_Id__c.'
                    )
                }
            }
        });
    });

    it('fails a user-mode query naming a custom field the user cannot read', async () => {
        let whitfield = '';
        const { run, contactId } = fixtureOrg(false, {
            query: async ({ database }) => database.queryById('Contact', whitfield, ['Qwil_Client_Id__c'], 'USER_MODE')
        });
        whitfield = contactId('Whitfield');
        expect(await run(olivia, 'query')).toMatchObject({
            ok: false,
            error: {
                body: {
                    exceptionType: 'System.QueryException',
                    message: 'Insufficient permissions: secure query included inaccessible field'
                }
            }
        });
    });
});

describe('custom field files', () => {
    function packageWith(fileName: string, xml: string): string {
        const root = mkdtempSync(path.join(tmpdir(), 'custom-field-file-'));
        mkdirSync(path.join(root, 'objects', 'Contact', 'fields'), { recursive: true });
        writeFileSync(path.join(root, 'objects', 'Contact', 'fields', fileName), xml);
        return root;
    }

    it.each([
        ['Text', 'string', '<length>10</length>'],
        ['TextArea', 'textarea', ''],
        ['LongTextArea', 'textarea', '<length>32768</length>'],
        ['Email', 'email', ''],
        ['Phone', 'phone', ''],
        ['Url', 'url', ''],
        ['Picklist', 'picklist', ''],
        ['Checkbox', 'boolean', ''],
        ['Number', 'double', ''],
        ['Percent', 'percent', ''],
        ['Currency', 'currency', ''],
        ['Date', 'date', ''],
        ['DateTime', 'datetime', ''],
        ['Lookup', 'reference', '']
    ])('describes a %s field as %s (Schema.DisplayType)', (sourceType, describeType, extra) => {
        const root = packageWith('A__c.field-meta.xml', field('A__c', sourceType, `<label>A</label>${extra}`));
        expect(loadCustomFields(root, ['Contact']).get('Contact')?.[0]?.type).toBe(describeType);
    });

    it('gives a Text Area its fixed 255 characters', () => {
        expect(
            loadCustomFields(packageWith('A__c.field-meta.xml', field('A__c', 'TextArea', '<label>A</label>')), [
                'Contact'
            ]).get('Contact')?.[0]?.length
        ).toBe(255);
    });

    it('names the file and the type when a field type is not emulated', () => {
        const root = packageWith('Shape__c.field-meta.xml', field('Shape__c', 'Location', '<label>Shape</label>'));
        expect(() => loadCustomFields(root, ['Contact'])).toThrow(
            /Shape__c\.field-meta\.xml: field type "Location" is not emulated/
        );
    });

    it('names the file when the label is missing or the name does not match', () => {
        expect(() =>
            loadCustomFields(packageWith('A__c.field-meta.xml', field('A__c', 'Text', '<length>5</length>')), [
                'Contact'
            ])
        ).toThrow(/A__c\.field-meta\.xml: a custom field needs a <label>/);
        expect(() =>
            loadCustomFields(packageWith('A__c.field-meta.xml', field('B__c', 'Checkbox', '<label>B</label>')), [
                'Contact'
            ])
        ).toThrow(/<fullName> B__c does not match the file name/);
    });

    it('requires a Text field to declare its length', () => {
        expect(() =>
            loadCustomFields(packageWith('A__c.field-meta.xml', field('A__c', 'Text', '<label>A</label>')), ['Contact'])
        ).toThrow(/<length> must be a positive whole number/);
    });
});
