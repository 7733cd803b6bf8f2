import type { LinkPlanRow } from '../contracts/QwilLinkClientsController';
import type { ApexContext } from '../platform/context';
import { QwilClient } from '../qwil/qwilClient';
import { QwilApiError } from '../qwil/qwilTransport';
import type { Membership } from '../qwil/schemas';
import type { ConnectorSettings } from '../settings/connectorSettings';
import { READ_COST, WRITE_COST, type CalloutBudget } from './linkClientsBudget';
import { confirmCandidate, planClient, type OrgFacts } from './linkClientsPlanner';
import { CONFLICT_LABELS, appendRows, type LinkRunState } from './linkClientsProgress';
import { orgFactsFor } from './linkClientsRecords';

/** Pages one transaction plans at most: each takes up to six SOQL queries, and Apex allows 100. */
const PAGES_PER_TRANSACTION = 15;
/** Queueable delays are 0 to 10 whole minutes. */
const MAX_DELAY_MINUTES = 10;

/** The state after one transaction, and when the next job should run (null: the run is finished). */
interface StepOutcome {
    readonly state: LinkRunState;
    readonly delayMinutes: number | null;
}

const rowOf = (
    client: Membership,
    fields: Pick<LinkPlanRow, 'recordId' | 'outcome' | 'reason' | 'explanation'>
): LinkPlanRow => ({
    membershipUuid: client.entity_user_xref_uuid,
    clientName: `${client.first_name} ${client.last_name}`.trim(),
    primaryEmail: client.primary_email,
    currentIdentifier: client.identifier,
    ...fields
});

/** Why the job stopped taking work in this transaction. */
class Pause {
    constructor(
        readonly delayMinutes: number,
        readonly waiting: string | null = null
    ) {}
}

/**
 * One transaction of a linking run: reads Qwil's client list page by page from where the run stands,
 * plans each client, and (unless a dry run) links the ones with exactly one record, until the next step
 * would not fit the transaction's limits or the job's calls per minute. Before each write Qwil is asked
 * which member has the record's id: a client an earlier attempt linked is never written again, and an
 * id another member has is a conflict. A 429 pauses the run for as long as Qwil's Retry-After asks;
 * any other failure is thrown (the transaction rolls back; running it again resumes from the last
 * committed step).
 */
export async function runLinkStep(
    context: ApexContext,
    settings: ConnectorSettings,
    start: LinkRunState,
    budget: CalloutBudget
): Promise<StepOutcome> {
    const state: LinkRunState = { ...start, conflicts: { ...start.conflicts }, waiting: null };
    const qwil = new QwilClient(budget, { entityUuid: state.entityUuid });
    const rows: LinkPlanRow[] = [];
    const conflict = (client: Membership, reason: keyof typeof CONFLICT_LABELS) => {
        state.conflicts[reason] = (state.conflicts[reason] ?? 0) + 1;
        rows.push(rowOf(client, { recordId: null, outcome: 'conflict', reason, explanation: CONFLICT_LABELS[reason] }));
    };
    const afford = (cost: number) => {
        if (!budget.fitsTransaction(cost)) throw new Pause(0);
        if (!budget.fitsMinute(cost)) throw new Pause(budget.minutesUntilFits(cost));
    };

    /** Links (or, in a dry run, plans) one candidate after Qwil says who has the record's id. */
    const handleCandidate = async (client: Membership, recordId: string) => {
        afford(READ_COST + (state.dryRun ? 0 : WRITE_COST));
        const outcome = confirmCandidate(
            client.entity_user_xref_uuid,
            await qwil.memberships.findMembership({ identifier: recordId })
        );
        if (outcome.kind === 'conflict') return conflict(client, outcome.reason);
        if (state.dryRun) {
            state.toLink += 1;
            rows.push(
                rowOf(client, {
                    recordId,
                    outcome: 'to_link',
                    reason: null,
                    explanation: 'Will be linked to this record'
                })
            );
            return;
        }
        if (outcome.kind === 'link') {
            try {
                await qwil.memberships.setIdentifier(client.entity_user_xref_uuid, recordId);
            } catch (error) {
                if (error instanceof QwilApiError && error.errorCode === 'QX021') return conflict(client, 'id_in_use');
                throw error;
            }
        }
        state.toLink += 1;
        state.linked += 1;
        rows.push(rowOf(client, { recordId, outcome: 'linked', reason: null, explanation: 'Linked to this record' }));
    };

    let delayMinutes: number | null = null;
    try {
        for (let pages = 0; ; pages += 1) {
            if (pages === PAGES_PER_TRANSACTION) throw new Pause(0);
            afford(READ_COST);
            const page = await qwil.memberships.listMembershipsPage({ role: 'client' }, state.cursor);
            const clients = page.entity_memberships.slice(state.offset);
            const facts: OrgFacts = orgFactsFor(context, settings, clients);
            for (const client of clients) {
                const plan = planClient(client, facts);
                if (plan.kind === 'already_linked') state.alreadyLinked += 1;
                else if (plan.kind === 'conflict') conflict(client, plan.reason);
                else await handleCandidate(client, plan.recordId);
                state.clientsRead += 1;
                state.offset += 1;
            }
            if (!page.next_cursor) {
                state.finished = true;
                break;
            }
            state.cursor = page.next_cursor;
            state.offset = 0;
        }
    } catch (error) {
        const pause = error instanceof Pause ? error : rateLimitPause(error);
        if (!pause) throw error;
        delayMinutes = pause.delayMinutes;
        state.waiting = pause.waiting;
    }
    state.rowPages = appendRows(context, state.runId ?? '', state.rowPages, rows);
    state.transactions += 1;
    state.maxCalloutsPerTransaction = Math.max(state.maxCalloutsPerTransaction, budget.callouts);
    state.recentCalls = budget.recentCalls();
    return { state, delayMinutes: state.finished ? null : (delayMinutes ?? 0) };
}

/** A 429: wait as long as Qwil's Retry-After asks (in whole minutes, as a Queueable can be delayed). */
function rateLimitPause(error: unknown): Pause | null {
    if (!(error instanceof QwilApiError) || error.status !== 429) return null;
    const seconds = error.retryAfterSeconds ?? 60;
    const minutes = Math.min(MAX_DELAY_MINUTES, Math.max(1, Math.ceil(seconds / 60)));
    return new Pause(
        minutes,
        `Qwil asked the job to slow down (its rate limit), so it waits ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} before going on.`
    );
}
