import type { Attachment, ChatParticipant, Membership } from '../../../force-app/server/qwil/schemas';

/**
 * The mock Qwil's whole state: plain JSON, so it can be cloned for a transaction and written to disk.
 * Qwil's own records keep Qwil's snake_case names; API keys are ours and use the control surface's names.
 */
export interface QwilState {
    version: 1;
    /** Feeds the deterministic ids of everything created after seeding. */
    sequence: number;
    organisations: OrganisationRecord[];
    memberships: MembershipRecord[];
    groups: GroupRecord[];
    chats: ChatRecord[];
    apiKeys: ApiKeyRecord[];
    /** Master User API keys: chat-service only, acting for the membership named by `on-behalf-of`. */
    masterKeys: MasterKeyRecord[];
}

/** `inactive` and `frozen` answer RN900 and RN902. */
export type OrganisationStatus = 'active' | 'inactive' | 'frozen';

export interface OrganisationRecord {
    entity_uuid: string;
    name: string;
    region: string;
    status: OrganisationStatus;
    avatar_url: string | null;
    logo_url: string | null;
    /** Qwil's SDK feature; `sdk/sessions/create` answers RF888 without it. */
    sdk_enabled: boolean;
}

export interface Invitation {
    /** Only the latest invitation's token is valid. */
    token: string;
    sent_at: string;
    message: string | null;
}

export interface MembershipRecord extends Membership {
    created_by_entity_user_xref_uuid: string | null;
    /** Set while pending and an invitation has been sent. */
    invitation: Invitation | null;
}

export interface GroupRecord {
    group_uuid: string;
    entity_uuid: string;
    name: string;
    identifier: string | null;
    description: string | null;
    created_at: string;
    member_xref_uuids: string[];
}

export interface MessageRecord {
    seq: number;
    sender_entity_user_xref_uuid: string;
    text: string;
    sent_at: string;
    reply_to_seq: number | null;
    attachments: Attachment[];
}

export interface ChatRecord {
    chat_uuid: string;
    entity_uuid: string;
    title: string;
    staff_only: boolean;
    archived: boolean;
    created_at: string;
    created_by_entity_user_xref_uuid: string;
    participants: ChatParticipant[];
    messages: MessageRecord[];
}

export interface KeyPermissions {
    canExportData: boolean;
    canReadOnly: boolean;
    canWriteOnly: boolean;
    canDataReview: boolean;
    /** "This key can create SDK tokens": `sdk/sessions/create` answers RF731 without it. */
    canCreateSdkTokens: boolean;
}

export type Permission = keyof KeyPermissions;

/** The four flags of a Master User API key, as Qwil's Master API guide names them. */
export interface MasterKeyPermissions {
    canReadChat: boolean;
    canWriteChat: boolean;
    canExportData: boolean;
    canReadContacts: boolean;
}

export type MasterPermission = keyof MasterKeyPermissions;

/** What every kind of key has: an organisation, optional CIDR blocks, revocation and a hashed secret. */
export interface KeyRecordBase {
    key: string;
    name: string;
    entityUuid: string;
    cidrBlocks: string[];
    revoked: boolean;
    /** SHA-256 of salt and secret; the secret itself is never stored. */
    secretSalt: string;
    secretHash: string;
    createdAt: string;
}

export interface ApiKeyRecord extends KeyRecordBase, KeyPermissions {
    isSuper: boolean;
}

export interface MasterKeyRecord extends KeyRecordBase, MasterKeyPermissions {}
