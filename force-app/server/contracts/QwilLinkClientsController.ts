import { z } from 'zod';
import { SalesforceId } from './common';

/**
 * Contracts of QwilLinkClientsController: the administrator's job that links clients created
 * directly on Qwil to their Salesforce records (sets each one's Qwil identifier to the record's
 * 18-character id). A run plans first (a dry run stops there), then applies the plan.
 */

/** Why a Qwil client cannot be linked. */
export const LinkConflictReason = z.enum([
    /** No Contact or Person Account holds the client's email. */
    'no_record',
    /** More than one record holds it. */
    'several_records',
    /** The one record's id is already the identifier of another Qwil member. */
    'id_in_use',
    /** A record holding the email is one the job's user cannot read. */
    'record_unreadable',
    /** The client's Qwil membership is deactivated. */
    'deactivated'
]);
export type LinkConflictReason = z.infer<typeof LinkConflictReason>;

/** The statuses of `AsyncApexJob.Status` a Queueable chain goes through. */
export const AsyncJobStatus = z.enum(['Queued', 'Preparing', 'Processing', 'Completed', 'Failed', 'Aborted']);
export type AsyncJobStatus = z.infer<typeof AsyncJobStatus>;

/** Qwil calls per minute per key (Qwil's rate limit). */
export const QWIL_CALLS_PER_MINUTE = 600;
/** The fewest that let a run progress: linking one client costs a lookup that may be sent twice, and a write. */
export const MIN_LINK_CALLS_PER_MINUTE = 3;
/** The job's default share: half the key's budget, the other half left for staff using the tab. */
export const DEFAULT_LINK_CALLS_PER_MINUTE = 300;

export const StartLinkingParams = z.strictObject({
    /** Plan only: nothing is written to Qwil. */
    dryRun: z.boolean(),
    /** The most Qwil calls the job makes in any minute; the rest of the key's 600 stays for staff. */
    callsPerMinute: z.number().int().min(MIN_LINK_CALLS_PER_MINUTE).max(QWIL_CALLS_PER_MINUTE)
});
export type StartLinkingParams = z.infer<typeof StartLinkingParams>;

/** A run is named by the id of its first job (`AsyncApexJob.Id`). */
export const LinkingJobParams = z.strictObject({ jobId: SalesforceId });
export type LinkingJobParams = z.infer<typeof LinkingJobParams>;

export const ApplyLinkingParams = z.strictObject({
    /** A completed dry run (its plan is applied) or a stopped run (it resumes where it stopped). */
    jobId: SalesforceId,
    callsPerMinute: z.number().int().min(MIN_LINK_CALLS_PER_MINUTE).max(QWIL_CALLS_PER_MINUTE)
});
export type ApplyLinkingParams = z.infer<typeof ApplyLinkingParams>;

/** The plan's rows, one page at a time (the Setup page's table and CSV). */
export const LinkingPlanParams = z.strictObject({
    jobId: SalesforceId,
    /** Pages of the plan's rows, from 0. */
    page: z.number().int().min(0).max(100_000)
});
export type LinkingPlanParams = z.infer<typeof LinkingPlanParams>;

/** The run that was started or resumed. */
export const LinkingJob = z.object({ jobId: z.string() });
export type LinkingJob = z.infer<typeof LinkingJob>;

/** How many clients have one conflict reason, with the reason in an administrator's words. */
export const LinkConflictCount = z.object({
    reason: LinkConflictReason,
    label: z.string(),
    count: z.number().int()
});
export type LinkConflictCount = z.infer<typeof LinkConflictCount>;

/** A run as the Setup page shows it: the chain's status and what it found and did so far. */
export const LinkingJobStatus = z.object({
    jobId: z.string(),
    dryRun: z.boolean(),
    /** The status of the chain's current job, as `AsyncApexJob` shows it. */
    status: AsyncJobStatus,
    stage: z.enum(['planning', 'applying', 'finished']),
    /** Client memberships read from Qwil. */
    clientsRead: z.number().int(),
    /** Clients whose identifier already names a Contact or Person Account of this org (left alone). */
    alreadyLinked: z.number().int(),
    /** Clients the plan links (exactly one readable record holds their email). */
    toLink: z.number().int(),
    /** Clients this run linked in Qwil. */
    linked: z.number().int(),
    conflicts: z.array(LinkConflictCount),
    /** Clients handled so far, of `totalItems`: all once finished, the dry run's count while applying its plan; 0 while not known. */
    itemsProcessed: z.number().int(),
    totalItems: z.number().int(),
    /** Transactions (chained jobs) the run used so far, and the most callouts one of them made. */
    transactions: z.number().int(),
    maxCalloutsPerTransaction: z.number().int(),
    /** Jobs of the chain that failed. */
    errors: z.number().int(),
    /** Why the run stopped or waits (e.g. Qwil asked it to slow down); null when nothing to say. */
    message: z.string().nullable(),
    /** Pages of plan rows (`linkingPlan`), available while the run is kept (48 hours). */
    planPages: z.number().int()
});
export type LinkingJobStatus = z.infer<typeof LinkingJobStatus>;

/** One client of the plan: linked, to link, or a conflict and why. */
export const LinkPlanRow = z.object({
    membershipUuid: z.string(),
    clientName: z.string(),
    primaryEmail: z.string(),
    /** The identifier the client has in Qwil now (null when empty). */
    currentIdentifier: z.string().nullable(),
    /** The record the client is (to be) linked to; null for a conflict. */
    recordId: z.string().nullable(),
    outcome: z.enum(['to_link', 'linked', 'conflict']),
    reason: LinkConflictReason.nullable(),
    /** The outcome or the conflict in an administrator's words. */
    explanation: z.string()
});
export type LinkPlanRow = z.infer<typeof LinkPlanRow>;

export const LinkingPlanPage = z.object({
    page: z.number().int(),
    pages: z.number().int(),
    rows: z.array(LinkPlanRow)
});
export type LinkingPlanPage = z.infer<typeof LinkingPlanPage>;
