import {
    AddStaffParams,
    ContactGroupDetail,
    ContactGroupsChange,
    ContactGroupsParams,
    ContactGroupsView,
    CreateGroupParams,
    GroupParams,
    JoinableGroups,
    SearchGroupsParams,
    StaffMemberParams,
    UpdateGroupParams
} from '../contracts/QwilContactGroupsController';
import type { ApexClassDefinition } from '../platform/auraEnabled';
import { sessionMethod } from '../services/sessionMethod';
import {
    addStaffMembers,
    createGroup,
    deleteGroup,
    joinGroup,
    leaveGroup,
    removeStaffMember,
    updateGroup
} from '../services/contactGroupChanges';
import { contactGroupsView, joinableGroups, openGroup, readClientGroups } from '../services/contactGroups';

/**
 * Server methods of the Contact Groups page. Only the viewed client's groups can be opened or
 * changed (Qwil's rule); every change answers the page's new state. Thin: each delegates to the services.
 */
export const QwilContactGroupsController: ApexClassDefinition = {
    name: 'QwilContactGroupsController',
    apiVersion: '67.0',
    sharing: 'with sharing',
    methods: {
        /** The client's groups (those holding clients the user cannot read withheld) and whether the running user may change them. */
        loadContactGroups: sessionMethod({
            cacheable: false,
            params: ContactGroupsParams,
            result: ContactGroupsView,
            run: async (_params, session) => contactGroupsView(await readClientGroups(session))
        }),
        /** One of the client's groups: name, identifier, description and members with their status. */
        openContactGroup: sessionMethod({
            cacheable: false,
            params: GroupParams,
            result: ContactGroupDetail,
            run: async ({ groupUuid }, session) => openGroup(await readClientGroups(session), groupUuid)
        }),
        /** Other existing groups matching the search, each saying whether the client can join it. */
        searchJoinableGroups: sessionMethod({
            cacheable: false,
            params: SearchGroupsParams,
            result: JoinableGroups,
            run: async ({ search }, session) => ({
                groups: await joinableGroups(await readClientGroups(session), search)
            })
        }),
        /** Adds one or several active staff members to one of the client's groups. */
        addStaffMembers: sessionMethod({
            cacheable: false,
            params: AddStaffParams,
            result: ContactGroupsChange,
            run: (params, session) => addStaffMembers(session, params)
        }),
        /** Takes a staff member out of one of the client's groups (never its last active staff member while clients remain). */
        removeStaffMember: sessionMethod({
            cacheable: false,
            params: StaffMemberParams,
            result: ContactGroupsChange,
            run: ({ groupUuid, entityUserXrefUuid }, session) =>
                removeStaffMember(session, groupUuid, entityUserXrefUuid)
        }),
        /** Adds the client to another existing group that has an active staff member. */
        addClientToGroup: sessionMethod({
            cacheable: false,
            params: GroupParams,
            result: ContactGroupsChange,
            run: ({ groupUuid }, session) => joinGroup(session, groupUuid)
        }),
        /** Takes the client out of one of their groups (never their last). */
        removeClientFromGroup: sessionMethod({
            cacheable: false,
            params: GroupParams,
            result: ContactGroupsChange,
            run: ({ groupUuid }, session) => leaveGroup(session, groupUuid)
        }),
        /** Creates a group with the client and the running user in it. */
        createContactGroup: sessionMethod({
            cacheable: false,
            params: CreateGroupParams,
            result: ContactGroupsChange,
            run: (params, session, context) => createGroup(context, session, params)
        }),
        /** Changes a group's name, identifier and description. */
        updateContactGroup: sessionMethod({
            cacheable: false,
            params: UpdateGroupParams,
            result: ContactGroupsChange,
            run: (params, session) => updateGroup(session, params)
        }),
        /** Deletes one of the client's groups (never their last). */
        deleteContactGroup: sessionMethod({
            cacheable: false,
            params: GroupParams,
            result: ContactGroupsChange,
            run: ({ groupUuid }, session) => deleteGroup(session, groupUuid)
        })
    }
};
