import { performance } from 'node:perf_hooks';
import { setupServer } from 'msw/node';
import {
    DEFAULT_LINK_CALLS_PER_MINUTE,
    LinkingJobStatus
} from '../../force-app/server/contracts/QwilLinkClientsController';
import { createVirtualClock } from '../../mock-org/platform/apex/asyncApex';
import { createMockQwil } from '../../mock-org/qwil';
import { createConnectorHarness } from '../../mock-org/testing/connectorHarness';
import { importQwilClients, insertContact, type QwilClientSpec } from '../../mock-org/testing/linkClientsArrangement';
import { settingFromEnv } from './figures';
import { makeDelegatedAdministrator } from '../../mock-org/testing/delegatedAdministrator';

// Links 10,000 Qwil clients created without identifiers: 2,000 with one matching Contact, the rest
// conflicts of each kind (no record, two records with the email, the record's id held by another Qwil
// member, a record the job's user cannot read, a deactivated membership). The job runs as in the org
// (QwilLinkClientsController.startLinking, one Queueable per transaction with Apex's limits) with the
// default share of the rate limit, against the mock Qwil and its rate limit of 600 calls per key per
// minute. At 300 calls a minute the run takes many minutes, so asynchronous Apex and the mock Qwil's rate
// limiter follow a virtual clock: it runs with real time and jumps ahead whenever a job waits for its
// delay (instead of sleeping). Simulated time is that clock's (work + waits); wall time is real (work only).
// Run: npm run bench:link   (BENCH_LINK_CLIENTS scales the 10,000, in multiples of 25)

const CLIENTS = settingFromEnv('BENCH_LINK_CLIENTS', 10_000, 25, 50_000);
if (CLIENTS % 25 !== 0) throw new Error('BENCH_LINK_CLIENTS must be a multiple of 25.');
/** The job runs as a delegated administrator (Customize Application, no View All Data): Olivia's records are hidden from them. */
const JOB_USER = 'james.patel@harbourwealth.example';
const OTHER_OWNER = 'olivia.hart@harbourwealth.example';

async function main(): Promise<void> {
    const clock = createVirtualClock();
    const harness = createConnectorHarness({
        qwil: createMockQwil({ seed: 'demo', now: () => new Date(clock.now()) }),
        asyncClock: clock
    });
    makeDelegatedAdministrator(harness.org, harness.org.requireUser(JOB_USER).Id);

    const arrangeStarted = performance.now();
    // A fifth match one Contact; the other four fifths are split evenly between the five conflicts.
    const matching = CLIENTS / 5;
    const rest = (CLIENTS - matching) / 5;
    const specs: QwilClientSpec[] = [];
    const holders: QwilClientSpec[] = [];
    const contact = (name: string, email: string, owner = JOB_USER) =>
        insertContact(harness, { firstName: 'Bench', lastName: name, email, owner });
    const client = (kind: string, index: number, extra: Partial<QwilClientSpec> = {}): QwilClientSpec => ({
        firstName: 'Bench',
        lastName: `${kind} ${index}`,
        email: `${kind}.${index}@bench.example`,
        ...extra
    });
    for (let i = 0; i < matching; i += 1) {
        const spec = client('match', i);
        contact(spec.lastName, spec.email);
        specs.push(spec);
    }
    for (let i = 0; i < rest; i += 1) {
        specs.push(client('norecord', i));
        const several = client('several', i);
        contact(`${several.lastName} a`, several.email);
        contact(`${several.lastName} b`, several.email);
        specs.push(several);
        const taken = client('taken', i);
        const takenId = contact(taken.lastName, taken.email);
        specs.push(taken);
        holders.push(client('holder', i, { identifier: takenId }));
        const hidden = client('hidden', i);
        contact(hidden.lastName, hidden.email, OTHER_OWNER);
        specs.push(hidden);
        specs.push(client('gone', i, { status: 'deactivated' }));
    }
    importQwilClients(harness, [...specs, ...holders]);
    const arrangeSeconds = (performance.now() - arrangeStarted) / 1000;

    const server = setupServer(...harness.qwil.handlers);
    const callTimes: number[] = [];
    let rateLimited = 0;
    server.events.on('request:start', () => callTimes.push(clock.now()));
    server.events.on('response:mocked', ({ response }) => {
        if (response.status === 429) rateLimited += 1;
    });
    server.listen({ onUnhandledRequest: 'error' });
    harness.runAs(JOB_USER);
    try {
        const simulatedStart = clock.now();
        const wallStart = performance.now();
        const { jobId } = (await harness.callApex('QwilLinkClientsController', 'startLinking', {
            dryRun: false,
            callsPerMinute: DEFAULT_LINK_CALLS_PER_MINUTE
        })) as { jobId: string };
        await harness.org.asyncApex.whenIdle();
        const wallSeconds = (performance.now() - wallStart) / 1000;
        const simulatedMinutes = (clock.now() - simulatedStart) / 60_000;
        const status = LinkingJobStatus.parse(
            await harness.callApex('QwilLinkClientsController', 'linkingJobStatus', { jobId })
        );
        let maxPerMinute = 0;
        for (let first = 0, last = 0; last < callTimes.length; last += 1) {
            while ((callTimes[last] ?? 0) - (callTimes[first] ?? 0) >= 60_000) first += 1;
            maxPerMinute = Math.max(maxPerMinute, last - first + 1);
        }
        console.log(
            `npm run bench:link: ${CLIENTS.toLocaleString('en')} Qwil clients without identifiers (${matching.toLocaleString('en')} with one matching Contact), plus ${holders.length.toLocaleString('en')} members holding the taken ids and the demo's 6 linked clients`
        );
        console.log(
            `Job: ${status.status}, ${status.stage}; calls per minute allowed ${DEFAULT_LINK_CALLS_PER_MINUTE} of Qwil's 600 per key`
        );
        console.log('');
        console.log('| Figure | Value |');
        console.log('|---|---|');
        const rows: [string, string][] = [
            ['Clients read from Qwil', status.clientsRead.toLocaleString('en')],
            ['Already linked (left alone)', status.alreadyLinked.toLocaleString('en')],
            ['Clients linked', status.linked.toLocaleString('en')],
            ...status.conflicts.map((conflict): [string, string] => [
                `Conflict: ${conflict.label}`,
                conflict.count.toLocaleString('en')
            ]),
            ['Transactions (chained Queueable jobs)', status.transactions.toLocaleString('en')],
            ['Callouts per transaction (max; limit 100)', String(status.maxCalloutsPerTransaction)],
            ['Qwil calls in all', callTimes.length.toLocaleString('en')],
            ['Qwil calls in any 60 s (max; job share 300, Qwil limit 600)', String(maxPerMinute)],
            ['Answers 429 (rate limited)', String(rateLimited)],
            ['Simulated time (virtual clock)', `${simulatedMinutes.toFixed(1)} min`],
            ['Wall time of the run (real)', `${wallSeconds.toFixed(1)} s`],
            ['Wall time to arrange the data (real, not part of the run)', `${arrangeSeconds.toFixed(1)} s`]
        ];
        for (const [figure, value] of rows) console.log(`| ${figure} | ${value} |`);
    } finally {
        server.close();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
