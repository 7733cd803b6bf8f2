import type { LinkConflictReason } from '../contracts/QwilLinkClientsController';
import type { Membership } from '../qwil/schemas';

/** What the org holds for one email: the records the job's user can read (18-character ids) and all records. */
export interface EmailHolders {
    readonly readableIds: readonly string[];
    readonly total: number;
}

/** What the org says about a page of Qwil clients (found by the queries of `linkClientsRecords`). */
export interface OrgFacts {
    /** Qwil identifiers that are the id of a Contact or Person Account of this org. */
    readonly linkedIdentifiers: ReadonlySet<string>;
    /** By lower-case email. */
    readonly holders: ReadonlyMap<string, EmailHolders>;
}

type ClientPlan =
    /** The identifier already names a client record of this org: left alone. */
    | { readonly kind: 'already_linked' }
    | { readonly kind: 'conflict'; readonly reason: LinkConflictReason }
    /** Exactly one readable record: linked to it, once Qwil confirms no other member has its id. */
    | { readonly kind: 'candidate'; readonly recordId: string };

export type PlannedClient = Pick<Membership, 'entity_user_xref_uuid' | 'identifier' | 'primary_email' | 'status'>;

export const emailKey = (email: string): string => email.trim().toLowerCase();

/**
 * The plan for one Qwil client. A client is linked only to the one record holding its email, and only
 * when no record holding it is hidden from the job's user: a record they cannot read might be the
 * client's, so it is a conflict, never a guess.
 */
export function planClient(client: PlannedClient, facts: OrgFacts): ClientPlan {
    const identifier = client.identifier?.trim() ?? '';
    if (identifier !== '' && facts.linkedIdentifiers.has(identifier)) return { kind: 'already_linked' };
    if (client.status === 'deactivated') return { kind: 'conflict', reason: 'deactivated' };
    const holders = facts.holders.get(emailKey(client.primary_email));
    if (!holders || holders.total === 0) return { kind: 'conflict', reason: 'no_record' };
    if (holders.readableIds.length < holders.total) return { kind: 'conflict', reason: 'record_unreadable' };
    const [only] = holders.readableIds;
    if (!only || holders.readableIds.length > 1) return { kind: 'conflict', reason: 'several_records' };
    return { kind: 'candidate', recordId: only };
}

type CandidateOutcome =
    | { readonly kind: 'link' }
    /** This client already has the id (an earlier attempt wrote it): nothing to write. */
    | { readonly kind: 'already_linked' }
    | { readonly kind: 'conflict'; readonly reason: 'id_in_use' };

/**
 * A candidate, once Qwil has said which member (if any) has the record's id as identifier: the check
 * made before every write, so a client an earlier attempt linked is never written again.
 */
export function confirmCandidate(
    clientUuid: string,
    holderOfId: Pick<Membership, 'entity_user_xref_uuid'> | null
): CandidateOutcome {
    if (!holderOfId) return { kind: 'link' };
    return holderOfId.entity_user_xref_uuid === clientUuid
        ? { kind: 'already_linked' }
        : { kind: 'conflict', reason: 'id_in_use' };
}
