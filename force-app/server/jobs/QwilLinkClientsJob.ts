import type { QueueableDefinition } from '../platform/context';
import { CalloutBudget } from '../services/linkClientsBudget';
import { LinkRunState, readCheckpoint, writeCheckpoint } from '../services/linkClientsProgress';
import { runLinkStep } from '../services/linkClientsStep';
import { loadConnectorSettings } from '../settings/connectorSettings';

/**
 * `QwilLinkClientsJob implements Queueable, Database.AllowsCallouts`: one transaction of a linking run
 * per job. Each job does what fits Apex's limits and the run's calls per minute, leaves its checkpoint
 * in Platform Cache, and enqueues the next (delayed while the minute's share of calls is used up or
 * Qwil asked it to wait), until Qwil's client list is read to the end or an administrator stops it.
 */
export const QwilLinkClientsJob: QueueableDefinition<LinkRunState> = {
    name: 'QwilLinkClientsJob',
    apiVersion: '67.0',
    sharing: 'with sharing',
    allowsCallouts: true,
    state: LinkRunState,
    execute: async (start, context, job) => {
        const runId = start.runId ?? job.getJobId();
        const settings = loadConnectorSettings(context);
        const budget = new CalloutBudget(
            context.http,
            () => context.system.now().getTime(),
            start.callsPerMinute,
            start.recentCalls
        );
        const { state, delayMinutes } = await runLinkStep(context, settings, { ...start, runId }, budget);
        const stopRequested = readCheckpoint(context, runId)?.stopRequested ?? false;
        const currentJobId =
            delayMinutes === null || stopRequested
                ? job.getJobId()
                : context.system.enqueueJob(QwilLinkClientsJob, state, { delayMinutes });
        writeCheckpoint(context, runId, { state, currentJobId, stopRequested });
    }
};
