import type { ClientProfile, ClientState } from '../contracts/clientState';
import { AuraHandledException } from '../platform/exceptions';
import type { QwilClient } from '../qwil/qwilClient';
import type { Membership, MembershipLookupQuery } from '../qwil/schemas';
import type { ConnectorSettings } from '../settings/connectorSettings';
import type { ClientRecord } from './clientRecord';

/** How the record is found in Qwil: by its 18-character id in the Qwil identifier, or by its email. */
export function clientLookupQuery(settings: ConnectorSettings, client: ClientRecord): MembershipLookupQuery {
    if (settings.clientLookupType === 'Salesforce Record ID') return { identifier: client.recordId };
    if (!client.email) {
        throw new AuraHandledException('This record has no email address, so Qwil Messenger cannot look the client up. Add the email to the record and reopen the tab.');
    }
    return { primary_email: client.email };
}

/** The client's Qwil membership, or null when they are not on Qwil; a staff match is refused. */
export async function findClientMembership(qwil: QwilClient, settings: ConnectorSettings, client: ClientRecord): Promise<Membership | null> {
    const query = clientLookupQuery(settings, client);
    const membership = await qwil.findMembership(query);
    if (membership && membership.role !== 'client') {
        const value = 'identifier' in query ? query.identifier : client.email;
        throw new AuraHandledException(
            `The Qwil account found for this record (${value}) belongs to a staff member, not a client. Check the record's ${settings.clientLookupType === 'Email' ? 'email' : 'id'} or ask your Qwil administrator.`
        );
    }
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

export function clientStateOf(settings: ConnectorSettings, client: ClientRecord, membership: Membership | null): ClientState {
    const lookup = { type: settings.clientLookupType, value: settings.clientLookupType === 'Salesforce Record ID' ? client.recordId : client.email ?? '' };
    return membership ? { status: membership.status, lookup, client: toClientProfile(membership) } : { status: 'not_invited', lookup };
}
