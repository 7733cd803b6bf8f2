import { z } from 'zod';
import {
    LinkConflictReason,
    LinkPlanRow,
    MIN_LINK_CALLS_PER_MINUTE,
    type LinkConflictCount,
    type LinkingJobStatus
} from '../contracts/QwilLinkClientsController';
import type { ApexContext, AsyncApexJob } from '../platform/context';

/**
 * A linking run's state: what each chained job carries (the Queueable's serialised state) and what each
 * transaction leaves in Platform Cache when it commits (the checkpoint a stopped run resumes from, and
 * what the Setup page reads). The plan's rows are kept beside it in pages of at most 100.
 */
export const LinkRunState = z.object({
    /** The id of the run's first job; null until that job runs. */
    runId: z.string().nullable(),
    dryRun: z.boolean(),
    callsPerMinute: z.number().int().min(MIN_LINK_CALLS_PER_MINUTE),
    /** With a Super API key, the organisation whose clients are linked. */
    entityUuid: z.string().nullable(),
    /** The Qwil list page being read (null: the first), and how many of its members are done. */
    cursor: z.string().nullable(),
    offset: z.number().int().min(0),
    finished: z.boolean(),
    /** Clients the dry run before it read (the progress bar's total while applying); 0 when unknown. */
    expectedClients: z.number().int().min(0),
    clientsRead: z.number().int().min(0),
    alreadyLinked: z.number().int().min(0),
    toLink: z.number().int().min(0),
    linked: z.number().int().min(0),
    conflicts: z.record(LinkConflictReason, z.number().int().min(0)),
    rowPages: z.number().int().min(0),
    transactions: z.number().int().min(0),
    maxCalloutsPerTransaction: z.number().int().min(0),
    /** When the job's Qwil calls of the last minute were made (its share of the key's rate limit). */
    recentCalls: z.array(z.number()),
    /** Why the run waits (Qwil asked it to slow down), in an administrator's words. */
    waiting: z.string().nullable()
});
export type LinkRunState = z.infer<typeof LinkRunState>;

/** The checkpoint in the cache: the state, the chain's current job, and whether an administrator stopped it. */
const Checkpoint = z.object({
    state: LinkRunState,
    currentJobId: z.string(),
    stopRequested: z.boolean()
});
export type Checkpoint = z.infer<typeof Checkpoint>;

const KEY_PREFIX = 'qwillink';
const LATEST_KEY = `${KEY_PREFIX}latest`;
/** Platform Cache's longest time to live: a run's progress and plan are kept 48 hours. */
const TTL_SECONDS = 172_800;
const ROWS_PER_PAGE = 100;

const checkpointKey = (runId: string) => `${KEY_PREFIX}${runId}`;
const rowsKey = (runId: string, page: number) => `${KEY_PREFIX}${runId}r${page}`;

export function newRunState(dryRun: boolean, callsPerMinute: number, entityUuid: string | null): LinkRunState {
    return {
        runId: null,
        dryRun,
        callsPerMinute,
        entityUuid,
        cursor: null,
        offset: 0,
        finished: false,
        expectedClients: 0,
        clientsRead: 0,
        alreadyLinked: 0,
        toLink: 0,
        linked: 0,
        conflicts: { no_record: 0, several_records: 0, id_in_use: 0, record_unreadable: 0, deactivated: 0 },
        rowPages: 0,
        transactions: 0,
        maxCalloutsPerTransaction: 0,
        recentCalls: [],
        waiting: null
    };
}

export function readCheckpoint(context: ApexContext, runId: string): Checkpoint | null {
    const parsed = Checkpoint.safeParse(context.cache.get(checkpointKey(runId)));
    return parsed.success ? parsed.data : null;
}

/** Saved when the transaction commits; the run also becomes the org's latest. */
export function writeCheckpoint(context: ApexContext, runId: string, checkpoint: Checkpoint): void {
    context.cache.put(checkpointKey(runId), checkpoint, TTL_SECONDS);
    context.cache.put(LATEST_KEY, runId, TTL_SECONDS);
}

export function latestRunId(context: ApexContext): string | null {
    const latest = context.cache.get(LATEST_KEY);
    return typeof latest === 'string' ? latest : null;
}

export function readRowPage(context: ApexContext, runId: string, page: number): LinkPlanRow[] | null {
    const parsed = z.array(LinkPlanRow).safeParse(context.cache.get(rowsKey(runId, page)));
    return parsed.success ? parsed.data : null;
}

/** Keeps the rows as new pages of the plan; returns the number of pages now. */
export function appendRows(
    context: ApexContext,
    runId: string,
    pagesSoFar: number,
    rows: readonly LinkPlanRow[]
): number {
    let pages = pagesSoFar;
    for (let start = 0; start < rows.length; start += ROWS_PER_PAGE) {
        context.cache.put(rowsKey(runId, pages), rows.slice(start, start + ROWS_PER_PAGE), TTL_SECONDS);
        pages += 1;
    }
    return pages;
}

export const CONFLICT_LABELS: Readonly<Record<LinkConflictReason, string>> = {
    no_record: 'No Contact or Person Account has this email',
    several_records: 'Several records have this email',
    id_in_use: "The record's id is already the identifier of another Qwil member",
    record_unreadable: 'A record with this email is one you cannot read',
    deactivated: 'The client is deactivated in Qwil'
};

function conflictCounts(state: LinkRunState): LinkConflictCount[] {
    return LinkConflictReason.options.map((reason) => ({
        reason,
        label: CONFLICT_LABELS[reason],
        count: state.conflicts[reason] ?? 0
    }));
}

/** Clients to read in all: known once the run finished, or from the dry run before it; else 0 (not known yet). */
function totalItems(state: LinkRunState): number {
    if (state.finished) return state.clientsRead;
    return state.expectedClients === 0 ? 0 : Math.max(state.expectedClients, state.clientsRead);
}

const STOPPED =
    'The run stopped before it finished. Start it again to resume where it stopped; clients already linked are not written again.';

/** The run as the Setup page shows it: its current job's status, its counts, and what to do when it stopped. */
export function statusView(runId: string, checkpoint: Checkpoint, job: AsyncApexJob | null): LinkingJobStatus {
    const { state } = checkpoint;
    const status = job?.Status ?? 'Failed';
    const stopped = !state.finished && (status === 'Failed' || status === 'Aborted' || status === 'Completed');
    const failure = job?.ExtendedStatus ? ` Detail for administrators: ${job.ExtendedStatus}` : '';
    return {
        jobId: runId,
        dryRun: state.dryRun,
        status: stopped && status === 'Completed' ? 'Aborted' : status,
        stage: state.finished ? 'finished' : state.dryRun ? 'planning' : 'applying',
        clientsRead: state.clientsRead,
        alreadyLinked: state.alreadyLinked,
        toLink: state.toLink,
        linked: state.linked,
        conflicts: conflictCounts(state),
        itemsProcessed: state.clientsRead,
        totalItems: totalItems(state),
        transactions: state.transactions,
        maxCalloutsPerTransaction: state.maxCalloutsPerTransaction,
        errors: job?.NumberOfErrors ?? 0,
        message: stopped ? `${STOPPED}${failure}` : state.waiting,
        planPages: state.rowPages
    };
}
