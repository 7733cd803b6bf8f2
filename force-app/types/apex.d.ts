// Generated from the controllers by scripts/contracts/apexTypes.ts: do not edit by hand (`npx tsx
// scripts/contracts/apexTypes.ts` writes it; its test fails when it differs). Each method points at its
// parameter and result schemas in force-app/server/contracts, where they are declared once.

type ApexMethod<Params extends import('zod').ZodType, Result extends import('zod').ZodType> = (
    params: import('zod').input<Params>
) => Promise<import('zod').output<Result>>;
type ChatsContract = typeof import('../server/contracts/QwilChatsController');
type ConnectorContract = typeof import('../server/contracts/QwilConnectorController');
type ContactGroupsContract = typeof import('../server/contracts/QwilContactGroupsController');
type LinkClientsContract = typeof import('../server/contracts/QwilLinkClientsController');
type ExactlyOnceContract = typeof import('../server/contracts/exactlyOnce');

declare module '@salesforce/apex/QwilConnectorController.loadTab' {
    const method: ApexMethod<ConnectorContract['RecordParams'], ConnectorContract['TabState']>;
    export default method;
}
declare module '@salesforce/apex/QwilConnectorController.chooseOrganisation' {
    const method: ApexMethod<ConnectorContract['ChooseOrganisationParams'], import('zod').ZodNull>;
    export default method;
}
declare module '@salesforce/apex/QwilConnectorController.checkInvitationPhone' {
    const method: ApexMethod<ConnectorContract['CheckPhoneParams'], ConnectorContract['PhoneCheck']>;
    export default method;
}
declare module '@salesforce/apex/QwilConnectorController.searchInviteGroups' {
    const method: ApexMethod<ConnectorContract['SearchParams'], ConnectorContract['GroupOptions']>;
    export default method;
}
declare module '@salesforce/apex/QwilConnectorController.searchActiveStaff' {
    const method: ApexMethod<ConnectorContract['SearchParams'], ConnectorContract['StaffOptions']>;
    export default method;
}
declare module '@salesforce/apex/QwilConnectorController.inviteClient' {
    const method: ApexMethod<ConnectorContract['InviteClientParams'], ConnectorContract['TabState']>;
    export default method;
}
declare module '@salesforce/apex/QwilConnectorController.resendInvitation' {
    const method: ApexMethod<ConnectorContract['RecordParams'], ConnectorContract['TabState']>;
    export default method;
}
declare module '@salesforce/apex/QwilConnectorController.updateInvitationPhone' {
    const method: ApexMethod<ConnectorContract['UpdatePhoneParams'], ConnectorContract['TabState']>;
    export default method;
}
declare module '@salesforce/apex/QwilConnectorController.beginWrite' {
    const method: ApexMethod<ExactlyOnceContract['BeginWriteParams'], ExactlyOnceContract['WriteClaim']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.loadContactGroups' {
    const method: ApexMethod<ContactGroupsContract['ContactGroupsParams'], ContactGroupsContract['ContactGroupsView']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.openContactGroup' {
    const method: ApexMethod<ContactGroupsContract['GroupParams'], ContactGroupsContract['ContactGroupDetail']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.searchJoinableGroups' {
    const method: ApexMethod<ContactGroupsContract['SearchGroupsParams'], ContactGroupsContract['JoinableGroups']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.addStaffMembers' {
    const method: ApexMethod<ContactGroupsContract['AddStaffParams'], ContactGroupsContract['ContactGroupsChange']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.removeStaffMember' {
    const method: ApexMethod<ContactGroupsContract['StaffMemberParams'], ContactGroupsContract['ContactGroupsChange']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.addClientToGroup' {
    const method: ApexMethod<ContactGroupsContract['GroupParams'], ContactGroupsContract['ContactGroupsChange']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.removeClientFromGroup' {
    const method: ApexMethod<ContactGroupsContract['GroupParams'], ContactGroupsContract['ContactGroupsChange']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.createContactGroup' {
    const method: ApexMethod<ContactGroupsContract['CreateGroupParams'], ContactGroupsContract['ContactGroupsChange']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.updateContactGroup' {
    const method: ApexMethod<ContactGroupsContract['UpdateGroupParams'], ContactGroupsContract['ContactGroupsChange']>;
    export default method;
}
declare module '@salesforce/apex/QwilContactGroupsController.deleteContactGroup' {
    const method: ApexMethod<ContactGroupsContract['GroupParams'], ContactGroupsContract['ContactGroupsChange']>;
    export default method;
}
declare module '@salesforce/apex/QwilChatsController.listChats' {
    const method: ApexMethod<ChatsContract['ChatListParams'], ChatsContract['ChatListPage']>;
    export default method;
}
declare module '@salesforce/apex/QwilChatsController.openChat' {
    const method: ApexMethod<ChatsContract['ChatParams'], ChatsContract['OpenedChat']>;
    export default method;
}
declare module '@salesforce/apex/QwilChatsController.loadOlderMessages' {
    const method: ApexMethod<ChatsContract['OlderMessagesParams'], ChatsContract['MessagePage']>;
    export default method;
}
declare module '@salesforce/apex/QwilChatsController.loadNewMessages' {
    const method: ApexMethod<ChatsContract['NewMessagesParams'], ChatsContract['NewMessages']>;
    export default method;
}
declare module '@salesforce/apex/QwilChatsController.sendMessage' {
    const method: ApexMethod<ChatsContract['SendMessageParams'], ChatsContract['SentMessage']>;
    export default method;
}
declare module '@salesforce/apex/QwilChatsController.exportChat' {
    const method: ApexMethod<ChatsContract['ExportChatParams'], ChatsContract['ExportChatResult']>;
    export default method;
}
declare module '@salesforce/apex/QwilChatsController.startChat' {
    const method: ApexMethod<ChatsContract['StartChatParams'], ChatsContract['StartedChat']>;
    export default method;
}
declare module '@salesforce/apex/QwilLinkClientsController.startLinking' {
    const method: ApexMethod<LinkClientsContract['StartLinkingParams'], LinkClientsContract['LinkingJob']>;
    export default method;
}
declare module '@salesforce/apex/QwilLinkClientsController.applyLinking' {
    const method: ApexMethod<LinkClientsContract['ApplyLinkingParams'], LinkClientsContract['LinkingJob']>;
    export default method;
}
declare module '@salesforce/apex/QwilLinkClientsController.linkingJobStatus' {
    const method: ApexMethod<LinkClientsContract['LinkingJobParams'], LinkClientsContract['LinkingJobStatus']>;
    export default method;
}
declare module '@salesforce/apex/QwilLinkClientsController.linkingPlan' {
    const method: ApexMethod<LinkClientsContract['LinkingPlanParams'], LinkClientsContract['LinkingPlanPage']>;
    export default method;
}
declare module '@salesforce/apex/QwilLinkClientsController.stopLinking' {
    const method: ApexMethod<LinkClientsContract['LinkingJobParams'], import('zod').ZodNull>;
    export default method;
}
