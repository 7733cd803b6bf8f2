import type { QwilService } from './qwilTransport';

/** Where the connector's knowledge of a Qwil call comes from. */
export type QwilCallSource =
    /** Qwil's System API guide or Master API guide (support.qwil.io): the path is listed there. */
    | 'api-guide'
    /** A Qwil support article documents the call and its body. */
    | 'support-article'
    /** Qwil's multi-organisation Salesforce sample (qwilio/qwil-salesforce-multiorg-app, QwilSdk.cls) makes this exact call. */
    | 'sample:QwilSdk.cls'
    /** Qwil publishes nothing on it: our assumption, confirmed only by the probe against a real Qwil. */
    | 'assumed';

/** One Qwil call the connector makes, and everything it assumes about it. */
export interface QwilCallDeclaration {
    readonly service: QwilService;
    readonly method: 'GET' | 'POST';
    /** Below the service's base path, without a leading slash. */
    readonly path: string;
    /** The query parameters the connector may send; no other is ever sent. */
    readonly query: readonly string[];
    readonly source: QwilCallSource;
    /** What is assumed beyond the source (parameter names, paging, body or answer fields). */
    readonly assumed: string;
    /** What the connector reads in the answer. */
    readonly dependsOn: string;
}

const PAGING = ['cursor', 'limit'] as const;

/**
 * Every call the connector makes to Qwil. The transport refuses to send a call, or a query
 * parameter, that is not declared here, so this table is the one statement of what the connector
 * assumes about Qwil's API (the README's table of Qwil calls is written from it).
 */
export const QWIL_CALLS = {
    findMembership: {
        service: 'system',
        method: 'GET',
        path: 'entity-memberships',
        query: ['identifier', 'primary_email', 'entity_user_xref_uuid'],
        source: 'api-guide',
        assumed: 'one of the three query fields; the answer fields; RN006 when no membership matches',
        dependsOn:
            'entity_membership (uuid, names, job title, email, identifier, invitation phone, role, status, invited/joined times); RN006 = none'
    },
    listTenancies: {
        service: 'system',
        method: 'GET',
        path: 'sdk/entity-memberships',
        query: ['primary_email'],
        source: 'sample:QwilSdk.cls',
        assumed: 'role and status in each user, read when present; RN006 = no account',
        dependsOn: 'entity_memberships[].entity.entity_uuid, .entity.name, .user.entity_user_xref_uuid'
    },
    listMemberships: {
        service: 'system',
        method: 'GET',
        path: 'entity-memberships/list',
        query: ['role', 'status', 'search', ...PAGING],
        source: 'api-guide',
        assumed: 'the role, status and search filters; cursor paging',
        dependsOn: 'entity_memberships[] (as findMembership); next_cursor, absent = last page'
    },
    createMembership: {
        service: 'system',
        method: 'POST',
        path: 'entity-memberships/create',
        query: [],
        source: 'api-guide',
        assumed:
            'role, group_uuids, new_group_name, new_group_entity_user_xref_uuids, created_by_entity_user_xref_uuid (other body fields as in an unofficial create/v2 sample)',
        dependsOn: 'entity_membership; QX021 = identifier in use, QX031 = client without staffed group'
    },
    resendInvitation: {
        service: 'system',
        method: 'POST',
        path: 'entity-memberships/invitations/resend',
        query: [],
        source: 'api-guide',
        assumed: 'body {entity_user_xref_uuid}',
        dependsOn: 'entity_membership'
    },
    updateInvitationPhone: {
        service: 'system',
        method: 'POST',
        path: 'entity-memberships/phone-numbers/update',
        query: [],
        source: 'api-guide',
        assumed: 'body {entity_user_xref_uuid, invitation_phone_number}',
        dependsOn: 'entity_membership'
    },
    updateMembership: {
        service: 'system',
        method: 'POST',
        path: 'entity-memberships/update',
        query: [],
        source: 'api-guide',
        assumed: 'body {entity_user_xref_uuid, identifier}; QX021 when another member has the identifier',
        dependsOn: 'entity_membership; QX021 = identifier in use'
    },
    groupsOfMembership: {
        service: 'system',
        method: 'GET',
        path: 'entity-memberships/group-memberships/list',
        query: ['entity_user_xref_uuid', ...PAGING],
        source: 'api-guide',
        assumed: 'the query field; cursor paging',
        dependsOn:
            'groups[] (uuid, name, identifier, description, member and active staff counts, created time); next_cursor'
    },
    listGroups: {
        service: 'system',
        method: 'GET',
        path: 'groups/list',
        query: ['search', ...PAGING],
        source: 'assumed',
        assumed: 'the path (the published list is cut off before it), the search filter, cursor paging',
        dependsOn: 'groups[]; next_cursor'
    },
    groupMembers: {
        service: 'system',
        method: 'GET',
        path: 'groups/group-members/list',
        query: ['group_uuid', ...PAGING],
        source: 'assumed',
        assumed: 'the path, the query field, cursor paging',
        dependsOn: 'group_members[] (as findMembership); next_cursor'
    },
    createGroup: {
        service: 'system',
        method: 'POST',
        path: 'groups/create',
        query: [],
        source: 'api-guide',
        assumed: 'body {name, identifier?, description?, entity_user_xref_uuids?}',
        dependsOn: 'group; QX031 when a client would join a group without active staff'
    },
    updateGroup: {
        service: 'system',
        method: 'POST',
        path: 'groups/update',
        query: [],
        source: 'api-guide',
        assumed: 'body {group_uuid, name?, identifier?, description?}',
        dependsOn: 'group'
    },
    destroyGroup: {
        service: 'system',
        method: 'POST',
        path: 'groups/destroy',
        query: [],
        source: 'assumed',
        assumed: 'the path and body {group_uuid}',
        dependsOn: 'group_uuid and deleted: true'
    },
    addGroupMembers: {
        service: 'system',
        method: 'POST',
        path: 'groups/group-members/create',
        query: [],
        source: 'api-guide',
        assumed: 'body {group_uuid, entity_user_xref_uuids}',
        dependsOn: 'group; QX031'
    },
    removeGroupMembers: {
        service: 'system',
        method: 'POST',
        path: 'groups/group-members/destroy',
        query: [],
        source: 'api-guide',
        assumed: 'body {group_uuid, entity_user_xref_uuids}',
        dependsOn: 'group; QX030 = last active staff of a group with clients'
    },
    listClientChats: {
        service: 'system',
        method: 'GET',
        path: 'chats/list',
        query: ['entity_user_xref_uuid', 'with_entity_user_xref_uuid', ...PAGING],
        source: 'api-guide',
        assumed: 'the query fields; cursor paging',
        dependsOn:
            'chats[] (uuid, title, who created it (to recognise a chat an earlier attempt created), staff only, archived, participants with joined/left times, message count, last message time); next_cursor'
    },
    exportChatPdf: {
        service: 'system',
        method: 'GET',
        path: 'chats/export/pdf',
        query: ['chat_uuid'],
        source: 'api-guide',
        assumed:
            "the query field; that Qwil checks the key's export permission before the query (the export check sends none)",
        dependsOn: 'the file, with Content-Type and Content-Disposition filename'
    },
    exportChatZip: {
        service: 'system',
        method: 'GET',
        path: 'chats/export/zip',
        query: ['chat_uuid'],
        source: 'api-guide',
        assumed: 'the query field',
        dependsOn: 'the file, with Content-Type and Content-Disposition filename'
    },
    listOwnChats: {
        service: 'chat',
        method: 'GET',
        path: 'chats',
        query: ['limit'],
        source: 'api-guide',
        assumed:
            'the System key on chat-service when no Master User key is set up (Qwil documents the Master User key); the limit parameter',
        dependsOn: 'chats[] (as chats/list)'
    },
    messageRange: {
        service: 'chat',
        method: 'GET',
        path: 'chats/messages/range',
        query: ['chat_uuid', ...PAGING],
        source: 'api-guide',
        assumed:
            'the System key on chat-service when no Master User key is set up; the query fields; pages from the newest back, each oldest first; a limit of up to 100 (Qwil publishes no maximum; the connector asks for 100)',
        dependsOn: 'messages[] (chat uuid, seq, sender, text, sent time, reply_to_seq, attachments); next_cursor'
    },
    createChat: {
        service: 'chat',
        method: 'POST',
        path: 'chats/create',
        query: [],
        source: 'support-article',
        assumed:
            'the System key on chat-service when no Master User key is set up; staff_only in the body; QX040-QX042',
        dependsOn: 'chat'
    },
    sendText: {
        service: 'chat',
        method: 'POST',
        path: 'chats/messages/send-text',
        query: [],
        source: 'support-article',
        assumed: 'the System key on chat-service when no Master User key is set up; QX043 = not an active participant',
        dependsOn: 'message'
    }
} as const satisfies Record<string, QwilCallDeclaration>;

export type QwilCallName = keyof typeof QWIL_CALLS;

const DECLARED: readonly QwilCallDeclaration[] = Object.values(QWIL_CALLS);

/** The declaration of a call, or an error naming what is not declared (a connector bug, never sent). */
export function requireDeclared(
    service: QwilService,
    method: string,
    path: string,
    query: Readonly<Record<string, string>> = {}
): QwilCallDeclaration {
    const declared = DECLARED.find((call) => call.service === service && call.method === method && call.path === path);
    if (!declared) throw new Error(`Qwil call ${method} ${service} ${path} is not declared in QWIL_CALLS`);
    const undeclared = Object.keys(query).filter((name) => !declared.query.includes(name));
    if (undeclared.length > 0)
        throw new Error(
            `Qwil call ${method} ${service} ${path}: query parameter ${undeclared.join(', ')} is not declared in QWIL_CALLS`
        );
    return declared;
}
