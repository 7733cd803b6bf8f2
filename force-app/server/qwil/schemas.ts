import { z } from 'zod';

/**
 * Qwil request and response bodies, declared once. The connector's Qwil client parses every
 * response with these; the mock Qwil validates every request with them.
 * Where Qwil does not publish a body, the shape is our choice (see mock-org/qwil/REFERENCE.md).
 * Request schemas are strict: an unknown field is a validation error, as the mock Qwil answers it.
 */

/**
 * Every non-2xx Qwil response carries a JSON body with an `error_code` (Qwil's samples read only
 * that); the `message` is our addition, so the connector reads the code alone.
 */
export const QwilErrorBody = z.object({
    error_code: z.string(),
    message: z.string().optional()
});
export type QwilErrorBody = z.infer<typeof QwilErrorBody>;

export const MembershipStatus = z.enum(['pending', 'active', 'suspended', 'deactivated']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const MembershipRole = z.enum(['system_admin', 'user_admin', 'staff', 'client']);
export type MembershipRole = z.infer<typeof MembershipRole>;

/** Every role but client is a staff role (staff and client type never change, Qwil's rule). */
export const isStaffRole = (role: MembershipRole): boolean => role !== 'client';

/**
 * A person's membership of one Qwil organisation (our choice of fields, named as Qwil's API names them).
 * Answer shapes require only what the connector reads; a field it does not read (the organisation's
 * uuid, creation times) may be absent or null, and unknown fields are ignored.
 */
export const Membership = z.object({
    entity_user_xref_uuid: z.uuid(),
    entity_uuid: z.uuid().nullish(),
    first_name: z.string(),
    last_name: z.string(),
    job_title: z.string(),
    primary_email: z.string(),
    identifier: z.string().nullable(),
    invitation_phone_number: z.string().nullable(),
    role: MembershipRole,
    status: MembershipStatus,
    invited_at: z.iso.datetime(),
    joined_at: z.iso.datetime().nullable()
});
export type Membership = z.infer<typeof Membership>;

/** GET /entity-service/sys-api/entity-memberships?identifier=… | ?primary_email=… | ?entity_user_xref_uuid=… */
export const MembershipLookupQuery = z.union([
    z.strictObject({ identifier: z.string().min(1) }),
    z.strictObject({ primary_email: z.string().min(1) }),
    z.strictObject({ entity_user_xref_uuid: z.uuid() })
]);
export type MembershipLookupQuery = z.infer<typeof MembershipLookupQuery>;

export const MembershipLookupResponse = z.object({ entity_membership: Membership });
export type MembershipLookupResponse = z.infer<typeof MembershipLookupResponse>;

// ---------------------------------------------------------------------------------------------
// Field rules (lengths from Qwil's create/v2 field constraints; the phone format is documented)
// ---------------------------------------------------------------------------------------------

const FirstName = z.string().min(1).max(500);
const LastName = z.string().max(500);
const JobTitle = z.string().min(1).max(500);
const PrimaryEmail = z.email().max(320);
/** International format with "+" and the country code, no spaces (documented by Qwil). */
export const InvitationPhoneNumber = z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an international number starting with "+", without spaces');
const Identifier = z.string().min(1).max(255);
const GroupName = z.string().min(1).max(500);
const GroupDescription = z.string().max(2000);
const ChatTitle = z.string().min(1).max(500);
const XrefUuids = z.array(z.uuid()).max(100);

// ---------------------------------------------------------------------------------------------
// Paging (our choice): every list takes `cursor` and `limit` and answers `next_cursor`.
// ---------------------------------------------------------------------------------------------

export const PAGE_LIMIT_DEFAULT = 50;
/** The most one list request returns (`limit` runs from 1 to 100); the connector always asks for this many. */
export const PAGE_LIMIT_MAX = 100;

/** Query parameters arrive as text; `limit` is a whole number from 1 to 100. */
const PageLimit = z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(PAGE_LIMIT_MAX));

const PageFields = {
    /** Opaque; copy `next_cursor` from the previous page. */
    cursor: z.string().min(1).optional(),
    limit: PageLimit.optional()
};
export const PageQuery = z.strictObject(PageFields);
export type PageQuery = z.infer<typeof PageQuery>;

/** `null` on the last page; an answer without it (Qwil documents no paging) is the last page. */
const NextCursor = z.string().nullable().default(null);

// ---------------------------------------------------------------------------------------------
// Memberships (System API, /entity-service/sys-api/entity-memberships/…)
// ---------------------------------------------------------------------------------------------

/** Every membership write answers with the membership as it now is. */
export const MembershipResponse = MembershipLookupResponse;
export type MembershipResponse = MembershipLookupResponse;

/** GET …/entity-memberships/list */
export const MembershipListQuery = z.strictObject({
    ...PageFields,
    role: MembershipRole.optional(),
    status: MembershipStatus.optional(),
    /** Case-insensitive substring of first name, last name, primary email or identifier. */
    search: z.string().min(1).max(320).optional()
});
export type MembershipListQuery = z.infer<typeof MembershipListQuery>;

export const MembershipListResponse = z.object({
    entity_memberships: z.array(Membership),
    next_cursor: NextCursor
});
export type MembershipListResponse = z.infer<typeof MembershipListResponse>;

/** POST …/entity-memberships/create: invite a staff member or a client. */
export const CreateMembershipRequest = z
    .strictObject({
        first_name: FirstName,
        last_name: LastName,
        job_title: JobTitle,
        primary_email: PrimaryEmail,
        invitation_phone_number: InvitationPhoneNumber.optional(),
        identifier: Identifier.optional(),
        role: MembershipRole,
        /** Existing groups to join. */
        group_uuids: XrefUuids.optional(),
        /** A new group to create and join, with these other members. */
        new_group_name: GroupName.optional(),
        new_group_entity_user_xref_uuids: XrefUuids.optional(),
        /** The staff member sending the invitation. */
        created_by_entity_user_xref_uuid: z.uuid(),
        /** Default true. */
        send_invitation: z.boolean().optional(),
        invitation_message: z.string().max(5000).optional()
    })
    .refine((body) => body.new_group_entity_user_xref_uuids === undefined || body.new_group_name !== undefined, {
        path: ['new_group_name'],
        message: 'is required when new_group_entity_user_xref_uuids is given'
    });
export type CreateMembershipRequest = z.infer<typeof CreateMembershipRequest>;

/** Body of suspend, unsuspend, destroy (deactivate), restore and invitations/resend. */
export const MembershipRef = z.strictObject({ entity_user_xref_uuid: z.uuid() });
export type MembershipRef = z.infer<typeof MembershipRef>;

/** POST …/entity-memberships/profile/update: only the fields given change. */
export const UpdateProfileRequest = z
    .strictObject({
        entity_user_xref_uuid: z.uuid(),
        first_name: FirstName.optional(),
        last_name: LastName.optional(),
        job_title: JobTitle.optional(),
        /** `null` clears it. */
        identifier: Identifier.nullable().optional(),
        /** Within the same type only: staff roles stay staff, client stays client. */
        role: MembershipRole.optional()
    })
    .refine((body) => Object.keys(body).length > 1, { path: ['entity_user_xref_uuid'], message: 'no field to update' });
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

/**
 * POST …/entity-memberships/update: the path is Qwil's (System API guide); the body naming the membership
 * and the one field the connector changes, its identifier, is our assumption.
 */
export const UpdateMembershipRequest = z.strictObject({
    entity_user_xref_uuid: z.uuid(),
    identifier: Identifier
});
export type UpdateMembershipRequest = z.infer<typeof UpdateMembershipRequest>;

/** POST …/entity-memberships/phone-numbers/update */
export const UpdatePhoneNumberRequest = z.strictObject({
    entity_user_xref_uuid: z.uuid(),
    invitation_phone_number: InvitationPhoneNumber
});
export type UpdatePhoneNumberRequest = z.infer<typeof UpdatePhoneNumberRequest>;

/** POST …/entity-memberships/emails/update */
export const UpdateEmailRequest = z.strictObject({
    entity_user_xref_uuid: z.uuid(),
    primary_email: PrimaryEmail
});
export type UpdateEmailRequest = z.infer<typeof UpdateEmailRequest>;

// ---------------------------------------------------------------------------------------------
// Groups (contact groups / client teams; System API, /entity-service/sys-api/groups/…)
// ---------------------------------------------------------------------------------------------

export const Group = z.object({
    group_uuid: z.uuid(),
    entity_uuid: z.uuid().nullish(),
    name: z.string(),
    identifier: z.string().nullable(),
    description: z.string().nullable(),
    member_count: z.number().int().min(0),
    /** Our choice: active staff members in the group; a client may join only when it is at least 1. */
    active_staff_count: z.number().int().min(0),
    created_at: z.iso.datetime().nullish()
});
export type Group = z.infer<typeof Group>;

export const GroupResponse = z.object({ group: Group });
export type GroupResponse = z.infer<typeof GroupResponse>;

export const GroupListResponse = z.object({ groups: z.array(Group), next_cursor: NextCursor });
export type GroupListResponse = z.infer<typeof GroupListResponse>;

/** GET …/groups/list */
export const GroupListQuery = z.strictObject({
    ...PageFields,
    /** Case-insensitive substring of name or identifier. */
    search: z.string().min(1).max(500).optional()
});
export type GroupListQuery = z.infer<typeof GroupListQuery>;

/** GET …/entity-memberships/group-memberships/list: the groups one membership belongs to. */
export const GroupMembershipsQuery = z.strictObject({ ...PageFields, entity_user_xref_uuid: z.uuid() });
export type GroupMembershipsQuery = z.infer<typeof GroupMembershipsQuery>;

/** POST …/groups/create */
export const CreateGroupRequest = z.strictObject({
    name: GroupName,
    identifier: Identifier.optional(),
    description: GroupDescription.optional(),
    entity_user_xref_uuids: XrefUuids.optional()
});
export type CreateGroupRequest = z.infer<typeof CreateGroupRequest>;

/** POST …/groups/update: only the fields given change; `null` clears identifier or description. */
export const UpdateGroupRequest = z
    .strictObject({
        group_uuid: z.uuid(),
        name: GroupName.optional(),
        identifier: Identifier.nullable().optional(),
        description: GroupDescription.nullable().optional()
    })
    .refine((body) => Object.keys(body).length > 1, { path: ['group_uuid'], message: 'no field to update' });
export type UpdateGroupRequest = z.infer<typeof UpdateGroupRequest>;

/** POST …/groups/destroy */
export const GroupRef = z.strictObject({ group_uuid: z.uuid() });
export type GroupRef = z.infer<typeof GroupRef>;

export const GroupDeletedResponse = z.object({ group_uuid: z.uuid(), deleted: z.literal(true) });
export type GroupDeletedResponse = z.infer<typeof GroupDeletedResponse>;

/** GET …/groups/group-members/list */
export const GroupMembersQuery = z.strictObject({ ...PageFields, group_uuid: z.uuid() });
export type GroupMembersQuery = z.infer<typeof GroupMembersQuery>;

export const GroupMembersResponse = z.object({ group_members: z.array(Membership), next_cursor: NextCursor });
export type GroupMembersResponse = z.infer<typeof GroupMembersResponse>;

/** POST …/groups/group-members/create and …/group-members/destroy */
export const GroupMembersChangeRequest = z.strictObject({
    group_uuid: z.uuid(),
    entity_user_xref_uuids: XrefUuids.min(1)
});
export type GroupMembersChangeRequest = z.infer<typeof GroupMembersChangeRequest>;

// ---------------------------------------------------------------------------------------------
// Chats
// ---------------------------------------------------------------------------------------------

export const ChatParticipant = z.object({
    entity_user_xref_uuid: z.uuid(),
    joined_at: z.iso.datetime(),
    /** Set for a former participant. */
    left_at: z.iso.datetime().nullable()
});
export type ChatParticipant = z.infer<typeof ChatParticipant>;

export const Chat = z.object({
    chat_uuid: z.uuid(),
    entity_uuid: z.uuid().nullish(),
    title: z.string(),
    staff_only: z.boolean(),
    archived: z.boolean(),
    created_at: z.iso.datetime().nullish(),
    created_by_entity_user_xref_uuid: z.uuid(),
    participants: z.array(ChatParticipant),
    message_count: z.number().int().min(0),
    last_message_at: z.iso.datetime().nullable()
});
export type Chat = z.infer<typeof Chat>;

export const Attachment = z.object({
    file_name: z.string(),
    content_type: z.string(),
    size_bytes: z.number().int().min(0)
});
export type Attachment = z.infer<typeof Attachment>;

export const Message = z.object({
    chat_uuid: z.uuid(),
    /** 1, 2, 3 … within the chat. */
    seq: z.number().int().min(1),
    sender_entity_user_xref_uuid: z.uuid(),
    text: z.string(),
    sent_at: z.iso.datetime(),
    reply_to_seq: z.number().int().min(0).nullable(),
    attachments: z.array(Attachment)
});
export type Message = z.infer<typeof Message>;

export const ChatResponse = z.object({ chat: Chat });
export type ChatResponse = z.infer<typeof ChatResponse>;

export const ChatListResponse = z.object({ chats: z.array(Chat), next_cursor: NextCursor });
export type ChatListResponse = z.infer<typeof ChatListResponse>;

/** GET /entity-service/sys-api/chats/list: the chats a membership takes or took part in (data reviewer). */
export const SystemChatListQuery = z.strictObject({
    ...PageFields,
    entity_user_xref_uuid: z.uuid(),
    /** Only chats in which this membership also takes or took part ("View Own Chats"). */
    with_entity_user_xref_uuid: z.uuid().optional()
});
export type SystemChatListQuery = z.infer<typeof SystemChatListQuery>;

/** GET …/sys-api/chats/export/pdf|zip and GET /chat-service/api/chats/export */
export const ChatRef = z.strictObject({ chat_uuid: z.uuid() });
export type ChatRef = z.infer<typeof ChatRef>;

/** GET /chat-service/api/chats/export: the whole transcript the caller may see. */
export const ChatTranscriptResponse = z.object({ chat: Chat, messages: z.array(Message) });
export type ChatTranscriptResponse = z.infer<typeof ChatTranscriptResponse>;

/** POST /chat-service/api/chats/create (documented body; `staff_only` is our addition). */
export const CreateChatRequest = z.strictObject({
    entity_user_xref_uuids: XrefUuids,
    /** Default "New chat" (documented by Qwil). */
    title: ChatTitle.optional(),
    staff_only: z.boolean().optional()
});
export type CreateChatRequest = z.infer<typeof CreateChatRequest>;

/** POST /chat-service/api/chats/rename */
export const RenameChatRequest = z.strictObject({ chat_uuid: z.uuid(), title: ChatTitle });
export type RenameChatRequest = z.infer<typeof RenameChatRequest>;

/** POST /chat-service/api/chats/invite */
export const InviteToChatRequest = z.strictObject({ chat_uuid: z.uuid(), entity_user_xref_uuids: XrefUuids.min(1) });
export type InviteToChatRequest = z.infer<typeof InviteToChatRequest>;

/** POST /chat-service/api/chats/messages/send-text (documented by Qwil). */
export const SendTextRequest = z.strictObject({
    chat_uuid: z.uuid(),
    text: z.string().min(1).max(5000),
    reply_to_seq: z.number().int().min(0).optional()
});
export type SendTextRequest = z.infer<typeof SendTextRequest>;

export const MessageResponse = z.object({ message: Message });
export type MessageResponse = z.infer<typeof MessageResponse>;

/** GET /chat-service/api/chats/messages/range: pages run from the newest message back; each page is oldest first. */
export const MessageRangeQuery = z.strictObject({ ...PageFields, chat_uuid: z.uuid() });
export type MessageRangeQuery = z.infer<typeof MessageRangeQuery>;

export const MessageRangeResponse = z.object({ messages: z.array(Message), next_cursor: NextCursor });
export type MessageRangeResponse = z.infer<typeof MessageRangeResponse>;

/** POST /chat-service/api/chats/archive (documented body). */
export const ArchiveChatRequest = z.strictObject({ chat_uuid: z.uuid(), archived: z.boolean() });
export type ArchiveChatRequest = z.infer<typeof ArchiveChatRequest>;

// ---------------------------------------------------------------------------------------------
// Tenancies and export
// ---------------------------------------------------------------------------------------------

/** GET /entity-service/sys-api/sdk/entity-memberships?primary_email=…: one person's organisations. */
export const TenancyLookupQuery = z.strictObject({ ...PageFields, primary_email: z.string().min(1) });
export type TenancyLookupQuery = z.infer<typeof TenancyLookupQuery>;

/**
 * `entity` and `user.entity_user_xref_uuid` as Qwil's multi-organisation sample reads them (it reads
 * `avatar_url` and `logo_url` as optional). `role` and `status` are our addition: absent, null or a
 * value the connector does not know reads as unknown (undefined), and the connector looks the membership up.
 */
export const Tenancy = z.object({
    entity: z.object({
        entity_uuid: z.uuid(),
        name: z.string(),
        avatar_url: z.string().nullish(),
        logo_url: z.string().nullish()
    }),
    user: z.object({
        entity_user_xref_uuid: z.uuid(),
        role: MembershipRole.optional().catch(undefined),
        status: MembershipStatus.optional().catch(undefined)
    })
});
export type Tenancy = z.infer<typeof Tenancy>;

export const TenancyListResponse = z.object({ entity_memberships: z.array(Tenancy), next_cursor: NextCursor });
export type TenancyListResponse = z.infer<typeof TenancyListResponse>;

/** GET /entity-service/sys-api/export/entities: the organisation's people and groups in one document. */
export const EntityExportQuery = z.strictObject({});
export const EntityExportResponse = z.object({
    entity: z.object({ entity_uuid: z.uuid(), name: z.string(), region: z.string() }),
    entity_memberships: z.array(Membership),
    groups: z.array(Group.extend({ entity_user_xref_uuids: z.array(z.uuid()) }))
});
export type EntityExportResponse = z.infer<typeof EntityExportResponse>;

// ---------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------

/** Chat-service calls: the membership the System key acts for (our choice: any active membership). */
export const OnBehalfOfHeader = z.uuid();
/** Super keys: the organisation the call is for (documented by Qwil). */
export const OnBehalfOfEntityHeader = z.uuid();
