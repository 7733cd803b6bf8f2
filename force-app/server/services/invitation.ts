import type { InviteClientParams, ReadyTab } from '../contracts/QwilConnectorController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { QwilApiError } from '../qwil/qwilTransport';
import type { Membership } from '../qwil/schemas';
import { findClientMembership } from './clientLookup';
import type { ConnectorSession } from './connectorSession';
import { requireActiveStaff, requireReadableGroups } from './memberVisibility';
import { checkInvitationPhone, defaultCountryOfLocale } from './invitationPhone';
import { forgetClientState } from './clientStateReuse';
import { forgetClientOrganisation } from './organisation';
import { readyTab } from './tabState';

/** Qwil's answers to a create that lost a race: the email or identifier is already taken (our mock's codes). */
const ALREADY_TAKEN = new Set(['QX020', 'QX021']);

function phoneToSend(context: ApexContext, session: ConnectorSession, typed: string | null): string {
    const source =
        session.settings.staffCanEditInvitationPhone && typed !== null ? typed : session.client.invitationPhone;
    const check = checkInvitationPhone(source, defaultCountryOfLocale(context.userInfo.getLocale()));
    if (!check.international) {
        const where = session.settings.staffCanEditInvitationPhone
            ? ''
            : ' Correct the number on the Salesforce record, then reopen the tab.';
        throw new AuraHandledException(`${check.problem ?? 'The invitation phone number cannot be used.'}${where}`);
    }
    return check.international;
}

function requireRecordValues(session: ConnectorSession): { firstName: string; lastName: string; email: string } {
    const { firstName, lastName, email } = session.client;
    const missing = [!firstName && 'first name', !lastName && 'last name', !email && 'email'].filter(Boolean);
    if (!firstName || !lastName || !email) {
        throw new AuraHandledException(
            `The record has no ${missing.join(', ')}. Qwil needs it to invite the client: fill it in on the record, then try again.`
        );
    }
    return { firstName, lastName, email };
}

/**
 * Invites the record's client into Qwil, once. Qwil is asked first whether the client exists. A
 * record lock would not help: a callout releases FOR UPDATE locks. So when another invite wins a
 * race, Qwil's unique email and identifier refuse the second create, and the existing membership
 * is returned instead.
 */
export async function inviteClient(
    context: ApexContext,
    session: ConnectorSession,
    params: InviteClientParams
): Promise<ReadyTab> {
    const { client, staff, qwil } = session;
    if (params.groupUuids.length === 0 && !params.newGroup) {
        throw new AuraHandledException(
            'Choose at least one contact group for the client, or create a new one: every Qwil client needs a group with an active staff member.'
        );
    }
    if (params.newGroup && params.newGroup.staffEntityUserXrefUuids.length === 0) {
        throw new AuraHandledException(
            'Add at least one active staff member to the new group: a client can only join a group that has one.'
        );
    }
    const values = requireRecordValues(session);
    const invitationPhone = phoneToSend(context, session, params.invitationPhone);

    const existing = await findClientMembership(session);
    if (existing) return alreadyOnQwil(context, session, existing);
    await requireReadableGroups(session, params.groupUuids);
    if (params.newGroup) await requireActiveStaff(session, params.newGroup.staffEntityUserXrefUuids);

    let created: Membership;
    try {
        created = await qwil.memberships.createMembership({
            first_name: values.firstName,
            last_name: values.lastName,
            primary_email: values.email,
            job_title: params.jobTitle,
            invitation_phone_number: invitationPhone,
            // Clients created from Salesforce carry their record id, whatever the lookup type (install guide).
            identifier: client.recordId,
            role: 'client',
            ...(params.groupUuids.length > 0 ? { group_uuids: params.groupUuids } : {}),
            ...(params.newGroup
                ? {
                      new_group_name: params.newGroup.name,
                      new_group_entity_user_xref_uuids: params.newGroup.staffEntityUserXrefUuids
                  }
                : {}),
            created_by_entity_user_xref_uuid: staff.entity_user_xref_uuid,
            send_invitation: true
        });
    } catch (error) {
        if (!(error instanceof QwilApiError && error.errorCode && ALREADY_TAKEN.has(error.errorCode))) throw error;
        const winner = await findClientMembership(session);
        if (!winner) {
            throw new AuraHandledException(
                `Qwil already has an account with this client's ${error.errorCode === 'QX020' ? 'email' : 'identifier'}, but it is not linked to this record. Ask your Qwil administrator to check it.`
            );
        }
        created = winner;
    }
    forgetClientState(context, session);
    forgetClientOrganisation(context, session);
    return readyTab(context, session, created);
}

function alreadyOnQwil(context: ApexContext, session: ConnectorSession, membership: Membership): ReadyTab {
    if (membership.status === 'deactivated') {
        throw new AuraHandledException(
            'This client was deactivated in Qwil and cannot be invited again with the same email. Ask your Qwil administrator.'
        );
    }
    return readyTab(context, session, membership);
}

/**
 * The client's membership when they are pending; otherwise the tab as Qwil has it now. An action offered
 * for a pending client whose state changed meanwhile (they accepted, were invited elsewhere, left) is not
 * refused with a message to retry: the answer is the current state, so the page shows what changed.
 */
async function pendingOrCurrentTab(
    context: ApexContext,
    session: ConnectorSession
): Promise<{ pending: Membership } | { current: ReadyTab }> {
    const membership = await findClientMembership(session);
    if (membership?.status === 'pending') return { pending: membership };
    forgetClientState(context, session);
    return { current: readyTab(context, session, membership) };
}

export async function resendInvitation(context: ApexContext, session: ConnectorSession): Promise<ReadyTab> {
    const found = await pendingOrCurrentTab(context, session);
    if ('current' in found) return found.current;
    const resent = await session.qwil.memberships.resendInvitation(found.pending.entity_user_xref_uuid);
    forgetClientState(context, session);
    return readyTab(context, session, resent);
}

export async function updateInvitationPhone(
    context: ApexContext,
    session: ConnectorSession,
    typed: string
): Promise<ReadyTab> {
    if (!session.settings.staffCanEditInvitationPhone) {
        throw new AuraHandledException(
            'Staff cannot edit the invitation phone number here: correct it on the Salesforce record. (Staff Can Edit Invitation Phone Number is off.)'
        );
    }
    const check = checkInvitationPhone(typed, defaultCountryOfLocale(context.userInfo.getLocale()));
    if (!check.international)
        throw new AuraHandledException(check.problem ?? 'The invitation phone number cannot be used.');
    const found = await pendingOrCurrentTab(context, session);
    if ('current' in found) return found.current;
    const updated = await session.qwil.memberships.updateInvitationPhone(
        found.pending.entity_user_xref_uuid,
        check.international
    );
    forgetClientState(context, session);
    return readyTab(context, session, updated);
}
