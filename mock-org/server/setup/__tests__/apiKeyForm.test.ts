import { KEY_PERMISSIONS, MASTER_KEY_PERMISSIONS, parseCidrBlocks, validateApiKeyForm } from '../apiKeyForm';

// Qwil's "Create a System API Key" form (guide, step 2).
it('recommends the guide’s key: export unchecked; read-only, write-only and data reviewer checked', () => {
    expect(KEY_PERMISSIONS.map(({ label, recommended }) => [label, recommended])).toEqual([
        ['This key can export data', false],
        ['This key can perform read-only actions', true],
        ['This key can perform write-only actions', true],
        ['This key can perform data reviewer actions', true],
        ['This key can create SDK tokens', false]
    ]);
});

it('offers Qwil’s four Master User key flags, read-only and write-only chat checked', () => {
    expect(MASTER_KEY_PERMISSIONS.map(({ label, recommended }) => [label, recommended])).toEqual([
        ['This key can perform read-only chat actions', true],
        ['This key can perform write-only chat actions', true],
        ['This key can export data', false],
        ['This key can perform read-only contact actions', false]
    ]);
});

it('reads comma-separated IPv4 and IPv6 CIDR blocks, and names the first one that is not', () => {
    expect(parseCidrBlocks(' 13.108.0.0/14, 2001:db8::/32 ,')).toEqual({
        blocks: ['13.108.0.0/14', '2001:db8::/32'],
        problem: null
    });
    expect(parseCidrBlocks('13.108.0.0/14, 13.108.0.0, 300.1.1.1/8').problem).toBe(
        '"13.108.0.0" is not a CIDR block. Use an address and a prefix length, such as 13.108.0.0/14, separated by commas.'
    );
});

it('builds the key from the checked boxes only', () => {
    expect(
        validateApiKeyForm(
            { name: ' Salesforce ', cidrBlocks: '13.108.0.0/14', canReadOnly: 'on', canDataReview: 'on' },
            KEY_PERMISSIONS
        )
    ).toEqual({
        ok: true,
        key: {
            name: 'Salesforce',
            cidrBlocks: ['13.108.0.0/14'],
            canExportData: false,
            canReadOnly: true,
            canWriteOnly: false,
            canDataReview: true,
            canCreateSdkTokens: false
        }
    });
    expect(validateApiKeyForm({ name: 'Chat', canWriteChat: 'on', canReadOnly: 'on' }, MASTER_KEY_PERMISSIONS)).toEqual(
        {
            ok: true,
            key: {
                name: 'Chat',
                cidrBlocks: [],
                canReadChat: false,
                canWriteChat: true,
                canExportData: false,
                canReadContacts: false
            }
        }
    );
});

it('needs a name of at most 200 characters', () => {
    const errors = (name: string) => {
        const result = validateApiKeyForm({ name }, KEY_PERMISSIONS);
        return result.ok ? null : result.errors.get('name');
    };
    expect(errors('')).toContain('Name is required');
    expect(errors('n'.repeat(201))).toBe('Name must be at most 200 characters.');
});
