/**
 * What a forged request tries to post to the connector settings' edit form: the seed's values with
 * Client Chat History Visible switched to View All (the seed has View Own Chats), so a change shows.
 */
export const SETTINGS_EDIT_PATH = '/setup/custom-metadata/Qwil_Messenger/Qwil/edit';

export const VIEW_ALL_SETTINGS_FORM: Readonly<Record<string, string>> = {
    label: 'Qwil',
    developerName: 'Qwil',
    Client_Email_API_Field_Name__c: 'Email',
    Staff_ID_Field_API_Name__c: 'FederationIdentifier',
    Client_Chat_History_Visible__c: 'View All',
    Qwil_Region__c: 'eu',
    Client_Lookup_Type__c: 'Salesforce Record ID',
    Client_First_Name_Field_API_Name__c: 'FirstName',
    Client_Last_Name_Field_API_Name__c: 'LastName',
    Client_Invitation_Phone_No_Field_Api_Name__c: 'MobilePhone'
};
