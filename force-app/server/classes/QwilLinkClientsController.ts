import { z } from 'zod';
import {
    ApplyLinkingParams,
    LinkingJob,
    LinkingJobParams,
    LinkingJobStatus,
    LinkingPlanPage,
    LinkingPlanParams,
    StartLinkingParams
} from '../contracts/QwilLinkClientsController';
import { auraEnabled, type ApexClassDefinition } from '../platform/auraEnabled';
import { applyLinking, linkingJobStatus, linkingPlan, startLinking, stopLinking } from '../services/linkClientsRuns';

/**
 * Server methods of Setup's "Link existing Qwil clients" (administrators only): start a dry run or
 * a run, apply a dry run's plan or resume a stopped run, follow it, read its plan, stop it.
 */
export const QwilLinkClientsController: ApexClassDefinition = {
    name: 'QwilLinkClientsController',
    apiVersion: '67.0',
    sharing: 'with sharing',
    methods: {
        /** Starts a run (a dry run only plans), or resumes this org's stopped run. */
        startLinking: auraEnabled({
            cacheable: false,
            params: StartLinkingParams,
            result: LinkingJob,
            run: (params, context) => Promise.resolve(startLinking(context, params))
        }),
        /** Applies a completed dry run's plan, or resumes a stopped run where it stopped. */
        applyLinking: auraEnabled({
            cacheable: false,
            params: ApplyLinkingParams,
            result: LinkingJob,
            run: (params, context) => Promise.resolve(applyLinking(context, params))
        }),
        /** The run's status and counts, from its jobs (`AsyncApexJob`) and its progress. */
        linkingJobStatus: auraEnabled({
            cacheable: false,
            params: LinkingJobParams,
            result: LinkingJobStatus,
            run: ({ jobId }, context) => Promise.resolve(linkingJobStatus(context, jobId))
        }),
        /** One page of the run's plan rows. */
        linkingPlan: auraEnabled({
            cacheable: false,
            params: LinkingPlanParams,
            result: LinkingPlanPage,
            run: (params, context) => Promise.resolve(linkingPlan(context, params))
        }),
        /** Stops the run after its current transaction (`System.abortJob`); running it again resumes it. */
        stopLinking: auraEnabled({
            cacheable: false,
            params: LinkingJobParams,
            result: z.null(),
            run: ({ jobId }, context) => {
                stopLinking(context, jobId);
                return Promise.resolve(null);
            }
        })
    }
};
