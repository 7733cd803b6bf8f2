import type { ClientProfile, ClientState } from '../contracts/clientState';
import { AuraHandledException } from '../platform/exceptions';
import type { Membership, MembershipLookupQuery } from '../qwil/schemas';
import type { ConnectorSettings } from '../settings/connectorSettings';
import type { ClientRecord } from './clientRecord';
import type { ConnectorSession } from './connectorSession';

/** How the record is found in Qwil: by its 18-character id in the Qwil identifier, or by its email. */
export function clientLookupQuery(settings: ConnectorSettings, client: ClientRecord): MembershipLookupQuery {
    if (settings.clientLookupType === 'Salesforce Record ID') return { identifier: client.recordId };
    if (!client.email) {
        throw new AuraHandledException(
            'This record has no email address, so Qwil Messenger cannot look the client up. Add the email to the record and reopen the tab.'
        );
    }
    return { primary_email: client.email };
}

/** What finding the viewed client needs of the session. */
export type ClientLookupSession = Pick<ConnectorSession, 'qwil' | 'settings' | 'client' | 'clientReader'>;

export const EMAIL_ON_UNREADABLE_RECORD =
    "Another Salesforce record that you cannot open has this client's email, so Qwil Messenger will not show or change the client's Qwil account from this record. Ask your administrator which record is the client's.";
const STAFF_ACCOUNT_LINKED =
    'The Qwil account linked to this record belongs to a staff member, not a client. Ask your Qwil administrator to check which Qwil account carries this record as its identifier.';
export const LINKED_TO_UNREADABLE_RECORD =
    "The Qwil account with this client's email belongs to another Salesforce record that you cannot open, so Qwil Messenger will not show or change it from this record. Ask your administrator which record is the client's.";

/**
 * The client's Qwil membership, or null when they are not on Qwil; a staff match is refused. By
 * email, the email must be on no record the user cannot read (checked before asking Qwil), and a
 * Qwil account whose identifier names another Contact or Person Account counts only when the user
 * can read that record: emails are not unique and users can write them. `find` asks Qwil (by default)
 * or reuses a recent answer; the checks run either way.
 */
export async function findClientMembership(
    session: ClientLookupSession,
    find: (query: MembershipLookupQuery) => Promise<Membership | null> = (query) =>
        session.qwil.memberships.findMembership(query)
): Promise<Membership | null> {
    const { settings, client, clientReader } = session;
    const query = clientLookupQuery(settings, client);
    const byEmail = 'primary_email' in query;
    if (byEmail && !clientReader.emailOnlyOnReadableRecords(query.primary_email))
        throw new AuraHandledException(EMAIL_ON_UNREADABLE_RECORD);
    const membership = await find(query);
    if (membership && membership.role !== 'client') {
        throw new AuraHandledException(
            byEmail
                ? `The Qwil account with this record's email (${query.primary_email}) belongs to a staff member, not a client. Check the record's email or ask your Qwil administrator.`
                : STAFF_ACCOUNT_LINKED
        );
    }
    if (membership && byEmail && !clientReader.linkedRecordReadable(membership))
        throw new AuraHandledException(LINKED_TO_UNREADABLE_RECORD);
    return membership;
}

function toClientProfile(membership: Membership): ClientProfile {
    return {
        firstName: membership.first_name,
        lastName: membership.last_name,
        primaryEmail: membership.primary_email,
        invitationPhone: membership.invitation_phone_number,
        jobTitle: membership.job_title,
        identifier: membership.identifier,
        status: membership.status,
        invitedAt: membership.invited_at,
        joinedAt: membership.joined_at
    };
}

export function clientStateOf(
    settings: ConnectorSettings,
    client: ClientRecord,
    membership: Membership | null
): ClientState {
    const lookup = {
        type: settings.clientLookupType,
        value: settings.clientLookupType === 'Salesforce Record ID' ? client.recordId : (client.email ?? '')
    };
    return membership
        ? { status: membership.status, lookup, client: toClientProfile(membership) }
        : { status: 'not_invited', lookup };
}
