import { regionOfQwilUrl, validateNamedCredentialForm, type NamedCredentialFormInput } from '../namedCredentialForm';

// Setup > Named Credentials for the connector (guide, step 3).
const GUIDE_VALUES: NamedCredentialFormInput = {
    label: 'Qwil Messenger Salesforce Connector',
    name: 'Qwil_Messenger_Salesforce_Connector',
    url: 'https://eu.qwil.io/',
    identityType: 'Named Principal',
    username: 'sys_key',
    password: 'the-secret',
    generateAuthorizationHeader: 'on',
    allowMergeFieldsInHeader: 'on'
};

const errorsOf = (changes: NamedCredentialFormInput, stored?: { username: string; password: string }) => {
    const result = validateNamedCredentialForm({ ...GUIDE_VALUES, ...changes }, stored);
    return result.ok ? {} : Object.fromEntries(result.errors);
};

it('accepts the guide’s values: the definition without secrets, the principal for the store', () => {
    const result = validateNamedCredentialForm(GUIDE_VALUES, undefined);
    expect(result).toEqual({
        ok: true,
        definition: {
            name: 'Qwil_Messenger_Salesforce_Connector',
            label: 'Qwil Messenger Salesforce Connector',
            endpoint: 'https://eu.qwil.io',
            generateAuthorizationHeader: true,
            allowMergeFieldsInHeader: true,
            allowMergeFieldsInBody: false
        },
        principal: { username: 'sys_key', password: 'the-secret' }
    });
});

it('says so when the label or name is not exactly what the connector calls', () => {
    expect(errorsOf({ label: 'Qwil', name: 'Qwil' })).toEqual({
        label: 'Label must be exactly "Qwil Messenger Salesforce Connector" for the connector to work, not "Qwil".',
        name: 'Name must be exactly Qwil_Messenger_Salesforce_Connector: the connector calls callout:Qwil_Messenger_Salesforce_Connector, not Qwil.'
    });
});

it('needs https://<region>.qwil.io, Named Principal and both header options', () => {
    expect(
        Object.keys(
            errorsOf({
                url: 'http://eu.qwil.io',
                identityType: 'Per User',
                generateAuthorizationHeader: undefined,
                allowMergeFieldsInHeader: undefined
            })
        )
    ).toEqual(['url', 'identityType', 'generateAuthorizationHeader', 'allowMergeFieldsInHeader']);
    expect(regionOfQwilUrl('https://eu-2.qwil.io')).toBe('eu-2');
    expect(regionOfQwilUrl('https://eu.qwil.io.example.com')).toBeNull();
});

it('keeps the stored password when the field is left blank, and needs one when none is stored', () => {
    expect(errorsOf({ password: '' })).toEqual({
        password: 'Password is required: paste the System API Key Secret from step 2.'
    });
    const kept = validateNamedCredentialForm(
        { ...GUIDE_VALUES, password: '' },
        { username: 'sys_old', password: 'old-secret' }
    );
    expect(kept.ok && kept.principal).toEqual({ username: 'sys_key', password: 'old-secret' });
});

it('never puts the password into an error message', () => {
    const result = validateNamedCredentialForm({ ...GUIDE_VALUES, name: 'Wrong', url: 'nope' }, undefined);
    expect(JSON.stringify(result.ok ? null : [...result.errors])).not.toContain('the-secret');
});
