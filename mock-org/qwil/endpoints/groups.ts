import type { z } from 'zod';
import {
    CreateGroupRequest,
    GroupDeletedResponse,
    GroupListQuery,
    GroupListResponse,
    GroupMembersChangeRequest,
    GroupMembersQuery,
    GroupMembersResponse,
    GroupRef,
    GroupResponse,
    UpdateGroupRequest
} from '../../../force-app/server/qwil/schemas';
import { type EndpointFactory, json, systemEndpoint } from '../http/endpoint';
import type { GroupRecord } from '../model/types';
import { toGroup, toMembership } from '../model/views';
import * as groups from '../operations/groups';
import type { Scope } from '../operations/scope';

/** A group write: POST with a shared body schema, answering the group as it now is. */
function groupWrite<S extends z.ZodType>(
    path: string,
    input: S,
    operation: (scope: Scope, body: z.infer<S>) => GroupRecord
): EndpointFactory {
    return systemEndpoint({
        method: 'post',
        path: `groups/${path}`,
        permission: 'canWriteOnly',
        input,
        handle: (context, body) => ({ group: toGroup(context.state)(operation(context, body)) }),
        respond: json(GroupResponse)
    });
}

export const groupEndpoints = [
    systemEndpoint({
        method: 'get',
        path: 'groups/list',
        permission: 'canReadOnly',
        input: GroupListQuery,
        handle: (context, query) => {
            const page = groups.listGroups(context, query);
            return { groups: page.items.map(toGroup(context.state)), next_cursor: page.next_cursor };
        },
        respond: json(GroupListResponse)
    }),
    systemEndpoint({
        method: 'get',
        path: 'groups/group-members/list',
        permission: 'canReadOnly',
        input: GroupMembersQuery,
        handle: (context, query) => {
            const page = groups.groupMembers(context, query);
            return { group_members: page.items.map(toMembership), next_cursor: page.next_cursor };
        },
        respond: json(GroupMembersResponse)
    }),
    groupWrite('create', CreateGroupRequest, groups.createGroup),
    groupWrite('update', UpdateGroupRequest, groups.updateGroup),
    groupWrite('group-members/create', GroupMembersChangeRequest, groups.addGroupMembers),
    groupWrite('group-members/destroy', GroupMembersChangeRequest, groups.removeGroupMembers),
    systemEndpoint({
        method: 'post',
        path: 'groups/destroy',
        permission: 'canWriteOnly',
        input: GroupRef,
        handle: (context, body) => ({
            group_uuid: groups.deleteGroup(context, body).group_uuid,
            deleted: true as const
        }),
        respond: json(GroupDeletedResponse)
    })
];
