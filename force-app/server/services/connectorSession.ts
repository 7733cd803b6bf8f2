import type { Organisation } from '../contracts/QwilConnectorController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { chatServiceSchemeOf } from '../qwil/chatServiceScheme';
import { QwilClient } from '../qwil/qwilClient';
import { describeQwilFailure } from '../qwil/qwilErrorMessages';
import type { Membership } from '../qwil/schemas';
import { loadConnectorSettings, type ConnectorSettings } from '../settings/connectorSettings';
import { readClientRecord, type ClientRecord } from './clientRecord';
import { clientReader, type ClientReader } from './memberVisibility';
import type { ClientLookupSession } from './clientLookup';
import { cachedStaffOrganisations, chooseFrom, clientOrganisation } from './organisation';
import { lookUpStaff, readStaffKey, refuseUnlessActiveStaff, resolveStaff, type StaffKey } from './staffMapping';

/** Everything a server method needs to act for the running user on one client record. */
export interface ConnectorSession {
    readonly settings: ConnectorSettings;
    readonly client: ClientRecord;
    readonly staff: Membership;
    readonly qwil: QwilClient;
    readonly organisation: Organisation | null;
    readonly switchableOrganisations: readonly Organisation[];
    /** Which other clients the running user can read in Salesforce (the boundary rule). */
    readonly clientReader: ClientReader;
}

export type SessionOrChoice =
    | { readonly kind: 'ready'; readonly session: ConnectorSession }
    | { readonly kind: 'choose_organisation'; readonly organisations: Organisation[] };

/**
 * Runs Qwil work, turning Qwil and callout failures into messages that say what to do next; users
 * who may configure the connector (Customize Application) also get Qwil's status and code.
 */
export async function withQwilErrors<T>(context: ApexContext, work: () => Promise<T>): Promise<T> {
    try {
        return await work();
    } catch (error) {
        const message = describeQwilFailure(
            error,
            context.userInfo.hasUserPermission('CustomizeApplication') ? 'administrator' : 'staff'
        );
        if (message) throw new AuraHandledException(message);
        throw error;
    }
}

/** A ready session and what ran alongside it, or the instruction to pick an organisation first. */
export type SessionWith<T> =
    | { readonly kind: 'ready'; readonly session: ConnectorSession; readonly alongside: T }
    | { readonly kind: 'choose_organisation'; readonly organisations: Organisation[] };

/** What runs alongside the staff mapping: everything of the session but the staff member. */
export type Alongside<T> = (scope: ClientLookupSession) => Promise<T>;

/**
 * Waits for both; when both fail, the staff mapping's failure is the one reported (it says why the user
 * cannot act at all). Apex runs the two one after another, staff first, to the same effect.
 */
async function bothOf<S, T>(staff: Promise<S>, other: Promise<T>): Promise<[S, T]> {
    const [staffOutcome, otherOutcome] = await Promise.allSettled([staff, other]);
    if (staffOutcome.status === 'rejected') throw staffOutcome.reason;
    if (otherOutcome.status === 'rejected') throw otherOutcome.reason;
    return [staffOutcome.value, otherOutcome.value];
}

async function superKeySession<T>(
    context: ApexContext,
    key: StaffKey,
    base: Pick<ConnectorSession, 'settings' | 'client' | 'clientReader'>,
    alongside: Alongside<T>
): Promise<SessionWith<T>> {
    const organisations = await cachedStaffOrganisations(context, new QwilClient(context.http), key);
    const choice = chooseFrom(context, organisations);
    const remembered = choice.kind === 'chosen' ? choice.organisation : null;
    type StaffOrganisation = (typeof organisations)[number];
    const qwilIn = (organisation: StaffOrganisation) =>
        new QwilClient(context.http, {
            entityUuid: organisation.entityUuid,
            chatServiceScheme: chatServiceSchemeOf(context.namedCredentials)
        });
    const staffIn = (organisation: StaffOrganisation, qwil: QwilClient) =>
        resolveStaff(context, key, organisation.entityUuid, async () => {
            // The tenancy lookup already named the membership; one lookup by uuid gives its profile.
            const membership = await qwil.memberships.findMembership({
                entity_user_xref_uuid: organisation.membershipUuid
            });
            if (!membership)
                throw new AuraHandledException(
                    `Your Qwil staff account in ${organisation.name} could not be found. Reopen the tab to try again.`
                );
            return refuseUnlessActiveStaff(membership, key);
        });
    // The staff profile in the remembered organisation is asked for while the client is looked for, so a
    // client found there (the usual case) costs one wait, not two; a client elsewhere wastes that one
    // callout. Apex sends its callouts one after another and asks only where the client is.
    const rememberedQwil = remembered ? qwilIn(remembered) : null;
    const early = remembered && rememberedQwil ? staffIn(remembered, rememberedQwil) : null;
    early?.catch(() => undefined);
    // The client's own organisation wins; the remembered choice is only the default for a client in none.
    const home = organisations.length > 1 ? await clientOrganisation(context, base, organisations, remembered) : null;
    const organisation = home ?? remembered;
    if (!organisation) return { kind: 'choose_organisation', organisations };
    const inRemembered = remembered !== null && organisation.entityUuid === remembered.entityUuid;
    const qwil = inRemembered && rememberedQwil ? rememberedQwil : qwilIn(organisation);
    const staff = inRemembered && early ? early : staffIn(organisation, qwil);
    const [member, result] = await bothOf(staff, alongside({ ...base, qwil }));
    return {
        kind: 'ready',
        session: {
            ...base,
            staff: member,
            qwil,
            organisation,
            // Switching is offered while the organisation is only the default: for a client in none of them.
            switchableOrganisations: home || choice.kind === 'choose' ? [] : choice.switchable
        },
        alongside: result
    };
}

/**
 * Opens a session in this order: settings, the client record as the running user (no Qwil call
 * for a record they cannot read), the Staff ID rule, the organisation, then the staff mapping,
 * with `alongside` (e.g. the client's lookup) sent at the same time as the staff mapping: the two
 * are independent, so the tab waits on Qwil once for both.
 */
export async function openSessionWith<T>(
    context: ApexContext,
    recordId: string,
    alongside: Alongside<T>
): Promise<SessionWith<T>> {
    const settings = loadConnectorSettings(context);
    const client = readClientRecord(context, settings, recordId);
    const key = readStaffKey(context, settings);
    const base = { settings, client, clientReader: clientReader(context, settings) };
    return withQwilErrors(context, async () => {
        if (settings.usingSuperApiKey) return superKeySession(context, key, base, alongside);
        const qwil = new QwilClient(context.http, { chatServiceScheme: chatServiceSchemeOf(context.namedCredentials) });
        const [staff, result] = await bothOf(
            resolveStaff(context, key, 'system-key', () => lookUpStaff(qwil, key)),
            alongside({ ...base, qwil })
        );
        return {
            kind: 'ready',
            session: { ...base, staff, qwil, organisation: null, switchableOrganisations: [] },
            alongside: result
        };
    });
}

/** A session for the running user on the record, or the instruction to pick an organisation first. */
async function openSession(context: ApexContext, recordId: string): Promise<SessionOrChoice> {
    return openSessionWith(context, recordId, async () => null);
}

/** For actions: a session, or the instruction to pick an organisation first. */
export async function requireSession(context: ApexContext, recordId: string): Promise<ConnectorSession> {
    const opened = await openSession(context, recordId);
    if (opened.kind === 'choose_organisation')
        throw new AuraHandledException('Choose the Qwil organisation to work in first: reopen the Qwil Messenger tab.');
    return opened.session;
}
