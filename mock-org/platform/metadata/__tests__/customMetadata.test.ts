import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../projectRoot';
import { SEED_USERS, createScriptedOrg, fixtureProject, metadataXml } from '../../../testing/probeOrg';
import { CUSTOM_METADATA_TEXT_LIMIT, CustomMetadataRepository } from '../customMetadata';

// Rules from platform.md §4 (checklist item 10).
const FIELD = (name: string, type: string, extra = '') =>
    `<?xml version="1.0" encoding="UTF-8"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName><label>${name}</label>${extra}<type>${type}</type></CustomField>`;

function fixture(recordValues: string, fields: Record<string, string> = {}): string {
    const root = mkdtempSync(path.join(tmpdir(), 'cmdt-'));
    const typeDir = path.join(root, 'objects', 'Sample__mdt');
    mkdirSync(path.join(typeDir, 'fields'), { recursive: true });
    mkdirSync(path.join(root, 'customMetadata'));
    writeFileSync(
        path.join(typeDir, 'Sample__mdt.object-meta.xml'),
        '<?xml version="1.0"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Sample</label></CustomObject>'
    );
    const allFields = {
        Notes__c: FIELD('Notes__c', 'LongTextArea'),
        Enabled__c: FIELD('Enabled__c', 'Checkbox'),
        Mode__c: FIELD(
            'Mode__c',
            'Picklist',
            '<valueSet><valueSetDefinition><value><fullName>A</fullName></value><value><fullName>B</fullName></value></valueSetDefinition></valueSet>'
        ),
        ...fields
    };
    for (const [name, xml] of Object.entries(allFields))
        writeFileSync(path.join(typeDir, 'fields', `${name}.field-meta.xml`), xml);
    writeFileSync(
        path.join(root, 'customMetadata', 'Sample.Main.md-meta.xml'),
        `<?xml version="1.0" encoding="UTF-8"?><CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><label>Main</label>${recordValues}</CustomMetadata>`
    );
    return root;
}

const value = (field: string, xml: string) => `<values><field>${field}</field>${xml}</values>`;

describe('custom metadata loaded from source XML', () => {
    it('reads the connector record of force-app with typed values', () => {
        const repository = new CustomMetadataRepository(path.join(PROJECT_ROOT, 'force-app', 'main', 'default'));
        const record = repository.getInstance('Qwil_Messenger__mdt', 'Qwil');
        expect(record?.MasterLabel).toBe('Qwil');
        expect(record?.values['Client_Lookup_Type__c']).toBe('Salesforce Record ID');
        expect(record?.values['Using_Super_API_Key__c']).toBe(false);
        expect(repository.getAll('Qwil_Messenger__mdt').has('Qwil')).toBe(true);
    });

    it('returns null from getInstance for a record that does not exist', () => {
        const repository = new CustomMetadataRepository(fixture(''));
        expect(repository.getInstance('Sample__mdt', 'Other')).toBeNull();
    });

    it('turns xsi:nil and absent values into null and booleans into booleans', () => {
        const repository = new CustomMetadataRepository(
            fixture(
                value('Notes__c', '<value xsi:nil="true"/>') +
                    value('Enabled__c', '<value xsi:type="xsd:boolean">true</value>')
            )
        );
        const record = repository.getInstance('Sample__mdt', 'Main');
        expect(record?.values).toEqual({ Notes__c: null, Enabled__c: true, Mode__c: null });
    });

    it(`truncates long text to ${CUSTOM_METADATA_TEXT_LIMIT} characters in getInstance and getAll`, () => {
        const long = 'x'.repeat(300);
        const repository = new CustomMetadataRepository(
            fixture(value('Notes__c', `<value xsi:type="xsd:string">${long}</value>`))
        );
        expect(repository.getInstance('Sample__mdt', 'Main')?.values['Notes__c']).toHaveLength(255);
        expect(repository.getAll('Sample__mdt').get('Main')?.values['Notes__c']).toHaveLength(255);
    });

    it('names the file and the field when a value has the wrong xsi:type', () => {
        const root = fixture(value('Enabled__c', '<value xsi:type="xsd:string">yes</value>'));
        expect(() => new CustomMetadataRepository(root)).toThrow(
            /Sample\.Main\.md-meta\.xml: field Enabled__c is Checkbox, so its value needs xsi:type="xsd:boolean"/
        );
    });

    it('names the file and the field when a picklist value is not allowed', () => {
        const root = fixture(value('Mode__c', '<value xsi:type="xsd:string">C</value>'));
        expect(() => new CustomMetadataRepository(root)).toThrow(/field Mode__c must be one of "A", "B", found "C"/);
    });

    it('names the file and the line of malformed XML', () => {
        const root = fixture('<values><field>Notes__c</field><value>broken</values>');
        expect(() => new CustomMetadataRepository(root)).toThrow(/Sample\.Main\.md-meta\.xml: malformed XML at line 1/);
    });

    it('rejects a value for a field the type does not declare', () => {
        const root = fixture(value('Unknown__c', '<value xsi:type="xsd:string">x</value>'));
        expect(() => new CustomMetadataRepository(root)).toThrow(/unknown field "Unknown__c" for Sample__mdt/);
    });
});

describe('custom metadata in Apex (platform.md §4.5)', () => {
    it('is read by getInstance whatever custom metadata access the running user has', async () => {
        const project = fixtureProject({
            'objects/Sample__mdt/Sample__mdt.object-meta.xml': metadataXml('CustomObject', '<label>Sample</label>'),
            'objects/Sample__mdt/fields/Mode__c.field-meta.xml': FIELD('Mode__c', 'Text'),
            'customMetadata/Sample.Main.md-meta.xml':
                '<?xml version="1.0" encoding="UTF-8"?><CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
                '<label>Main</label><values><field>Mode__c</field><value xsi:type="xsd:string">live</value></values></CustomMetadata>',
            'permissionsets/Qwil_Messenger_User.permissionset-meta.xml': metadataXml(
                'PermissionSet',
                '<classAccesses><apexClass>QwilConnectorController</apexClass><enabled>true</enabled></classAccesses><label>Qwil Messenger User</label>'
            )
        });
        const { run, org } = createScriptedOrg(
            {
                read: async ({ customMetadata }) => customMetadata.getInstance('Sample__mdt', 'Main')?.values['Mode__c']
            },
            {},
            project
        );
        expect(org.accessOf(org.requireUser(SEED_USERS.james).Id).canReadCustomMetadataType('Sample__mdt')).toBe(false);
        expect(await run(SEED_USERS.james, 'read')).toEqual({ ok: true, value: 'live' });
    });
});
