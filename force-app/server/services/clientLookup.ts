import type { ClientProfile, ClientState } from '../contracts/clientState';
import { AuraHandledException } from '../platform/exceptions';
import type { QwilClient } from '../qwil/qwilClient';
import { describeQwilFailure } from '../qwil/qwilErrorMessages';
import type { MembershipLookupQuery, Membership } from '../qwil/schemas';
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

/** The client's Qwil state: not invited, or their membership's status and profile. */
export async function lookUpClient(qwil: QwilClient, settings: ConnectorSettings, client: ClientRecord): Promise<ClientState> {
    const query = clientLookupQuery(settings, client);
    const lookup = { type: settings.clientLookupType, value: 'identifier' in query ? query.identifier : client.email ?? '' };
    let membership: Membership | null;
    try {
        membership = await qwil.findMembership(query);
    } catch (error) {
        const message = describeQwilFailure(error);
        if (message) throw new AuraHandledException(message);
        throw error;
    }
    if (!membership) return { status: 'not_invited', lookup };
    if (membership.role !== 'client') {
        throw new AuraHandledException(
            `The Qwil account found for this record (${lookup.value}) belongs to a staff member, not a client. Check the record's ${settings.clientLookupType === 'Email' ? 'email' : 'id'} or ask your Qwil administrator.`
        );
    }
    return { status: membership.status, lookup, client: toClientProfile(membership) };
}
