import type { Mismatch, ReadyTab } from '../contracts/QwilConnectorController';
import type { ApexContext } from '../platform/context';
import type { Membership } from '../qwil/schemas';
import { clientStateOf } from './clientLookup';
import type { ConnectorSession } from './connectorSession';
import { checkInvitationPhone, defaultCountryOfLocale } from './invitationPhone';

function mismatches(session: ConnectorSession, membership: Membership, internationalPhone: string | null): Mismatch[] {
    const { client } = session;
    const same = (a: string | null, b: string | null) =>
        (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
    const pairs: Mismatch[] = [
        { field: 'First name', salesforce: client.firstName, qwil: membership.first_name },
        { field: 'Last name', salesforce: client.lastName, qwil: membership.last_name },
        { field: 'Email', salesforce: client.email, qwil: membership.primary_email },
        {
            field: 'Invitation phone',
            salesforce: internationalPhone ?? client.invitationPhone,
            qwil: membership.invitation_phone_number
        }
    ];
    return pairs.filter((pair) => !same(pair.salesforce, pair.qwil));
}

/** The tab's whole view for a client, built from what the session already holds (no extra callout). */
export function readyTab(context: ApexContext, session: ConnectorSession, membership: Membership | null): ReadyTab {
    const { settings, client, staff } = session;
    const country = defaultCountryOfLocale(context.userInfo.getLocale());
    const phone = checkInvitationPhone(client.invitationPhone, country);
    const status = membership?.status ?? 'not_invited';
    return {
        kind: 'ready',
        organisation: session.organisation,
        switchableOrganisations: [...session.switchableOrganisations],
        staff: {
            name: `${staff.first_name} ${staff.last_name}`.trim(),
            jobTitle: staff.job_title,
            entityUserXrefUuid: staff.entity_user_xref_uuid
        },
        client: clientStateOf(settings, client, membership),
        record: { firstName: client.firstName, lastName: client.lastName, email: client.email, invitationPhone: phone },
        mismatches: membership ? mismatches(session, membership, phone.international) : [],
        invite: {
            jobTitle: settings.defaultClientJobTitle,
            newGroupName:
                client.lastName && settings.defaultContactGroupName
                    ? `${client.lastName} ${settings.defaultContactGroupName}`
                    : null,
            addInvitingUser: settings.addInvitingUserIntoNewGroups,
            phoneEditable: settings.staffCanEditInvitationPhone,
            defaultCountry: country.country,
            defaultCountrySource: country.source
        },
        actions: {
            invite: status === 'not_invited',
            resendInvitation: status === 'pending',
            editPhone: status === 'pending' && settings.staffCanEditInvitationPhone
        }
    };
}
