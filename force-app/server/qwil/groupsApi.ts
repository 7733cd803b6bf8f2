import type { z } from 'zod';
import type { QwilCallName } from './qwilCalls';
import type { QwilTransport } from './qwilTransport';
import {
    CreateGroupRequest,
    GroupDeletedResponse,
    GroupListResponse,
    GroupMembersChangeRequest,
    GroupMembersResponse,
    GroupRef,
    GroupResponse,
    PAGE_LIMIT_MAX,
    UpdateGroupRequest,
    type Group,
    type Membership
} from './schemas';

/** Pages read at most per list, so a runaway cursor cannot use up the transaction's callouts. */
const MAX_PAGES = 10;

/** Qwil's contact groups (System API). Requests are built here and sent by the transport. */
export class GroupsApi {
    constructor(private readonly transport: QwilTransport) {}

    /** Every group the membership belongs to (all pages). */
    groupsOf(entityUserXrefUuid: string): Promise<Group[]> {
        return this.allPages(
            'groupsOfMembership',
            { entity_user_xref_uuid: entityUserXrefUuid },
            GroupListResponse,
            (page) => page.groups
        );
    }

    /** The first page of groups whose name or identifier contains the search (every group when it is blank). */
    async search(search: string): Promise<Group[]> {
        const limit = String(PAGE_LIMIT_MAX);
        const query: Record<string, string> = search.trim() === '' ? { limit } : { search: search.trim(), limit };
        return (await this.transport.call({ call: 'listGroups', query, response: GroupListResponse })).groups;
    }

    /** Every member of the group, staff and clients, in joining order (all pages). */
    members(groupUuid: string): Promise<Membership[]> {
        return this.allPages(
            'groupMembers',
            { group_uuid: groupUuid },
            GroupMembersResponse,
            (page) => page.group_members
        );
    }

    async create(request: z.input<typeof CreateGroupRequest>): Promise<Group> {
        return (await this.transport.post('createGroup', CreateGroupRequest, request, GroupResponse)).group;
    }

    async update(request: z.input<typeof UpdateGroupRequest>): Promise<Group> {
        return (await this.transport.post('updateGroup', UpdateGroupRequest, request, GroupResponse)).group;
    }

    async destroy(groupUuid: string): Promise<void> {
        await this.transport.post('destroyGroup', GroupRef, { group_uuid: groupUuid }, GroupDeletedResponse);
    }

    addMembers(groupUuid: string, entityUserXrefUuids: string[]): Promise<Group> {
        return this.changeMembers('addGroupMembers', groupUuid, entityUserXrefUuids);
    }

    removeMembers(groupUuid: string, entityUserXrefUuids: string[]): Promise<Group> {
        return this.changeMembers('removeGroupMembers', groupUuid, entityUserXrefUuids);
    }

    private async changeMembers(
        call: 'addGroupMembers' | 'removeGroupMembers',
        groupUuid: string,
        entityUserXrefUuids: string[]
    ): Promise<Group> {
        const body = { group_uuid: groupUuid, entity_user_xref_uuids: entityUserXrefUuids };
        return (await this.transport.post(call, GroupMembersChangeRequest, body, GroupResponse)).group;
    }

    private async allPages<Page extends { next_cursor: string | null }, Item>(
        call: QwilCallName,
        query: Record<string, string>,
        response: z.ZodType<Page>,
        items: (page: Page) => Item[]
    ): Promise<Item[]> {
        const all: Item[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < MAX_PAGES; pages++) {
            const page: Page = await this.transport.call({
                call,
                query: { ...query, limit: String(PAGE_LIMIT_MAX), ...(cursor ? { cursor } : {}) },
                response
            });
            all.push(...items(page));
            cursor = page.next_cursor;
            if (!cursor) break;
        }
        return all;
    }
}
