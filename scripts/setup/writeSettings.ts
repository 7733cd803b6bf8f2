// `npm run setup:metadata`: step 4 from the command line. Validates like Setup's New / Edit page and
// writes force-app/main/default/customMetadata/Qwil_Messenger.<Name>.md-meta.xml.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { apexClasses } from '../../force-app/server';
import { SETTINGS_TYPE } from '../../force-app/server/settings/connectorSettings';
import { createMemoryCredentialStore } from '../../mock-org/platform/callouts/credentialStore';
import { writeCustomMetadataRecord } from '../../mock-org/platform/metadata/customMetadataWriter';
import { MockOrg } from '../../mock-org/platform/mockOrg';
import { PROJECT_ROOT } from '../../mock-org/projectRoot';
import { validateSettingsForm } from '../../mock-org/server/setup/settingsForm';
import { PACKAGE_DIR, problemsText, runCommand, UsageError } from './cliSupport';

/** Option → field API name, in the guide's order. */
const TEXT_OPTIONS = {
    'client-email-field': 'Client_Email_API_Field_Name__c',
    'staff-id-field': 'Staff_ID_Field_API_Name__c',
    'chat-history': 'Client_Chat_History_Visible__c',
    region: 'Qwil_Region__c',
    'lookup-type': 'Client_Lookup_Type__c',
    'first-name-field': 'Client_First_Name_Field_API_Name__c',
    'last-name-field': 'Client_Last_Name_Field_API_Name__c',
    'job-title': 'Default_Client_Job_Title__c',
    'phone-field': 'Client_Invitation_Phone_No_Field_Api_Name__c',
    'group-name': 'Default_Contact_Group_Name__c'
} as const;
const FLAG_OPTIONS = {
    'super-key': 'Using_Super_API_Key__c',
    'staff-can-edit-phone': 'Staff_Can_Edit_Invitation_Phone_Number__c',
    'add-inviting-user': 'Add_Inviting_User_Into_New_Groups__c'
} as const;

const USAGE = `Usage: npm run setup:metadata -- [--label Qwil] [--name Qwil] --region <region> --staff-id-field <User field>
           --client-email-field <field> --first-name-field <field> --last-name-field <field>
           --chat-history "View All"|"View Own Chats" --lookup-type "Email"|"Salesforce Record ID"
           [--phone-field <field>] [--job-title <text>] [--group-name <text>]
           [--super-key] [--staff-can-edit-phone] [--add-inviting-user]
  A running dev server reads the record at its next start (or save it from Setup to apply at once).`;

async function main(): Promise<void> {
    const options: NonNullable<ParseArgsConfig['options']> = {
        label: { type: 'string', default: 'Qwil' },
        name: { type: 'string', default: 'Qwil' },
        ...Object.fromEntries(Object.keys(TEXT_OPTIONS).map((option) => [option, { type: 'string' as const }])),
        ...Object.fromEntries(
            Object.keys(FLAG_OPTIONS).map((option) => [option, { type: 'boolean' as const, default: false }])
        )
    };
    const { values } = parseArgs({ options });
    const input: Record<string, string | undefined> = {
        label: values['label'] as string,
        developerName: values['name'] as string
    };
    for (const [option, field] of Object.entries(TEXT_OPTIONS)) input[field] = values[option] as string | undefined;
    for (const [option, field] of Object.entries(FLAG_OPTIONS))
        input[field] = values[option] === true ? 'on' : undefined;

    const org = new MockOrg({ projectRoot: PROJECT_ROOT, credentials: createMemoryCredentialStore(), apexClasses });
    const type = org.customMetadata.getType(SETTINGS_TYPE);
    if (!type) throw new Error(`No custom metadata type ${SETTINGS_TYPE} in ${PACKAGE_DIR}`);
    const existing = new Set(org.customMetadata.getAll(SETTINGS_TYPE).keys());
    const editing = existing.has(input['developerName'] ?? '') ? (input['developerName'] ?? null) : null;
    const form = validateSettingsForm(type, org.schema, input, existing, editing);
    if (!form.ok) throw new UsageError(`Nothing was written:\n${problemsText(form.errors)}`);
    console.log(`Wrote ${writeCustomMetadataRecord(PACKAGE_DIR, type, form.record)}.`);
}

runCommand(main, USAGE);
