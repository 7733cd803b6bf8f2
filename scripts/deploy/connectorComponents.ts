/** A metadata component as `package.xml` lists it: `<types><members>fullName</members><name>type</name></types>`. */
export interface MetadataComponent {
    type: string;
    fullName: string;
}

// The settings fields of the installation guide's step 4, one per guide field.
const SETTINGS_FIELDS = [
    'Add_Inviting_User_Into_New_Groups__c',
    'Client_Chat_History_Visible__c',
    'Client_Email_API_Field_Name__c',
    'Client_First_Name_Field_API_Name__c',
    'Client_Invitation_Phone_No_Field_Api_Name__c',
    'Client_Last_Name_Field_API_Name__c',
    'Client_Lookup_Type__c',
    'Default_Client_Job_Title__c',
    'Default_Contact_Group_Name__c',
    'Qwil_Region__c',
    'Staff_Can_Edit_Invitation_Phone_Number__c',
    'Staff_ID_Field_API_Name__c',
    'Using_Super_API_Key__c'
];

/** What the connector package must contain besides its LWC bundles and Apex classes (which the check derives from the files). */
export const CONNECTOR_COMPONENTS: readonly MetadataComponent[] = [
    { type: 'CustomObject', fullName: 'Qwil_Messenger__mdt' },
    ...SETTINGS_FIELDS.map((field) => ({ type: 'CustomField', fullName: `Qwil_Messenger__mdt.${field}` })),
    { type: 'CustomMetadata', fullName: 'Qwil_Messenger.Qwil' },
    { type: 'NamedCredential', fullName: 'Qwil_Messenger_Salesforce_Connector' },
    { type: 'FlexiPage', fullName: 'Qwil_Contact_Record_Page' },
    { type: 'FlexiPage', fullName: 'Qwil_Person_Account_Record_Page' },
    { type: 'PermissionSet', fullName: 'Qwil_Messenger_User' },
    { type: 'PlatformCachePartition', fullName: 'QwilConnector' },
    { type: 'StaticResource', fullName: 'QwilScenarios' },
    { type: 'LightningComponentBundle', fullName: 'qwilChatTabsMenu' }
];
