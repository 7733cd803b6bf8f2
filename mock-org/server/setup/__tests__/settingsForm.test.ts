import { apexClasses } from '../../../../force-app/server';
import { createMemoryCredentialStore } from '../../../platform/callouts/credentialStore';
import { MockOrg } from '../../../platform/mockOrg';
import { PROJECT_ROOT } from '../../../projectRoot';
import { GUIDE_SETTINGS_FORM } from '../../../testing/settingsForms';
import { requiredSettingFields, validateSettingsForm, type SettingsFormInput } from '../settingsForm';

// Custom Metadata Types > Qwil Messenger > New / Edit: what the Save button accepts (issue #8, item 1).
const org = new MockOrg({ projectRoot: PROJECT_ROOT, credentials: createMemoryCredentialStore(), apexClasses });
const type = org.customMetadata.getType('Qwil_Messenger__mdt');
if (!type) throw new Error('No Qwil_Messenger__mdt in force-app');

const validate = (changes: SettingsFormInput, existing: string[] = [], editing: string | null = null) =>
    validateSettingsForm(type, org.schema, { ...GUIDE_SETTINGS_FORM, ...changes }, new Set(existing), editing);

function errorsOf(
    changes: SettingsFormInput,
    existing: string[] = [],
    editing: string | null = null
): Record<string, string> {
    const result = validate(changes, existing, editing);
    return result.ok ? {} : Object.fromEntries(result.errors);
}

it('accepts the guide’s record and turns checkboxes into booleans and blank text into null', () => {
    const result = validate({ Default_Client_Job_Title__c: '  ', Using_Super_API_Key__c: undefined });
    expect(result).toMatchObject({ ok: true, record: { developerName: 'Qwil', label: 'Qwil' } });
    if (!result.ok) return;
    expect(result.record.values).toMatchObject({
        Default_Client_Job_Title__c: null,
        Using_Super_API_Key__c: false,
        Add_Inviting_User_Into_New_Groups__c: true,
        Qwil_Region__c: 'eu'
    });
});

it('reports each missing required value by its Setup label', () => {
    expect(
        errorsOf({ Staff_ID_Field_API_Name__c: '', Client_Lookup_Type__c: '', label: '', developerName: '' })
    ).toEqual({
        label: 'Label is required.',
        developerName: 'Qwil Messenger Name is required.',
        Staff_ID_Field_API_Name__c: 'Staff ID Field API Name is required.',
        Client_Lookup_Type__c: 'Client Lookup Type must be Email or Salesforce Record ID.'
    });
});

it('refuses a region that is not a host label', () => {
    expect(errorsOf({ Qwil_Region__c: 'eu.qwil.io' })).toEqual({
        Qwil_Region__c: 'Qwil Region must be a region name such as eu (lower-case letters, digits and hyphens).'
    });
});

it('refuses field API names that do not exist on User, Contact or Person Account, or whose type does not fit', () => {
    expect(
        errorsOf({
            Staff_ID_Field_API_Name__c: 'Badge__c',
            Client_First_Name_Field_API_Name__c: 'Email',
            Client_Invitation_Phone_No_Field_Api_Name__c: 'Phone'
        })
    ).toEqual({
        Staff_ID_Field_API_Name__c: 'Staff ID Field API Name names Badge__c, which does not exist on User.',
        Client_First_Name_Field_API_Name__c:
            'Client First Name Field API Name names Contact.Email, of type email; it must be a text field.',
        Client_Invitation_Phone_No_Field_Api_Name__c:
            'Client Invitation Phone No.Field ApiName names PersonPhone, which does not exist on Person Account.'
    });
});

it('refuses a field API name that is not one, using the connector’s own message', () => {
    expect(errorsOf({ Client_Email_API_Field_Name__c: 'E-mail' })['Client_Email_API_Field_Name__c']).toBe(
        'Client Email API Field Name must be a field API name such as Email or Client_Email__c.'
    );
});

it('checks the record name: Salesforce’s developer-name rules, 40 characters, unique unless it is the record being edited', () => {
    expect(errorsOf({ developerName: 'Qwil__Main' })['developerName']).toContain('single underscores');
    expect(errorsOf({ developerName: 'Q'.repeat(41) })['developerName']).toContain('at most 40 characters');
    expect(errorsOf({ label: 'L'.repeat(41) })['label']).toBe('Label must be at most 40 characters.');
    expect(errorsOf({}, ['Qwil'])['developerName']).toBe(
        'A Qwil Messenger record named Qwil already exists: edit it instead.'
    );
    expect(errorsOf({}, ['Qwil'], 'Qwil')).toEqual({});
});

it('marks as required exactly the settings the connector refuses to run without', () => {
    expect([...requiredSettingFields(type)].sort()).toEqual([
        'Client_Chat_History_Visible__c',
        'Client_Email_API_Field_Name__c',
        'Client_First_Name_Field_API_Name__c',
        'Client_Last_Name_Field_API_Name__c',
        'Client_Lookup_Type__c',
        'Qwil_Region__c',
        'Staff_ID_Field_API_Name__c'
    ]);
});
