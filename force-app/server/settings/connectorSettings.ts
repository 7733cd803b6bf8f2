import { z } from 'zod';
import type { ApexContext, CustomMetadataRecord } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';

export const SETTINGS_TYPE = 'Qwil_Messenger__mdt';
export const SETTINGS_RECORD = 'Qwil';

const fieldApiName = z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a field API name such as Email or Client_Email__c');
const requiredFieldApiName = z.string({ error: 'is required' }).pipe(fieldApiName);

/** Labels as the admin sees them in Setup, so a configuration error names the field they must fix. */
export const SETTING_LABELS = {
    Client_Email_API_Field_Name__c: 'Client Email API Field Name',
    Staff_ID_Field_API_Name__c: 'Staff ID Field API Name',
    Using_Super_API_Key__c: 'Using Super API Key',
    Client_Chat_History_Visible__c: 'Client Chat History Visible',
    Qwil_Region__c: 'Qwil Region',
    Client_Lookup_Type__c: 'Client Lookup Type',
    Client_First_Name_Field_API_Name__c: 'Client First Name Field API Name',
    Client_Last_Name_Field_API_Name__c: 'Client Last Name Field API Name',
    Default_Client_Job_Title__c: 'Default Client Job Title',
    Client_Invitation_Phone_No_Field_Api_Name__c: 'Client Invitation Phone No.Field ApiName',
    Staff_Can_Edit_Invitation_Phone_Number__c: 'Staff Can Edit Invitation Phone Number',
    Default_Contact_Group_Name__c: 'Default Contact Group Name',
    Add_Inviting_User_Into_New_Groups__c: 'Add inviting user into new groups'
} as const;
export type SettingField = keyof typeof SETTING_LABELS;

const optionalText = z
    .string()
    .nullable()
    .transform((value) => (value === null || value.trim() === '' ? null : value.trim()));

const SettingsRecord = z.object({
    Client_Email_API_Field_Name__c: requiredFieldApiName,
    Staff_ID_Field_API_Name__c: requiredFieldApiName,
    Using_Super_API_Key__c: z
        .boolean()
        .nullable()
        .transform((value) => value === true),
    Client_Chat_History_Visible__c: z.enum(['View All', 'View Own Chats'], {
        error: 'must be View All or View Own Chats'
    }),
    Qwil_Region__c: z
        .string({ error: 'is required' })
        .regex(
            /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
            'must be a region name such as eu (lower-case letters, digits and hyphens)'
        ),
    Client_Lookup_Type__c: z.enum(['Email', 'Salesforce Record ID'], {
        error: 'must be Email or Salesforce Record ID'
    }),
    Client_First_Name_Field_API_Name__c: requiredFieldApiName,
    Client_Last_Name_Field_API_Name__c: requiredFieldApiName,
    Default_Client_Job_Title__c: optionalText,
    Client_Invitation_Phone_No_Field_Api_Name__c: fieldApiName.nullable(),
    Staff_Can_Edit_Invitation_Phone_Number__c: z
        .boolean()
        .nullable()
        .transform((value) => value === true),
    Default_Contact_Group_Name__c: optionalText,
    Add_Inviting_User_Into_New_Groups__c: z
        .boolean()
        .nullable()
        .transform((value) => value === true)
});

/** The connector settings, parsed and validated from the `Qwil_Messenger__mdt` record named Qwil. */
export interface ConnectorSettings {
    readonly clientEmailField: string;
    readonly staffIdField: string;
    readonly usingSuperApiKey: boolean;
    readonly chatHistoryVisible: 'View All' | 'View Own Chats';
    readonly region: string;
    readonly clientLookupType: 'Email' | 'Salesforce Record ID';
    readonly clientFirstNameField: string;
    readonly clientLastNameField: string;
    readonly defaultClientJobTitle: string | null;
    readonly clientInvitationPhoneField: string | null;
    readonly staffCanEditInvitationPhone: boolean;
    readonly defaultContactGroupName: string | null;
    readonly addInvitingUserIntoNewGroups: boolean;
}

/** A settings problem an administrator must fix; staff users only learn that the connector is not configured. */
export class ConfigurationError extends Error {
    override readonly name = 'ConfigurationError';
}

const NOT_CONFIGURED_FOR_STAFF = 'Qwil Messenger is not configured, ask your administrator.';
const WHERE_TO_FIX = `Fix it in Setup: Custom Metadata Types > Qwil Messenger > Manage Records > ${SETTINGS_RECORD}.`;

/** What the running user is told about a configuration error: admins get the field and the fix. */
export function configurationMessage(context: ApexContext, error: ConfigurationError): string {
    return context.userInfo.hasUserPermission('CustomizeApplication')
        ? `Qwil Messenger is not configured: ${error.message} ${WHERE_TO_FIX}`
        : NOT_CONFIGURED_FOR_STAFF;
}

export function parseConnectorSettings(record: CustomMetadataRecord | null): ConnectorSettings {
    if (!record) throw new ConfigurationError(`there is no ${SETTINGS_TYPE} record named ${SETTINGS_RECORD}.`);
    const parsed = SettingsRecord.safeParse(record.values);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => {
            const field = issue.path[0] as SettingField;
            return `${SETTING_LABELS[field] ?? String(field)} ${issue.message}`;
        });
        throw new ConfigurationError(`${problems.join('; ')}.`);
    }
    const values = parsed.data;
    return {
        clientEmailField: values.Client_Email_API_Field_Name__c,
        staffIdField: values.Staff_ID_Field_API_Name__c,
        usingSuperApiKey: values.Using_Super_API_Key__c,
        chatHistoryVisible: values.Client_Chat_History_Visible__c,
        region: values.Qwil_Region__c,
        clientLookupType: values.Client_Lookup_Type__c,
        clientFirstNameField: values.Client_First_Name_Field_API_Name__c,
        clientLastNameField: values.Client_Last_Name_Field_API_Name__c,
        defaultClientJobTitle: values.Default_Client_Job_Title__c,
        clientInvitationPhoneField: values.Client_Invitation_Phone_No_Field_Api_Name__c,
        staffCanEditInvitationPhone: values.Staff_Can_Edit_Invitation_Phone_Number__c,
        defaultContactGroupName: values.Default_Contact_Group_Name__c,
        addInvitingUserIntoNewGroups: values.Add_Inviting_User_Into_New_Groups__c
    };
}

/** Reads and validates the settings once per transaction; a bad record becomes a message the user can act on. */
export function loadConnectorSettings(context: ApexContext): ConnectorSettings {
    try {
        return parseConnectorSettings(context.customMetadata.getInstance(SETTINGS_TYPE, SETTINGS_RECORD));
    } catch (error) {
        if (error instanceof ConfigurationError) throw new AuraHandledException(configurationMessage(context, error));
        throw error;
    }
}
