import type { Attachment, MembershipRole, MembershipStatus } from '../../../force-app/server/qwil/schemas';
import { uuidFromLabel } from '../model/ids';
import type { ChatRecord, MembershipRecord, OrganisationRecord, QwilState } from '../model/types';

/** Seed ids come from labels, so they are the same on every run and can be named in tests. */
export const seedUuid = (label: string): string => uuidFromLabel(`seed:${label}`);

export function emptyState(): QwilState {
    return {
        version: 1,
        sequence: 0,
        organisations: [],
        memberships: [],
        groups: [],
        chats: [],
        apiKeys: [],
        masterKeys: []
    };
}

export function organisation(entity_uuid: string, name: string, region: string): OrganisationRecord {
    return { entity_uuid, name, region, status: 'active', avatar_url: null, logo_url: null, sdk_enabled: true };
}

export interface PersonSeed {
    xref: string;
    first_name: string;
    last_name: string;
    job_title: string;
    primary_email: string;
    role: MembershipRole;
    status: MembershipStatus;
    invited_at: string;
    /** Required unless pending. */
    joined_at?: string;
    identifier?: string;
    phone?: string;
    created_by?: string;
}

export function person(entityUuid: string, seed: PersonSeed): MembershipRecord {
    return {
        entity_user_xref_uuid: seed.xref,
        entity_uuid: entityUuid,
        first_name: seed.first_name,
        last_name: seed.last_name,
        job_title: seed.job_title,
        primary_email: seed.primary_email,
        identifier: seed.identifier ?? null,
        invitation_phone_number: seed.phone ?? null,
        role: seed.role,
        status: seed.status,
        invited_at: seed.invited_at,
        joined_at: seed.joined_at ?? null,
        created_by_entity_user_xref_uuid: seed.created_by ?? null,
        invitation:
            seed.status === 'pending'
                ? {
                      token: uuidFromLabel(`invitation:${seed.xref}`).replaceAll('-', ''),
                      sent_at: seed.invited_at,
                      message: null
                  }
                : null
    };
}

export interface MessageSeed {
    from: string;
    at: string;
    text: string;
    reply_to_seq?: number;
    attachments?: Attachment[];
}

export interface ChatSeed {
    chat_uuid: string;
    title: string;
    created_by: string;
    created_at: string;
    participants: { xref: string; joined_at?: string; left_at?: string }[];
    messages: MessageSeed[];
    staff_only?: boolean;
    archived?: boolean;
}

export function chat(entityUuid: string, seed: ChatSeed): ChatRecord {
    return {
        chat_uuid: seed.chat_uuid,
        entity_uuid: entityUuid,
        title: seed.title,
        staff_only: seed.staff_only ?? false,
        archived: seed.archived ?? false,
        created_at: seed.created_at,
        created_by_entity_user_xref_uuid: seed.created_by,
        participants: seed.participants.map((p) => ({
            entity_user_xref_uuid: p.xref,
            joined_at: p.joined_at ?? seed.created_at,
            left_at: p.left_at ?? null
        })),
        messages: seed.messages.map((m, index) => ({
            seq: index + 1,
            sender_entity_user_xref_uuid: m.from,
            text: m.text,
            sent_at: m.at,
            reply_to_seq: m.reply_to_seq ?? null,
            attachments: m.attachments ?? []
        }))
    };
}
