import { http, HttpResponse } from 'msw';
import type {
    LinkingJob,
    LinkingJobStatus,
    LinkingPlanPage,
    LinkPlanRow
} from '../../contracts/QwilLinkClientsController';
import type { TabState } from '../../contracts/QwilConnectorController';
import { createVirtualClock, type AsyncClock } from '../../../../mock-org/platform/apex/asyncApex';
import { createMockQwil, DEMO } from '../../../../mock-org/qwil';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import {
    identifierOf,
    importQwilClients,
    insertContact,
    type QwilClientSpec
} from '../../../../mock-org/testing/linkClientsArrangement';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { makeDelegatedAdministrator } from '../../../../mock-org/testing/delegatedAdministrator';

// The linking job through the mock org: the controller queues Queueable jobs, the mock org runs them
// (one transaction each, Apex's limits applied) against the mock Qwil; every Qwil request is recorded.
const SOFIA = 'sofia.reyes@harbourwealth.example';
const OLIVIA = 'olivia.hart@harbourwealth.example';
const JAMES = 'james.patel@harbourwealth.example';
const UPDATE = 'POST /entity-service/sys-api/entity-memberships/update';
const UPDATE_URL = 'https://eu.qwil.io/entity-service/sys-api/entity-memberships/update';

const { server, requests, serve } = useQwilServer();

let harness: ConnectorHarness;
let clock: AsyncClock;
function useHarness(): void {
    clock = createVirtualClock();
    harness = createConnectorHarness({
        qwil: createMockQwil({ seed: 'demo', now: () => new Date(clock.now()) }),
        asyncClock: clock
    });
    serve(harness);
    harness.runAs(SOFIA);
}

const call = (method: string, params: unknown) => harness.callApex('QwilLinkClientsController', method, params);
const start = async (dryRun: boolean, callsPerMinute = 300) =>
    ((await call('startLinking', { dryRun, callsPerMinute })) as LinkingJob).jobId;
const apply = async (jobId: string, callsPerMinute = 300) =>
    ((await call('applyLinking', { jobId, callsPerMinute })) as LinkingJob).jobId;
const status = (jobId: string) => call('linkingJobStatus', { jobId }) as Promise<LinkingJobStatus>;
const finished = async (jobId: string): Promise<LinkingJobStatus> => {
    await harness.org.asyncApex.whenIdle();
    return status(jobId);
};
async function planRows(jobId: string): Promise<LinkPlanRow[]> {
    const rows: LinkPlanRow[] = [];
    for (let page = 0; ; page += 1) {
        const answer = (await call('linkingPlan', { jobId, page })) as LinkingPlanPage;
        rows.push(...answer.rows);
        if (page + 1 >= answer.pages) return rows;
    }
}
const countOf = (result: LinkingJobStatus, reason: string) =>
    result.conflicts.find((conflict) => conflict.reason === reason)?.count;
const updates = () => requests.filter((request) => request === UPDATE).length;

/** One Qwil client per conflict reason, and one that links (Thomas Okafor's Contact, not on Qwil yet). */
function arrangeEveryReason(): { uuids: Record<string, string>; thomasId: string } {
    const thomasId = harness.org.records.all('Contact').find((c) => c['LastName'] === 'Okafor')?.Id ?? '';
    const ownedByOlivia = (firstName: string, email: string) =>
        insertContact(harness, { firstName, lastName: 'Record', email, owner: OLIVIA });
    ownedByOlivia('Twin', 'twins@example.com');
    ownedByOlivia('Twin', 'twins@example.com');
    const takenId = ownedByOlivia('Taken', 'taken@example.com');
    const specs: Record<string, QwilClientSpec> = {
        link: { firstName: 'Thomas', lastName: 'Okafor', email: 'thomas.okafor@example.com' },
        no_record: { firstName: 'Nadia', lastName: 'Nobody', email: 'nadia.nobody@example.com' },
        several_records: { firstName: 'Tess', lastName: 'Twin', email: 'twins@example.com' },
        id_in_use: { firstName: 'Tara', lastName: 'Taken', email: 'taken@example.com' },
        holder: { firstName: 'Other', lastName: 'Holder', email: 'holder@example.com', identifier: takenId },
        deactivated: {
            firstName: 'Dora',
            lastName: 'Gone',
            email: 'eleanor.whitfield.old@example.com',
            status: 'deactivated'
        }
    };
    const names = Object.keys(specs);
    const created = importQwilClients(
        harness,
        names.map((name) => specs[name] as QwilClientSpec)
    );
    return { uuids: Object.fromEntries(names.map((name, index) => [name, created[index] ?? ''])), thomasId };
}

describe('QwilLinkClientsController: the plan', () => {
    beforeEach(useHarness);

    it('a dry run lists each conflict with its reason and the client to link, and writes nothing to Qwil', async () => {
        const { uuids, thomasId } = arrangeEveryReason();
        const before = harness.qwil.control.snapshot().memberships;

        const result = await finished(await start(true));

        expect(result).toMatchObject({ status: 'Completed', stage: 'finished', dryRun: true, toLink: 1, linked: 0 });
        for (const reason of ['no_record', 'several_records', 'id_in_use', 'deactivated'])
            expect(countOf(result, reason)).toBe(1);
        const rows = await planRows(result.jobId);
        expect(rows.find((row) => row.membershipUuid === uuids['link'])).toMatchObject({
            outcome: 'to_link',
            recordId: thomasId
        });
        for (const reason of ['no_record', 'several_records', 'id_in_use', 'deactivated'])
            expect(rows.find((row) => row.membershipUuid === uuids[reason])).toMatchObject({
                outcome: 'conflict',
                reason
            });
        expect(updates()).toBe(0);
        expect(harness.qwil.control.snapshot().memberships).toEqual(before);
    });

    it('a record the job user cannot read makes a conflict, never a guess', async () => {
        // A delegated administrator (Customize Application) who cannot see Olivia's records.
        makeDelegatedAdministrator(harness.org, harness.org.requireUser(JAMES).Id);
        const [uuid] = importQwilClients(harness, [
            { firstName: 'Thomas', lastName: 'Okafor', email: 'thomas.okafor@example.com' }
        ]);
        harness.runAs(JAMES);

        const result = await finished(await start(true));

        expect(countOf(result, 'record_unreadable')).toBe(1);
        expect(result.toLink).toBe(0);
        expect((await planRows(result.jobId)).find((row) => row.membershipUuid === uuid)).toMatchObject({
            reason: 'record_unreadable',
            recordId: null
        });
    });

    it('applying the dry run links the client once, and staff then see them on Qwil from their record', async () => {
        const { uuids, thomasId } = arrangeEveryReason();
        const dryRun = await finished(await start(true));

        const applied = await finished(await apply(dryRun.jobId));

        // The demo organisation's six clients (all linked) and the six arranged here.
        expect(applied).toMatchObject({ status: 'Completed', linked: 1, itemsProcessed: 12, totalItems: 12 });
        expect(identifierOf(harness, uuids['link'] ?? '')).toBe(thomasId);
        for (const reason of ['no_record', 'several_records', 'id_in_use', 'deactivated'])
            expect(identifierOf(harness, uuids[reason] ?? '')).toBeNull();
        expect(updates()).toBe(1);
        harness.runAs(OLIVIA);
        const tab = (await harness.callApex('QwilConnectorController', 'loadTab', { recordId: thomasId })) as TabState;
        expect(tab).toMatchObject({ kind: 'ready', client: { status: 'active' } });
    });

    it('run twice, the second run finds every client linked or in conflict and writes nothing', async () => {
        arrangeEveryReason();
        await finished(await start(false));
        const writes = updates();

        const again = await finished(await start(false));

        expect(writes).toBe(1);
        expect(updates()).toBe(1);
        // The demo's six clients, the holder of the taken id, and the client the first run linked.
        expect(again).toMatchObject({ linked: 0, toLink: 0, alreadyLinked: 8 });
    });
});

describe('QwilLinkClientsController: stopping and resuming', () => {
    beforeEach(useHarness);

    function arrangeMatching(count: number): string[] {
        const clients = Array.from({ length: count }, (_, index) => {
            const email = `bulk.${index}@example.com`;
            insertContact(harness, { firstName: 'Bulk', lastName: `Client ${index}`, email, owner: OLIVIA });
            return { firstName: 'Bulk', lastName: `Client ${String(index).padStart(4, '0')}`, email };
        });
        return importQwilClients(harness, clients);
    }

    it('a run stopped by a Qwil outage resumes where it stopped and writes no client twice', async () => {
        const uuids = arrangeMatching(60);
        let writes = 0;
        server.use(
            http.post(UPDATE_URL, () => {
                writes += 1;
                // Qwil goes down after 25 writes.
                return writes > 25 ? HttpResponse.json({ error_code: 'QX500' }, { status: 503 }) : undefined;
            })
        );

        const stopped = await finished(await start(false));
        expect(stopped.status).toBe('Failed');
        expect(stopped.message).toContain('Start it again to resume');
        server.resetHandlers(...harness.qwil.handlers);
        requests.length = 0;

        const resumed = await finished(await start(false));

        expect(resumed.jobId).toBe(stopped.jobId);
        // The failed transaction rolled back its counts: the 25 clients it wrote are found linked (the demo's six too).
        expect(resumed).toMatchObject({ status: 'Completed', linked: 35, alreadyLinked: 6 + 25 });
        expect(updates()).toBe(60 - 25);
        expect(uuids.every((uuid) => identifierOf(harness, uuid) !== null)).toBe(true);
    });

    it('Stop ends the run after its current job; Resume goes on from there and writes no client twice', async () => {
        const uuids = arrangeMatching(40);
        // 20 calls a minute: the first job links a few clients, then the next waits its minute.
        const jobId = await start(false, 20);
        while (harness.qwil.control.snapshot().memberships.filter((m) => m.identifier?.startsWith('003')).length === 6)
            await new Promise((resolve) => setImmediate(resolve));
        await call('stopLinking', { jobId });
        const stopped = await finished(jobId);
        expect(stopped.status).toBe('Aborted');
        expect(stopped.stage).toBe('applying');
        const linkedBefore = uuids.filter((uuid) => identifierOf(harness, uuid) !== null).length;
        expect(linkedBefore).toBeLessThan(40);

        const resumed = await finished(await apply(jobId));

        expect(resumed).toMatchObject({ jobId, status: 'Completed', linked: 40 });
        expect(updates()).toBe(40);
        expect(uuids.every((uuid) => identifierOf(harness, uuid) !== null)).toBe(true);
    });

    it('honours Qwil’s Retry-After on a 429 and goes on after the wait', async () => {
        arrangeMatching(3);
        let refused = false;
        server.use(
            http.post(UPDATE_URL, () => {
                if (refused) return undefined;
                refused = true;
                return HttpResponse.json({ error_code: 'QX429' }, { status: 429, headers: { 'Retry-After': '90' } });
            })
        );
        const startedAt = clock.now();

        const result = await finished(await start(false));

        expect(result).toMatchObject({ status: 'Completed', linked: 3 });
        expect(clock.now() - startedAt).toBeGreaterThanOrEqual(2 * 60_000);
    });

    it('keeps every transaction within 100 callouts and the run within its calls per minute', async () => {
        arrangeMatching(120);
        const callTimes: number[] = [];
        server.events.on('request:start', () => callTimes.push(clock.now()));

        const result = await finished(await start(false, 100));

        expect(result).toMatchObject({ status: 'Completed', linked: 120 });
        expect(result.transactions).toBeGreaterThan(2);
        expect(result.maxCalloutsPerTransaction).toBeLessThanOrEqual(100);
        const perMinute = callTimes.map(
            (time) => callTimes.filter((other) => other >= time && other < time + 60_000).length
        );
        expect(Math.max(...perMinute)).toBeLessThanOrEqual(100);
        server.events.removeAllListeners('request:start');
    });
});

describe('QwilLinkClientsController: with a Super API key', () => {
    beforeEach(() => {
        clock = createVirtualClock();
        harness = createConnectorHarness({
            qwil: createMockQwil({ seed: 'demo', now: () => new Date(clock.now()) }),
            asyncClock: clock,
            settings: { Using_Super_API_Key__c: true },
            superApiKey: true
        });
        serve(harness);
        harness.runAs(SOFIA);
    });

    it('asks the administrator to choose their organisation first', async () => {
        expect(await apexErrorMessage(start(true))).toContain('you have not chosen one yet');
    });

    it('links the clients of the organisation the administrator chose, and no other', async () => {
        const [uuid] = importQwilClients(harness, [
            { firstName: 'Thomas', lastName: 'Okafor', email: 'thomas.okafor@example.com' }
        ]);
        harness.org.records.update(harness.org.requireUser(SOFIA).Id, {
            Qwil_Organisation__c: DEMO.organisations.harbourWealthJersey
        });
        const jersey = await finished(await start(false));
        expect(jersey).toMatchObject({ status: 'Completed', linked: 0 });
        expect(identifierOf(harness, uuid ?? '')).toBeNull();

        harness.org.records.update(harness.org.requireUser(SOFIA).Id, {
            Qwil_Organisation__c: DEMO.organisations.harbourWealth
        });
        const harbour = await finished(await start(false));
        expect(harbour).toMatchObject({ status: 'Completed', linked: 1 });
        expect(identifierOf(harness, uuid ?? '')).not.toBeNull();
    });
});

describe('QwilLinkClientsController: who may run it', () => {
    beforeEach(useHarness);

    it('refuses staff without the class and an administrator’s permission', async () => {
        harness.runAs(OLIVIA);
        expect(await apexErrorMessage(start(true))).toBe(
            "You do not have access to the Apex class named 'QwilLinkClientsController'."
        );
    });

    it('refuses a share of the rate limit too small for one link, before any job is queued', async () => {
        expect(await apexErrorMessage(start(false, 2))).toBe(
            "Invalid parameter 'callsPerMinute': Too small: expected number to be >=3"
        );
        expect(await apexErrorMessage(start(false, 601))).toBe(
            "Invalid parameter 'callsPerMinute': Too big: expected number to be <=600"
        );
        // Nothing was queued: a run can start at once.
        await finished(await start(true));
    });

    it('refuses a second run while one is in progress', async () => {
        const first = await start(true);
        expect(await apexErrorMessage(start(true))).toContain('already in progress');
        await finished(first);
    });
});
