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
} from '../contracts/contactGroups';
import { auraEnabled, type ApexClassDefinition } from '../platform/auraEnabled';
import { requireSession, withQwilErrors } from '../services/connectorSession';
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
        /** The client's groups and whether the running user may change them. */
        loadContactGroups: auraEnabled({
            cacheable: false,
            params: ContactGroupsParams,
            result: ContactGroupsView,
            run: async ({ recordId }, context) => {
                const session = await requireSession(context, recordId);
                return contactGroupsView(await withQwilErrors(context, () => readClientGroups(session)));
            }
        }),
        /** One of the client's groups: name, identifier, description and members with their status. */
        openContactGroup: auraEnabled({
            cacheable: false,
            params: GroupParams,
            result: ContactGroupDetail,
            run: async ({ recordId, groupUuid }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, async () => openGroup(await readClientGroups(session), groupUuid));
            }
        }),
        /** Other existing groups matching the search, each saying whether the client can join it. */
        searchJoinableGroups: auraEnabled({
            cacheable: false,
            params: SearchGroupsParams,
            result: JoinableGroups,
            run: async ({ recordId, search }, context) => {
                const session = await requireSession(context, recordId);
                return {
                    groups: await withQwilErrors(context, async () =>
                        joinableGroups(await readClientGroups(session), search)
                    )
                };
            }
        }),
        /** Adds one or several active staff members to one of the client's groups. */
        addStaffMembers: auraEnabled({
            cacheable: false,
            params: AddStaffParams,
            result: ContactGroupsChange,
            run: async (params, context) => {
                const session = await requireSession(context, params.recordId);
                return withQwilErrors(context, () => addStaffMembers(session, params));
            }
        }),
        /** Takes a staff member out of one of the client's groups (never its last active staff member while clients remain). */
        removeStaffMember: auraEnabled({
            cacheable: false,
            params: StaffMemberParams,
            result: ContactGroupsChange,
            run: async ({ recordId, groupUuid, entityUserXrefUuid }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => removeStaffMember(session, groupUuid, entityUserXrefUuid));
            }
        }),
        /** Adds the client to another existing group that has an active staff member. */
        addClientToGroup: auraEnabled({
            cacheable: false,
            params: GroupParams,
            result: ContactGroupsChange,
            run: async ({ recordId, groupUuid }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => joinGroup(session, groupUuid));
            }
        }),
        /** Takes the client out of one of their groups (never their last). */
        removeClientFromGroup: auraEnabled({
            cacheable: false,
            params: GroupParams,
            result: ContactGroupsChange,
            run: async ({ recordId, groupUuid }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => leaveGroup(session, groupUuid));
            }
        }),
        /** Creates a group with the client and the running user in it. */
        createContactGroup: auraEnabled({
            cacheable: false,
            params: CreateGroupParams,
            result: ContactGroupsChange,
            run: async (params, context) => {
                const session = await requireSession(context, params.recordId);
                return withQwilErrors(context, () => createGroup(context, session, params));
            }
        }),
        /** Changes a group's name, identifier and description. */
        updateContactGroup: auraEnabled({
            cacheable: false,
            params: UpdateGroupParams,
            result: ContactGroupsChange,
            run: async (params, context) => {
                const session = await requireSession(context, params.recordId);
                return withQwilErrors(context, () => updateGroup(session, params));
            }
        }),
        /** Deletes one of the client's groups (never their last). */
        deleteContactGroup: auraEnabled({
            cacheable: false,
            params: GroupParams,
            result: ContactGroupsChange,
            run: async ({ recordId, groupUuid }, context) => {
                const session = await requireSession(context, recordId);
                return withQwilErrors(context, () => deleteGroup(session, groupUuid));
            }
        })
    }
};
