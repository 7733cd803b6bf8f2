import { SEED_SETTINGS_FORM } from './settingsForms';

/**
 * What a forged request tries to post to the connector settings' edit form: the seed's values with
 * Client Chat History Visible switched to View All (the seed has View Own Chats), so a change shows.
 */
export const SETTINGS_EDIT_PATH = '/setup/custom-metadata/Qwil_Messenger/Qwil/edit';

export const VIEW_ALL_SETTINGS_FORM: Readonly<Record<string, string>> = {
    ...SEED_SETTINGS_FORM,
    Client_Chat_History_Visible__c: 'View All'
};
