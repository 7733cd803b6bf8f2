import type { ApexContext } from '../platform/context';
import { AuraHandledException, QueryException } from '../platform/exceptions';
import { isValidId, toId18 } from '../platform/salesforceId';
import { isStaffRole, MembershipRole, type Group, type Membership, type MembershipListResponse } from '../qwil/schemas';
import { CHAT_MAX_ACTIVE_PARTICIPANTS } from '../contracts/QwilChatsController';
import type { ConnectorSettings } from '../settings/connectorSettings';
import { personAccountFieldName } from './clientRecord';
import type { ConnectorSession } from './connectorSession';
import { isActiveStaff, isStaff, staffAdditionRefusal } from './contactGroupRules';

/**
 * The boundary rule. The connector holds one Qwil key for the whole firm, so what it reveals or
 * changes follows the running user's Salesforce access: a Qwil member is shown or acted on only
 * when they are staff of the organisation, the client of the viewed record, or a client whose
 * Salesforce record the user can read (found through the configured Client Lookup Type). Anyone
 * else is never written and never named; the page shows how many there are.
 */

/** What the rule needs of a Qwil member: who they are and how their Salesforce record is found. */
export type MemberKeys = Pick<Membership, 'entity_user_xref_uuid' | 'role' | 'identifier' | 'primary_email'>;

/** Which client memberships the running user can read in Salesforce. */
export interface ClientReader {
    readableUuids(clients: readonly MemberKeys[]): ReadonlySet<string>;
    /** Whether every Contact and Person Account holding this email is one the user can read (and one is). */
    emailOnlyOnReadableRecords(email: string): boolean;
    /** False when the member's Qwil identifier names a Contact or Person Account the user cannot read. */
    linkedRecordReadable(member: MemberKeys): boolean;
}

/** Rows one readability query returns at most: ten pages of a Qwil list. Clients beyond it count as unreadable (the safe side). */
const MAX_CLIENTS_CHECKED = 1000;
/** The most people one request may choose as staff: a Qwil chat holds at most this many active participants. */
const MAX_STAFF_CHOSEN = CHAT_MAX_ACTIVE_PARTICIPANTS;
/** Up to this many chosen people are looked up one callout each (cheaper than reading the staff list). */
const MAX_STAFF_LOOKUPS = 10;
/** Pages of Qwil's list of active staff (100 each) one request reads at most, leaving most of Apex's 100 callouts for the rest. */
const STAFF_LIST_PAGES = 20;
const STAFF_ROLES = MembershipRole.options.filter(isStaffRole);
/** A request naming groups by id reads each one's members (up to ten pages each), so it names at most this many. */
const MAX_GROUPS_CHOSEN = 5;
/** A picker, or the client's list of groups, reads the members of the groups, first to last, within this many pages of 100 (Apex allows 100 callouts). */
const LIST_MEMBER_PAGES = 30;
const MEMBERS_PER_PAGE = 100;

/**
 * Rows the count without sharing reads at most (a list checks up to 1000 emails). When it reaches
 * this, every email counts as held by a record the user cannot read (the safe side).
 */
const MAX_HOLDERS_COUNTED = 2000;

const CLIENT_OBJECTS = ['Contact', 'Account'] as const;

/** "1 client you cannot see in Salesforce": how the page acknowledges members it must not name. */
export function hiddenClientsPhrase(count: number): string {
    return `${count} ${count === 1 ? 'client' : 'clients'} you cannot see in Salesforce`;
}

/**
 * The Contact or Account id in a member's Qwil identifier, if it holds one. Text shaped like an id
 * that is none (a wrong case-safe suffix) names no record, as `Id.valueOf` refuses it in Apex; in the
 * query it would fail the whole list's check.
 */
function linkedRecord(
    context: ApexContext,
    client: MemberKeys
): { readonly objectApiName: string; readonly id: string } | null {
    const identifier = client.identifier?.trim() ?? '';
    if (!isValidId(identifier)) return null;
    const objectApiName = context.schema.getSObjectTypeOfId(identifier);
    return objectApiName === 'Contact' || objectApiName === 'Account'
        ? { objectApiName, id: toId18(identifier) }
        : null;
}

/** Salesforce ids of the configured object types in the members' Qwil identifiers, by object. */
function idsByObject(context: ApexContext, clients: readonly MemberKeys[]): Map<string, Map<string, string[]>> {
    const byObject = new Map<string, Map<string, string[]>>();
    for (const client of clients) {
        const linked = linkedRecord(context, client);
        if (!linked) continue;
        const ids = byObject.get(linked.objectApiName) ?? new Map<string, string[]>();
        ids.set(linked.id, [...(ids.get(linked.id) ?? []), client.entity_user_xref_uuid]);
        byObject.set(linked.objectApiName, ids);
    }
    return byObject;
}

/** One user-mode query; an object or field the user cannot read at all means none of its records are readable. */
function readableValues(
    context: ApexContext,
    objectApiName: string,
    field: string,
    values: readonly string[]
): string[] {
    if (values.length === 0) return [];
    try {
        return context.database
            .queryWhereIn(objectApiName, field, values, MAX_CLIENTS_CHECKED, 'USER_MODE')
            .map((record) => record[field])
            .filter((value): value is string => typeof value === 'string');
    } catch (error) {
        if (error instanceof QueryException) return [];
        throw error;
    }
}

/** The members whose Qwil identifier names a Contact or Person Account the user can read (one query per object). */
function uuidsOfReadableLinkedRecords(context: ApexContext, clients: readonly MemberKeys[]): Set<string> {
    const readable = new Set<string>();
    for (const [objectApiName, ids] of idsByObject(context, clients)) {
        for (const id of readableValues(context, objectApiName, 'Id', [...ids.keys()])) {
            for (const uuid of ids.get(toId18(id)) ?? []) readable.add(uuid);
        }
    }
    return readable;
}

const emailOf = (client: MemberKeys): string => client.primary_email.trim().toLowerCase();

function tally(counts: Map<string, number>, values: readonly unknown[]): void {
    for (const value of values)
        if (typeof value === 'string') counts.set(value.toLowerCase(), (counts.get(value.toLowerCase()) ?? 0) + 1);
}

/**
 * Of these emails (lower case), the ones that at least one Contact or Person Account the user can
 * read holds and no other record holds. Emails are not unique and users can write them, so a record
 * carrying another owner's client's email must not make that client readable. The readable holders
 * are found in user mode; all holders are counted in system mode without sharing, whose rows never
 * leave this function (only how many there are). Two queries per object for the whole list.
 */
function emailsOnlyOnReadableRecords(
    context: ApexContext,
    settings: ConnectorSettings,
    emails: readonly string[]
): Set<string> {
    if (emails.length === 0) return new Set();
    const readable = new Map<string, number>();
    const all = new Map<string, number>();
    for (const objectApiName of CLIENT_OBJECTS) {
        const field =
            objectApiName === 'Account' ? personAccountFieldName(settings.clientEmailField) : settings.clientEmailField;
        // An object without the field (an org without Person Accounts) holds no email.
        if (!context.schema.describeField(objectApiName, field)) continue;
        tally(readable, readableValues(context, objectApiName, field, emails));
        const holders = context.database
            .withoutSharing()
            .queryWhereIn(objectApiName, field, emails, MAX_HOLDERS_COUNTED, 'SYSTEM_MODE');
        if (holders.length === MAX_HOLDERS_COUNTED) return new Set();
        tally(
            all,
            holders.map((record) => record[field])
        );
    }
    return new Set(emails.filter((email) => (readable.get(email) ?? 0) > 0 && readable.get(email) === all.get(email)));
}

/**
 * Reads, as the running user, which clients' Salesforce records are visible: by record id in the
 * Qwil identifier (one query per object for the whole list), or by the configured email field. By
 * email, a client is readable only when every record holding their email is readable and, when
 * their Qwil identifier names a Contact or Person Account, that record is too (at most six queries).
 */
export function clientReader(context: ApexContext, settings: ConnectorSettings): ClientReader {
    return {
        readableUuids(clients) {
            if (settings.clientLookupType === 'Salesforce Record ID')
                return uuidsOfReadableLinkedRecords(context, clients);
            const emails = emailsOnlyOnReadableRecords(context, settings, [
                ...new Set(clients.map(emailOf).filter((email) => email !== ''))
            ]);
            const byEmail = clients.filter((client) => emails.has(emailOf(client)));
            const linkedReadable = uuidsOfReadableLinkedRecords(context, byEmail);
            return new Set(
                byEmail
                    .filter(
                        (client) => !linkedRecord(context, client) || linkedReadable.has(client.entity_user_xref_uuid)
                    )
                    .map((client) => client.entity_user_xref_uuid)
            );
        },
        emailOnlyOnReadableRecords(email) {
            const normalised = email.trim().toLowerCase();
            return emailsOnlyOnReadableRecords(context, settings, [normalised]).has(normalised);
        },
        linkedRecordReadable(member) {
            return (
                !linkedRecord(context, member) ||
                uuidsOfReadableLinkedRecords(context, [member]).has(member.entity_user_xref_uuid)
            );
        }
    };
}

/** The members the page may show, and how many clients it must leave unnamed. */
interface VisibleMembers<T extends MemberKeys> {
    readonly visible: T[];
    readonly hiddenClientCount: number;
}

/** Applies the rule to a list of members; the viewed client (when on Qwil) is always visible. */
function visibleMembers<T extends MemberKeys>(
    session: ConnectorSession,
    viewedClientUuid: string | null,
    members: readonly T[]
): VisibleMembers<T> {
    const clients = members.filter((member) => !isStaff(member) && member.entity_user_xref_uuid !== viewedClientUuid);
    const readable = clients.length > 0 ? session.clientReader.readableUuids(clients) : new Set<string>();
    const visible = members.filter(
        (member) =>
            isStaff(member) ||
            member.entity_user_xref_uuid === viewedClientUuid ||
            readable.has(member.entity_user_xref_uuid)
    );
    return { visible, hiddenClientCount: members.length - visible.length };
}

/** A group is opened or changed from a record only when every other client in it is readable. */
export function requireReadableGroupMembers(
    session: ConnectorSession,
    viewedClientUuid: string | null,
    members: readonly MemberKeys[]
): void {
    const { hiddenClientCount } = visibleMembers(session, viewedClientUuid, members);
    if (hiddenClientCount > 0) {
        throw new AuraHandledException(
            `This group also has ${hiddenClientsPhrase(hiddenClientCount)}, so Qwil Messenger will not show or change it here. Ask the owner of those client records, or your administrator, to manage it.`
        );
    }
}

const NOT_ACTIVE_STAFF =
    'Only active staff members of your Qwil organisation can be added, and one of the people chosen is not one. Search for staff again and choose from the list.';
const TOO_MANY_TO_CHECK = `Your Qwil organisation has more staff than Qwil Messenger can check at once, so it could not confirm that every person chosen is an active staff member. Choose at most ${MAX_STAFF_LOOKUPS} staff members at once.`;

/** One chosen person, looked up in Qwil: refused unless an active staff member (a client is never named). */
async function lookedUpActiveStaff(session: ConnectorSession, uuid: string): Promise<Membership> {
    const membership = await session.qwil.memberships.findMembership({ entity_user_xref_uuid: uuid });
    if (!membership || !isStaff(membership)) throw new AuraHandledException(NOT_ACTIVE_STAFF);
    const inactive = staffAdditionRefusal(membership);
    if (inactive) throw new AuraHandledException(inactive);
    return membership;
}

/** The wanted people found in Qwil's list of active staff, role by role, within the page budget. */
async function listedActiveStaff(
    session: ConnectorSession,
    wanted: ReadonlySet<string>
): Promise<Map<string, Membership>> {
    const found = new Map<string, Membership>();
    let pages = 0;
    for (const role of STAFF_ROLES) {
        let cursor: string | null = null;
        do {
            if (pages === STAFF_LIST_PAGES) return found;
            pages += 1;
            const page: MembershipListResponse = await session.qwil.memberships.listMembershipsPage(
                { role, status: 'active' },
                cursor
            );
            for (const member of page.entity_memberships)
                if (wanted.has(member.entity_user_xref_uuid) && isActiveStaff(member))
                    found.set(member.entity_user_xref_uuid, member);
            if (found.size === wanted.size) return found;
            cursor = page.next_cursor;
        } while (cursor);
    }
    return found;
}

/**
 * The chosen people as active staff memberships of the organisation, checked in Qwil before any
 * write. Anyone else is refused without being named: a client must never be added as staff.
 * A few are looked up one by one; more are found in Qwil's list of active staff (up to 100 people,
 * as many as a chat holds). In an organisation whose staff list is longer than the page budget, the
 * people the budget did not reach are looked up one by one when they are few, and otherwise the
 * request is refused with the number that can be checked: the callouts stay inside Apex's 100.
 */
export async function requireActiveStaff(session: ConnectorSession, uuids: readonly string[]): Promise<Membership[]> {
    const unique = [...new Set(uuids)];
    if (unique.length > MAX_STAFF_CHOSEN)
        throw new AuraHandledException(`Choose at most ${MAX_STAFF_CHOSEN} staff members at once.`);
    const listed =
        unique.length > MAX_STAFF_LOOKUPS
            ? await listedActiveStaff(session, new Set(unique))
            : new Map<string, Membership>();
    if (unique.length - listed.size > MAX_STAFF_LOOKUPS) throw new AuraHandledException(TOO_MANY_TO_CHECK);
    const staff: Membership[] = [];
    for (const uuid of unique) staff.push(listed.get(uuid) ?? (await lookedUpActiveStaff(session, uuid)));
    return staff;
}

/** Reads each group's members, in order (one callout per group page). */
async function membersOfEach(session: ConnectorSession, groupUuids: readonly string[]): Promise<Membership[][]> {
    const api = session.qwil.groups;
    const lists: Membership[][] = [];
    for (const uuid of groupUuids) lists.push(await api.members(uuid));
    return lists;
}

/**
 * For each member list, how many clients in it, other than the viewed client, the user cannot read
 * in Salesforce; one readability check for all lists.
 */
function hiddenClientCounts(
    session: ConnectorSession,
    viewedClientUuid: string | null,
    memberLists: readonly (readonly Membership[])[]
): number[] {
    const isOtherClient = (member: Membership) => !isStaff(member) && member.entity_user_xref_uuid !== viewedClientUuid;
    const clients = memberLists.flat().filter(isOtherClient);
    const readable = clients.length > 0 ? session.clientReader.readableUuids(clients) : new Set<string>();
    return memberLists.map(
        (members) =>
            members.filter((member) => isOtherClient(member) && !readable.has(member.entity_user_xref_uuid)).length
    );
}

/** The first groups whose members fit a list's callout budget. */
function withinPageBudget(found: readonly Group[]): Group[] {
    const candidates: Group[] = [];
    let pages = 0;
    for (const group of found) {
        pages += Math.max(1, Math.ceil(group.member_count / MEMBERS_PER_PAGE));
        if (pages > LIST_MEMBER_PAGES) break;
        candidates.push(group);
    }
    return candidates;
}

/**
 * For a picker: the groups found whose clients the user can all read (or that have none); the
 * others are left out. Only the first groups within the callout budget are checked, so a search
 * matching very many groups offers its first ones.
 */
export async function readableGroups(session: ConnectorSession, found: readonly Group[]): Promise<Group[]> {
    const candidates = withinPageBudget(found);
    const hidden = hiddenClientCounts(
        session,
        null,
        await membersOfEach(
            session,
            candidates.map((group) => group.group_uuid)
        )
    );
    return candidates.filter((_, index) => hidden[index] === 0);
}

/**
 * For the viewed client's own groups, in order: how many clients in each, besides the viewed
 * client, the user cannot read in Salesforce (0: the group may be shown). Only the first groups
 * within the callout budget are checked (one callout per page of members, one readability check
 * for all); a group beyond it is null, not checked, and is shown as little as one with hidden clients.
 */
export async function hiddenClientsOfClientGroups(
    session: ConnectorSession,
    viewedClientUuid: string,
    groups: readonly Group[]
): Promise<(number | null)[]> {
    const checked = withinPageBudget(groups);
    const hidden = hiddenClientCounts(
        session,
        viewedClientUuid,
        await membersOfEach(
            session,
            checked.map((group) => group.group_uuid)
        )
    );
    return groups.map((_, index) => hidden[index] ?? null);
}

/** The groups a request names by id: refused, before any write, unless each one's clients are all readable. */
export async function requireReadableGroups(session: ConnectorSession, groupUuids: readonly string[]): Promise<void> {
    const unique = [...new Set(groupUuids)];
    if (unique.length > MAX_GROUPS_CHOSEN)
        throw new AuraHandledException(`Choose at most ${MAX_GROUPS_CHOSEN} groups at once.`);
    if (hiddenClientCounts(session, null, await membersOfEach(session, unique)).some((count) => count > 0)) {
        throw new AuraHandledException(
            'One of the chosen groups has clients you cannot see in Salesforce, so the client cannot be added to it from here. Choose a group from the list.'
        );
    }
}
