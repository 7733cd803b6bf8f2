import type {
    ApplyLinkingParams,
    LinkingJob,
    LinkingJobStatus,
    LinkingPlanPage,
    LinkingPlanParams,
    StartLinkingParams
} from '../contracts/QwilLinkClientsController';
import { QwilLinkClientsJob } from '../jobs/QwilLinkClientsJob';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { loadConnectorSettings } from '../settings/connectorSettings';
import {
    latestRunId,
    newRunState,
    readCheckpoint,
    readRowPage,
    statusView,
    writeCheckpoint,
    type Checkpoint,
    type LinkRunState
} from './linkClientsProgress';
import { CHOSEN_ORGANISATION_FIELD } from './organisation';

const ADMINISTRATORS_ONLY = 'Only Salesforce administrators (Customize Application) can link existing Qwil clients.';
const ALREADY_RUNNING =
    'A run linking Qwil clients is already in progress. Wait for it to finish, or stop it, before starting another.';
const NO_SUCH_RUN =
    'This run is no longer known (runs are kept for 48 hours, and Platform Cache may drop them sooner). Start a new dry run.';
const CHOOSE_ORGANISATION =
    "With a Super API key the run links the clients of the Qwil organisation you work in, and you have not chosen one yet. Open a client's Qwil Messenger tab, choose the organisation, then come back.";
const NOT_A_FINISHED_DRY_RUN =
    'Only a finished dry run can be applied, or a stopped run resumed. Start a new dry run, or wait for this one to finish.';
const PLAN_GONE = 'This page of the plan is no longer available (plans are kept for 48 hours). Start a new dry run.';

/** Linking writes every client's Qwil identifier: administrators only, whatever class access says. */
function requireAdministrator(context: ApexContext): void {
    if (!context.userInfo.hasUserPermission('CustomizeApplication'))
        throw new AuraHandledException(ADMINISTRATORS_ONLY);
}

/** The organisation the run links (Super API key: the one the administrator chose in the tab), else null. */
function organisationOfRun(context: ApexContext): string | null {
    if (!loadConnectorSettings(context).usingSuperApiKey) return null;
    const user = context.database.queryById(
        'User',
        context.userInfo.getUserId(),
        [CHOSEN_ORGANISATION_FIELD],
        'SYSTEM_MODE'
    );
    const chosen = user?.[CHOSEN_ORGANISATION_FIELD];
    if (typeof chosen !== 'string' || chosen === '') throw new AuraHandledException(CHOOSE_ORGANISATION);
    return chosen;
}

function refuseWhileRunning(context: ApexContext): void {
    if (context.asyncApexJobs.active(QwilLinkClientsJob.name).length > 0)
        throw new AuraHandledException(ALREADY_RUNNING);
}

/** A run that did not finish and whose chain no longer runs (it failed, was aborted or stopped). */
function isStopped(context: ApexContext, checkpoint: Checkpoint): boolean {
    if (checkpoint.state.finished) return false;
    const status = context.asyncApexJobs.byId(checkpoint.currentJobId)?.Status;
    return status !== 'Queued' && status !== 'Preparing' && status !== 'Processing';
}

/** Queues the run's next job; its checkpoint names that job as the chain's current one. */
function enqueue(context: ApexContext, state: LinkRunState): string {
    const jobId = context.system.enqueueJob(QwilLinkClientsJob, state);
    const runId = state.runId ?? jobId;
    writeCheckpoint(context, runId, { state: { ...state, runId }, currentJobId: jobId, stopRequested: false });
    return runId;
}

function resume(context: ApexContext, checkpoint: Checkpoint, callsPerMinute: number): LinkingJob {
    return { jobId: enqueue(context, { ...checkpoint.state, callsPerMinute, waiting: null }) };
}

/** A dry run, or a run that plans and links. A run (not a dry run) resumes this org's latest run if it stopped. */
export function startLinking(context: ApexContext, { dryRun, callsPerMinute }: StartLinkingParams): LinkingJob {
    requireAdministrator(context);
    refuseWhileRunning(context);
    const latest = latestRunId(context);
    const stopped = latest ? readCheckpoint(context, latest) : null;
    if (!dryRun && stopped && !stopped.state.dryRun && isStopped(context, stopped))
        return resume(context, stopped, callsPerMinute);
    return { jobId: enqueue(context, newRunState(dryRun, callsPerMinute, organisationOfRun(context))) };
}

/** Applies a finished dry run (a new run, whose progress is measured against the dry run's count), or resumes a stopped run. */
export function applyLinking(context: ApexContext, { jobId, callsPerMinute }: ApplyLinkingParams): LinkingJob {
    requireAdministrator(context);
    refuseWhileRunning(context);
    const checkpoint = readCheckpoint(context, jobId);
    if (!checkpoint) throw new AuraHandledException(NO_SUCH_RUN);
    if (!checkpoint.state.dryRun && isStopped(context, checkpoint)) return resume(context, checkpoint, callsPerMinute);
    if (!checkpoint.state.dryRun || !checkpoint.state.finished) throw new AuraHandledException(NOT_A_FINISHED_DRY_RUN);
    const run = newRunState(false, callsPerMinute, checkpoint.state.entityUuid);
    return { jobId: enqueue(context, { ...run, expectedClients: checkpoint.state.clientsRead }) };
}

export function linkingJobStatus(context: ApexContext, jobId: string): LinkingJobStatus {
    requireAdministrator(context);
    const checkpoint = readCheckpoint(context, jobId);
    if (!checkpoint) throw new AuraHandledException(NO_SUCH_RUN);
    return statusView(jobId, checkpoint, context.asyncApexJobs.byId(checkpoint.currentJobId));
}

export function linkingPlan(context: ApexContext, { jobId, page }: LinkingPlanParams): LinkingPlanPage {
    requireAdministrator(context);
    const checkpoint = readCheckpoint(context, jobId);
    if (!checkpoint) throw new AuraHandledException(NO_SUCH_RUN);
    const pages = checkpoint.state.rowPages;
    if (page >= pages) return { page, pages, rows: [] };
    const rows = readRowPage(context, jobId, page);
    if (!rows) throw new AuraHandledException(PLAN_GONE);
    return { page, pages, rows };
}

/** Stops the run: a queued job is aborted, a running one enqueues no other. Starting the run again resumes it. */
export function stopLinking(context: ApexContext, jobId: string): void {
    requireAdministrator(context);
    const checkpoint = readCheckpoint(context, jobId);
    if (!checkpoint) throw new AuraHandledException(NO_SUCH_RUN);
    context.system.abortJob(checkpoint.currentJobId);
    writeCheckpoint(context, jobId, { ...checkpoint, stopRequested: true });
}
