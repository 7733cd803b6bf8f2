import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AsyncApexJob, AsyncApexJobStatus, QueueableDefinition } from '../../../force-app/server/platform/context';
import { makeId } from '../records/ids';
import { LimitException } from './limits';
import type { Transaction } from './transaction';

/** AsyncApexJob's key prefix. */
const JOB_ID_PREFIX = '707';
/** `System.enqueueJob` calls per transaction: 50 in synchronous Apex, 1 in a Queueable (a chain). */
const ENQUEUE_LIMIT = { sync: 50, async: 1 } as const;
/** `AsyncOptions.MinimumQueueableDelayInMinutes`: 0 to 10. */
const MAX_DELAY_MINUTES = 10;

/**
 * The clock asynchronous Apex follows. The dev server uses real time; a benchmark passes a virtual
 * clock whose `sleep` moves time forward at once, so minutes of rate-limit waits take no real time.
 */
export interface AsyncClock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: AsyncClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

/** A clock that runs with real time, and jumps ahead by the wait whenever asynchronous Apex waits. */
export function createVirtualClock(startMs = Date.parse('2026-01-05T09:00:00.000Z')): AsyncClock {
    const realStart = performance.now();
    let skippedMs = 0;
    return {
        now: () => startMs + Math.round(performance.now() - realStart) + skippedMs,
        sleep: (ms) => {
            skippedMs += ms;
            return new Promise((resolve) => setImmediate(resolve));
        }
    };
}

const ACTIVE: ReadonlySet<AsyncApexJobStatus> = new Set(['Queued', 'Preparing', 'Processing']);

const StoredJob = z.object({
    Id: z.string(),
    ApexClassName: z.string(),
    JobType: z.literal('Queueable'),
    Status: z.enum(['Queued', 'Preparing', 'Processing', 'Completed', 'Failed', 'Aborted']),
    JobItemsProcessed: z.number().int(),
    TotalJobItems: z.number().int(),
    NumberOfErrors: z.number().int(),
    ExtendedStatus: z.string().nullable(),
    CreatedById: z.string(),
    CreatedDate: z.string(),
    CompletedDate: z.string().nullable(),
    /** The serialised Queueable: what `execute` gets back. */
    state: z.unknown(),
    notBeforeMs: z.number(),
    abortRequested: z.boolean()
});
type StoredJob = z.infer<typeof StoredJob>;

const PersistedQueue = z.object({ version: z.literal(1), sequence: z.number().int(), jobs: z.array(StoredJob) });

/** Runs one job's `execute` in a transaction of its own, as the user who queued it; throws what `execute` throws. */
type QueueableRunner = (
    definition: QueueableDefinition<unknown>,
    job: { readonly jobId: string; readonly userId: string; readonly state: unknown }
) => Promise<void>;

interface AsyncApexQueueOptions {
    readonly queueables: readonly QueueableDefinition<unknown>[];
    readonly clock?: AsyncClock;
    /** The dev server's `.local/async-apex.json`: jobs survive a restart. */
    readonly persistPath?: string;
}

/**
 * The org's asynchronous Apex: Queueable jobs with their `AsyncApexJob` rows. A job queued in a
 * transaction exists only once that transaction commits; jobs run one at a time in the order they
 * become due, each in its own transaction (the platform's per-transaction limits apply, callouts
 * allowed when the class says `Database.AllowsCallouts`). An unhandled exception fails the job
 * (`Failed`, `NumberOfErrors` 1, `ExtendedStatus` the exception) and rolls its transaction back.
 * After a restart, queued jobs run; a job that was running when the server stopped is `Failed`.
 */
export class AsyncApexQueue {
    private readonly jobs = new Map<string, StoredJob>();
    private readonly definitions: ReadonlyMap<string, QueueableDefinition<unknown>>;
    private readonly clock: AsyncClock;
    private sequence = 0;
    private runner: QueueableRunner | null = null;
    private pumping: Promise<void> | null = null;
    private stopped = false;

    constructor(private readonly options: AsyncApexQueueOptions) {
        this.definitions = new Map(options.queueables.map((definition) => [definition.name, definition]));
        this.clock = options.clock ?? REAL_CLOCK;
        this.load();
    }

    /** The runtime that runs the jobs; jobs already queued (from a state file) start now. */
    attach(runner: QueueableRunner): void {
        this.runner = runner;
        this.pump();
    }

    now(): Date {
        return new Date(this.clock.now());
    }

    /** `System.enqueueJob` within a transaction: the job is queued when the transaction commits. */
    enqueue<State>(
        transaction: Transaction,
        definition: QueueableDefinition<State>,
        state: State,
        delayMinutes = 0
    ): string {
        if (!this.definitions.has(definition.name))
            throw new Error(`${definition.name} is not a Queueable class of this org`);
        const limit = transaction.asyncJobId ? ENQUEUE_LIMIT.async : ENQUEUE_LIMIT.sync;
        if (transaction.enqueuedJobs >= limit)
            throw new LimitException(`Too many queueable jobs added to the queue: ${transaction.enqueuedJobs + 1}`);
        if (!Number.isInteger(delayMinutes) || delayMinutes < 0 || delayMinutes > MAX_DELAY_MINUTES)
            throw new Error(
                `The delay must be a whole number of minutes from 0 to ${MAX_DELAY_MINUTES}: ${delayMinutes}`
            );
        transaction.enqueuedJobs += 1;
        transaction.pendingWork = true;
        const serialised: unknown = JSON.parse(JSON.stringify(definition.state.parse(state)));
        const job: StoredJob = {
            Id: makeId(JOB_ID_PREFIX, ++this.sequence),
            ApexClassName: definition.name,
            JobType: 'Queueable',
            Status: 'Queued',
            JobItemsProcessed: 0,
            TotalJobItems: 0,
            NumberOfErrors: 0,
            ExtendedStatus: null,
            CreatedById: transaction.userId,
            CreatedDate: this.now().toISOString(),
            CompletedDate: null,
            state: serialised,
            notBeforeMs: this.clock.now() + delayMinutes * 60_000,
            abortRequested: false
        };
        transaction.onCommit(() => {
            if (transaction.asyncJobId && this.jobs.get(transaction.asyncJobId)?.abortRequested) return;
            this.jobs.set(job.Id, job);
            this.save();
            this.pump();
        });
        return job.Id;
    }

    /** `System.abortJob`: a queued job is aborted at once; a running one when its transaction ends. */
    abort(jobId: string): void {
        const job = this.jobs.get(jobId);
        if (!job || !ACTIVE.has(job.Status)) return;
        if (job.Status === 'Queued') this.finish(job, 'Aborted', null);
        else job.abortRequested = true;
        this.save();
    }

    byId(jobId: string): AsyncApexJob | null {
        const job = this.jobs.get(jobId);
        return job ? rowOf(job) : null;
    }

    active(apexClassName: string): AsyncApexJob[] {
        return [...this.jobs.values()]
            .filter((job) => job.ApexClassName === apexClassName && ACTIVE.has(job.Status))
            .map(rowOf);
    }

    /** Resolves once no job is queued or running (tests, the command line, benchmarks). */
    async whenIdle(): Promise<void> {
        while (this.pumping) await this.pumping;
    }

    /** The org shuts down: no further job starts (queued jobs stay queued in the state file). */
    stop(): void {
        this.stopped = true;
    }

    private pump(): void {
        if (this.pumping || !this.runner || this.stopped) return;
        this.pumping = this.drain().finally(() => {
            this.pumping = null;
        });
    }

    private async drain(): Promise<void> {
        while (!this.stopped) {
            const next = [...this.jobs.values()]
                .filter((job) => job.Status === 'Queued')
                .sort((a, b) => a.notBeforeMs - b.notBeforeMs)[0];
            if (!next) return;
            const waitMs = next.notBeforeMs - this.clock.now();
            if (waitMs > 0) {
                await this.clock.sleep(waitMs);
                continue;
            }
            // A queued job starts later, never inside the transaction that queued it.
            await new Promise((resolve) => setImmediate(resolve));
            if (next.Status === 'Queued' && !this.stopped) await this.run(next);
        }
    }

    private async run(job: StoredJob): Promise<void> {
        const definition = this.definitions.get(job.ApexClassName);
        const runner = this.runner;
        if (!definition || !runner) return this.finish(job, 'Failed', `No Queueable class ${job.ApexClassName}`);
        job.Status = 'Preparing';
        this.save();
        job.Status = 'Processing';
        this.save();
        try {
            await runner(definition, { jobId: job.Id, userId: job.CreatedById, state: job.state });
            this.finish(job, job.abortRequested ? 'Aborted' : 'Completed', null);
        } catch (error) {
            const exception = error instanceof Error ? error : new Error(String(error));
            this.finish(job, 'Failed', `${exception.name}: ${exception.message}`);
        }
    }

    private finish(job: StoredJob, status: AsyncApexJobStatus, extendedStatus: string | null): void {
        job.Status = status;
        job.ExtendedStatus = extendedStatus;
        if (status === 'Failed') job.NumberOfErrors = 1;
        job.CompletedDate = this.now().toISOString();
        this.save();
    }

    private load(): void {
        const file = this.options.persistPath;
        if (!file || !existsSync(file)) return;
        const persisted = PersistedQueue.parse(JSON.parse(readFileSync(file, 'utf8')));
        this.sequence = persisted.sequence;
        for (const job of persisted.jobs) {
            this.jobs.set(job.Id, job);
            if (job.Status === 'Preparing' || job.Status === 'Processing')
                this.finish(
                    job,
                    'Failed',
                    'The org stopped while the job was running; its transaction was rolled back.'
                );
        }
    }

    private save(): void {
        const file = this.options.persistPath;
        if (!file) return;
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        const temporary = `${file}.tmp`;
        const persisted = { version: 1, sequence: this.sequence, jobs: [...this.jobs.values()] };
        writeFileSync(temporary, JSON.stringify(persisted), { mode: 0o600 });
        renameSync(temporary, file);
    }
}

/** The row as SOQL returns it: the stored job without what the queue keeps for itself. */
function rowOf(job: StoredJob): AsyncApexJob {
    const row: Partial<StoredJob> = { ...job };
    delete row.state;
    delete row.notBeforeMs;
    delete row.abortRequested;
    return row as AsyncApexJob;
}
