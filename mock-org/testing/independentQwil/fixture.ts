import { randomBytes, randomUUID } from 'node:crypto';
import type { StandInData, StandInPerson } from './independentQwil';

export interface StandInFixtureOptions {
    /** The Salesforce record id the client carries as Qwil identifier (Record ID lookup). */
    readonly clientRecordId: string;
    readonly acceptSystemKeyOnChatService: boolean;
}

export interface StandInFixture {
    readonly data: StandInData;
    readonly staff: StandInPerson;
    readonly client: StandInPerson;
    readonly colleague: StandInPerson;
}

const INVITED_AT = '2026-01-05T09:00:00Z';
const JOINED_AT = '2026-01-06T10:30:00Z';
type PersonFields = Pick<
    StandInPerson,
    'first_name' | 'last_name' | 'job_title' | 'primary_email' | 'identifier' | 'role'
>;
/** An active member who joined the day after the invitation; no invitation phone kept. */
const person = (fields: PersonFields): StandInPerson => ({
    entity_user_xref_uuid: randomUUID(),
    ...fields,
    invitation_phone_number: null,
    status: 'active',
    invited_at: INVITED_AT,
    joined_at: JOINED_AT
});
const key = () => ({ key: randomBytes(12).toString('hex'), secret: randomBytes(24).toString('base64url') });

/**
 * One small Qwil organisation: Olivia (staff, found by her primary email: her Qwil identifier is
 * not set), her colleague James, and the client Eleanor, who has two chats, one without Olivia.
 */
export function standInFixture({
    clientRecordId,
    acceptSystemKeyOnChatService
}: StandInFixtureOptions): StandInFixture {
    const staff = person({
        first_name: 'Olivia',
        last_name: 'Hart',
        job_title: 'Relationship Manager',
        primary_email: 'olivia.hart@harbourwealth.example',
        identifier: null,
        role: 'staff'
    });
    const colleague = person({
        first_name: 'James',
        last_name: 'Patel',
        job_title: 'Adviser',
        primary_email: 'james.patel@harbourwealth.example',
        identifier: null,
        role: 'staff'
    });
    const client = person({
        first_name: 'Eleanor',
        last_name: 'Whitfield',
        job_title: 'Client',
        primary_email: 'eleanor.whitfield@example.com',
        identifier: clientRecordId,
        role: 'client'
    });
    return {
        staff,
        client,
        colleague,
        data: {
            organisation: { entity_uuid: randomUUID(), name: 'Harbour Wealth' },
            systemKey: key(),
            masterKey: key(),
            acceptSystemKeyOnChatService,
            people: [staff, colleague, client],
            chats: [
                {
                    chat_uuid: randomUUID(),
                    title: 'Portfolio review',
                    createdByUuid: staff.entity_user_xref_uuid,
                    participantUuids: [staff.entity_user_xref_uuid, client.entity_user_xref_uuid],
                    messages: [
                        {
                            seq: 1,
                            text: 'Shall we meet on Thursday?',
                            sender_entity_user_xref_uuid: staff.entity_user_xref_uuid,
                            sent_at: '2026-02-02T09:15:00Z'
                        },
                        {
                            seq: 2,
                            text: 'Thursday suits me.',
                            sender_entity_user_xref_uuid: client.entity_user_xref_uuid,
                            sent_at: '2026-02-02T11:40:00Z'
                        }
                    ]
                },
                {
                    chat_uuid: randomUUID(),
                    title: 'Tax documents',
                    createdByUuid: colleague.entity_user_xref_uuid,
                    participantUuids: [colleague.entity_user_xref_uuid, client.entity_user_xref_uuid],
                    messages: [
                        {
                            seq: 1,
                            text: 'Please upload your P60.',
                            sender_entity_user_xref_uuid: colleague.entity_user_xref_uuid,
                            sent_at: '2026-02-03T14:00:00Z'
                        }
                    ]
                }
            ]
        }
    };
}
