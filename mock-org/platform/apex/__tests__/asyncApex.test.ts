import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { ApexContext, QueueableDefinition } from '../../../../force-app/server/platform/context';
import { HttpRequest } from '../../../../force-app/server/platform/http';
import { QWIL_NAMED_CREDENTIAL } from '../../../../force-app/server/qwil/qwilTransport';
import { PROJECT_ROOT } from '../../../projectRoot';
import { SEED_USERS, scriptedClass, PROBE_CLASS, type Step } from '../../../testing/probeOrg';
import { createMemoryCredentialStore } from '../../callouts/credentialStore';
import { MockOrg } from '../../mockOrg';
import { createVirtualClock, type AsyncClock } from '../asyncApex';

// platform.md (asynchronous Apex): a Queueable is queued when the enqueuing transaction commits, runs
// later in a transaction of its own with the per-transaction limits, may enqueue one job (a chain),
// and shows in AsyncApexJob as Queued, Processing, then Completed, Failed (with its exception) or Aborted.
const { sofia } = SEED_USERS;

/** What the test Queueable does, chosen per test. */
let body: (state: { step: number }, context: ApexContext, jobId: string) => Promise<void> = async () => undefined;
const ran: number[] = [];

function queueable(allowsCallouts: boolean): QueueableDefinition<{ step: number }> {
    return {
        name: allowsCallouts ? 'ProbeJob' : 'ProbeJobWithoutCallouts',
        apiVersion: '67.0',
        sharing: 'with sharing',
        allowsCallouts,
        state: z.object({ step: z.number().int() }),
        execute: async (state, context, job) => {
            ran.push(state.step);
            await body(state, context, job.getJobId());
        }
    };
}
const PROBE_JOB = queueable(true);
const NO_CALLOUTS_JOB = queueable(false);

let clock: AsyncClock;
function asyncOrg(steps: Record<string, Step>, persistPath?: string) {
    const org = new MockOrg({
        projectRoot: PROJECT_ROOT,
        credentials: createMemoryCredentialStore({ [QWIL_NAMED_CREDENTIAL]: { username: 'key', password: 'secret' } }),
        transport: async () => new Response('{}', { status: 200 }),
        apexClasses: [scriptedClass(steps)],
        queueables: [PROBE_JOB, NO_CALLOUTS_JOB] as QueueableDefinition<unknown>[],
        asyncClock: clock,
        ...(persistPath ? { asyncApexPersistPath: persistPath } : {})
    });
    const run = async (step: string) => {
        const outcome = await org.runtime.invoke({
            userId: org.requireUser(sofia).Id,
            className: PROBE_CLASS,
            methodName: 'run',
            params: { step }
        });
        if (!outcome.ok) throw new Error(outcome.error.body.message);
        return outcome.value as string;
    };
    return { org, run };
}

const enqueue: Step = async (context) => context.system.enqueueJob(PROBE_JOB, { step: 1 });

beforeEach(() => {
    ran.length = 0;
    body = async () => undefined;
    clock = createVirtualClock();
});

describe('System.enqueueJob', () => {
    it('queues the job when the transaction commits; it runs as the user, then shows Completed', async () => {
        const { org, run } = asyncOrg({ enqueue });
        const jobId = await run('enqueue');
        expect(org.asyncApex.byId(jobId)).toMatchObject({ Status: 'Queued', JobType: 'Queueable' });
        await org.asyncApex.whenIdle();
        expect(ran).toEqual([1]);
        expect(org.asyncApex.byId(jobId)).toMatchObject({
            Status: 'Completed',
            ApexClassName: 'ProbeJob',
            NumberOfErrors: 0,
            CreatedById: org.requireUser(sofia).Id
        });
    });

    it('queues nothing when the enqueuing transaction rolls back', async () => {
        let queuedId = '';
        const { org, run } = asyncOrg({
            enqueueThenFail: async (context) => {
                queuedId = context.system.enqueueJob(PROBE_JOB, { step: 1 });
                throw new Error('rolled back');
            }
        });
        await expect(run('enqueueThenFail')).rejects.toThrow('rolled back');
        await org.asyncApex.whenIdle();
        expect(org.asyncApex.byId(queuedId)).toBeNull();
        expect(ran).toEqual([]);
    });

    it('a job may chain one job; a second enqueue throws the LimitException and fails the job', async () => {
        const { org, run } = asyncOrg({ enqueue });
        let chainedJobId = '';
        body = async (state, context, jobId) => {
            if (state.step === 1) context.system.enqueueJob(PROBE_JOB, { step: 2 });
            if (state.step === 2) {
                chainedJobId = jobId;
                context.system.enqueueJob(PROBE_JOB, { step: 3 });
                context.system.enqueueJob(PROBE_JOB, { step: 4 });
            }
        };
        await run('enqueue');
        await org.asyncApex.whenIdle();
        expect(ran).toEqual([1, 2]);
        expect(org.asyncApex.byId(chainedJobId)).toMatchObject({
            Status: 'Failed',
            ExtendedStatus: 'System.LimitException: Too many queueable jobs added to the queue: 2'
        });
    });

    it('a delayed job runs only after its delay on the org clock', async () => {
        const { org, run } = asyncOrg({
            enqueueDelayed: async (context) => context.system.enqueueJob(PROBE_JOB, { step: 1 }, { delayMinutes: 2 })
        });
        const queuedAt = clock.now();
        await run('enqueueDelayed');
        await org.asyncApex.whenIdle();
        expect(ran).toEqual([1]);
        expect(clock.now() - queuedAt).toBeGreaterThanOrEqual(2 * 60_000);
    });

    it('System.abortJob on a queued job: it never runs and shows Aborted', async () => {
        const { org, run } = asyncOrg({
            enqueueDelayed: async (context) => context.system.enqueueJob(PROBE_JOB, { step: 1 }, { delayMinutes: 1 })
        });
        const jobId = await run('enqueueDelayed');
        org.asyncApex.abort(jobId);
        await org.asyncApex.whenIdle();
        expect(ran).toEqual([]);
        expect(org.asyncApex.byId(jobId)?.Status).toBe('Aborted');
    });
});

describe('a Queueable transaction', () => {
    it('fails with its exception in ExtendedStatus, and its work is rolled back', async () => {
        const { org, run } = asyncOrg({ enqueue, readCache: async (context) => context.cache.get('probekey') });
        body = async (_state, context) => {
            context.cache.put('probekey', 'written', 300);
            throw new Error('the job broke');
        };
        const jobId = await run('enqueue');
        await org.asyncApex.whenIdle();
        expect(org.asyncApex.byId(jobId)).toMatchObject({
            Status: 'Failed',
            NumberOfErrors: 1,
            ExtendedStatus: 'Error: the job broke'
        });
        expect(await run('readCache')).toBeNull();
    });

    it('is held to 100 callouts: the 101st throws System.LimitException and fails the job', async () => {
        const { org, run } = asyncOrg({ enqueue });
        let sent = 0;
        body = async (_state, context) => {
            for (let i = 0; i < 101; i += 1) {
                const request = new HttpRequest();
                request.setEndpoint(`callout:${QWIL_NAMED_CREDENTIAL}/entity-service/sys-api/limits-probe`);
                request.setMethod('GET');
                await context.http.send(request);
                sent += 1;
            }
        };
        const jobId = await run('enqueue');
        await org.asyncApex.whenIdle();
        expect(sent).toBe(100);
        expect(org.asyncApex.byId(jobId)).toMatchObject({
            Status: 'Failed',
            ExtendedStatus: 'System.LimitException: Too many callouts: 101'
        });
    });

    it('without Database.AllowsCallouts, a callout is refused', async () => {
        const { org, run } = asyncOrg({
            enqueueNoCallouts: async (context) => context.system.enqueueJob(NO_CALLOUTS_JOB, { step: 1 })
        });
        body = async (_state, context) => {
            const request = new HttpRequest();
            request.setEndpoint('https://eu.qwil.io/probe');
            request.setMethod('GET');
            await context.http.send(request);
        };
        const jobId = await run('enqueueNoCallouts');
        await org.asyncApex.whenIdle();
        expect(org.asyncApex.byId(jobId)?.ExtendedStatus).toContain('Database.AllowsCallouts');
    });
});

describe('after a restart', () => {
    it('a job still queued when the org stopped runs once it starts again', async () => {
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'async-apex-')), 'async-apex.json');
        const first = asyncOrg(
            {
                enqueueDelayed: async (context) =>
                    context.system.enqueueJob(PROBE_JOB, { step: 7 }, { delayMinutes: 1 })
            },
            file
        );
        const queuedId = await first.run('enqueueDelayed');
        first.org.asyncApex.stop();
        expect(ran).toEqual([]);

        const restarted = asyncOrg({}, file);
        await restarted.org.asyncApex.whenIdle();

        expect(ran).toEqual([7]);
        expect(restarted.org.asyncApex.byId(queuedId)?.Status).toBe('Completed');
    });
});
