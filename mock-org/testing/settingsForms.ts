/**
 * The connector settings record (`Qwil_Messenger.Qwil`) as its Setup form posts it: the seed's values,
 * which are the installation guide's required fields.
 */
export const SEED_SETTINGS_FORM: Readonly<Record<string, string>> = {
    label: 'Qwil',
    developerName: 'Qwil',
    Client_Email_API_Field_Name__c: 'Email',
    Staff_ID_Field_API_Name__c: 'FederationIdentifier',
    Client_Chat_History_Visible__c: 'View Own Chats',
    Qwil_Region__c: 'eu',
    Client_Lookup_Type__c: 'Salesforce Record ID',
    Client_First_Name_Field_API_Name__c: 'FirstName',
    Client_Last_Name_Field_API_Name__c: 'LastName',
    Client_Invitation_Phone_No_Field_Api_Name__c: 'MobilePhone'
};

/** The guide's record with its optional fields filled in too (checkboxes post `on`). */
export const GUIDE_SETTINGS_FORM: Readonly<Record<string, string>> = {
    ...SEED_SETTINGS_FORM,
    Default_Client_Job_Title__c: 'Client',
    Staff_Can_Edit_Invitation_Phone_Number__c: 'on',
    Default_Contact_Group_Name__c: 'Relationship',
    Add_Inviting_User_Into_New_Groups__c: 'on'
};
