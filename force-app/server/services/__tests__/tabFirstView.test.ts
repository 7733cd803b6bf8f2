import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { ReadyTab, TabState } from '../../contracts/QwilConnectorController';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { recordIdByName } from '../../../../mock-org/testing/finders';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { DEMO } from '../../../../mock-org/qwil';
import { CLIENT_STATE_REUSE_SECONDS } from '../clientStateReuse';
import { CHOSEN_ORGANISATION_FIELD } from '../organisation';
import { fakeDateOnly as useFakeDate } from '../../../../mock-org/testing/fakeDateOnly';

// How long the tab's first view waits on Qwil: callouts and sequential Qwil waits (answers waited for
// one after another, counted on the order of events, never on wall time), with either key type.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const SOFIA = 'sofia.reyes@harbourwealth.example';

const { server, requests, timeline, serve } = useQwilServer();
const urls: string[] = [];
server.events.on('request:start', ({ request }) => void urls.push(decodeURIComponent(request.url)));

let harness: ConnectorHarness;
function useHarness(superApiKey = false): void {
    harness = createConnectorHarness({
        ...(superApiKey ? { settings: { Using_Super_API_Key__c: true } } : {}),
        superApiKey
    });
    serve(harness);
    urls.length = 0;
    harness.runAs(OLIVIA);
}

const recordId = (name: string) => recordIdByName(harness.org, 'Contact', name);
const loadTab = (name: string) =>
    harness.callApex('QwilConnectorController', 'loadTab', { recordId: recordId(name) }) as Promise<TabState>;
const ready = async (name: string): Promise<ReadyTab> => {
    const state = await loadTab(name);
    if (state.kind !== 'ready') throw new Error(`Expected a ready tab, got ${state.kind}`);
    return state;
};

/** Callouts and sequential Qwil waits of one tab open. */
async function measure(open: () => Promise<unknown>): Promise<{ callouts: number; sequentialWaits: number }> {
    timeline.clear();
    await open();
    return { callouts: timeline.count, sequentialWaits: timeline.sequentialWaits() };
}

/** Only Date is faked: cache expiry and freshness follow it; msw and timers stay real. */
const fakeDateOnly = (): void => useFakeDate(new Date('2026-03-02T09:00:00Z'));
const advanceSeconds = (seconds: number) => jest.setSystemTime(Date.now() + seconds * 1000);

afterEach(() => {
    jest.useRealTimers();
});

describe('the first view with a System API key', () => {
    beforeEach(() => useHarness());

    it('waits on Qwil once cold (staff mapping and client lookup sent at once) and once warm', async () => {
        expect(await measure(() => ready('Eleanor Whitfield'))).toEqual({ callouts: 3, sequentialWaits: 1 });
        expect(await measure(() => ready('Marcus Bennett'))).toEqual({ callouts: 1, sequentialWaits: 1 });
    });

    it('reuses the client state for a few seconds, then asks Qwil again', async () => {
        fakeDateOnly();
        await ready('Eleanor Whitfield');
        expect(await measure(() => ready('Eleanor Whitfield'))).toEqual({ callouts: 0, sequentialWaits: 0 });
        advanceSeconds(CLIENT_STATE_REUSE_SECONDS);
        expect(await measure(() => ready('Eleanor Whitfield'))).toEqual({ callouts: 1, sequentialWaits: 1 });
    });

    it('never shows the state from before a write the connector made', async () => {
        expect((await ready('Thomas Okafor')).client.status).toBe('not_invited');
        await harness.callApex('QwilConnectorController', 'inviteClient', {
            recordId: recordId('Thomas Okafor'),
            jobTitle: 'Client',
            invitationPhone: '07700 010005',
            groupUuids: [],
            newGroup: { name: 'Okafor Relationship', staffEntityUserXrefUuids: [DEMO.staff.oliviaHart] }
        });
        expect((await ready('Thomas Okafor')).client.status).toBe('pending');
    });

    it('checks each user against the record before reusing anything, with no Qwil call for a record they cannot read', async () => {
        harness.runAs(SOFIA);
        await ready('George Adeyemi');
        harness.runAs(OLIVIA);
        requests.length = 0;
        expect(await apexErrorMessage(loadTab('George Adeyemi'))).toMatch(/^You don't have access to this record/);
        expect(requests).toEqual([]);
    });

    it('asks Qwil once for a client several staff open at the same moment', async () => {
        const asUser = (username: string) =>
            harness.org.runtime.invoke({
                userId: harness.org.requireUser(username).Id,
                className: 'QwilConnectorController',
                methodName: 'loadTab',
                params: { recordId: recordId('Eleanor Whitfield') }
            });
        const outcomes = await Promise.all([asUser(OLIVIA), asUser(SOFIA), asUser(OLIVIA)]);
        expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true]);
        expect(urls.filter((url) => url.endsWith(`identifier=${recordId('Eleanor Whitfield')}`))).toHaveLength(1);
    });
});

describe('the first view with a Super API key', () => {
    beforeEach(() => {
        useHarness(true);
        harness.org.records.update(harness.org.requireUser(OLIVIA).Id, {
            [CHOSEN_ORGANISATION_FIELD]: DEMO.organisations.harbourWealth
        });
    });

    it('waits on Qwil twice cold (organisations, then the client and the staff profile in the remembered one at once) and once warm', async () => {
        // The client lookup that finds the client's organisation is reused by the tab: no callout is added.
        expect(await measure(() => ready('Eleanor Whitfield'))).toEqual({ callouts: 3, sequentialWaits: 2 });
        expect(await measure(() => ready('Marcus Bennett'))).toEqual({ callouts: 1, sequentialWaits: 1 });
    });
});

describe("a busy office within Qwil's rate limit", () => {
    // The mock Qwil's default limit, as Qwil's: 600 calls per key per minute. The seed has three staff
    // users; 50 seats share them, each opening a tab their user can read, 40 rounds 1.5 s apart (one
    // minute on the faked clock). Each further staff user would add at most 2 calls (their mapping).
    const READABLE: Readonly<Record<string, readonly string[]>> = {
        [SOFIA]: [
            'Charlotte Dubois',
            'Eleanor Whitfield',
            'Marcus Bennett',
            'Priya Raman',
            'Thomas Okafor',
            'Hannah Lindqvist',
            'George Adeyemi'
        ],
        [OLIVIA]: [
            'Charlotte Dubois',
            'Eleanor Whitfield',
            'Marcus Bennett',
            'Priya Raman',
            'Thomas Okafor',
            'Hannah Lindqvist'
        ],
        'james.patel@harbourwealth.example': ['Hannah Lindqvist', 'George Adeyemi']
    };
    const SEATS = 50;
    const ROUNDS = 40;

    it('opens 2,000 tabs in a minute with no error, each client asked once per reuse window (far below 600 calls)', async () => {
        fakeDateOnly();
        useHarness();
        const users = Object.keys(READABLE);
        const open = (seat: number, round: number) => {
            const user = users[seat % users.length] ?? OLIVIA;
            const clients = READABLE[user] ?? [];
            const name = clients[(seat + round) % clients.length] ?? 'Eleanor Whitfield';
            return harness.org.runtime.invoke({
                userId: harness.org.requireUser(user).Id,
                className: 'QwilConnectorController',
                methodName: 'loadTab',
                params: { recordId: recordId(name) }
            });
        };
        let errors = 0;
        for (let round = 0; round < ROUNDS; round += 1) {
            const outcomes = await Promise.all(Array.from({ length: SEATS }, (_, seat) => open(seat, round)));
            errors += outcomes.filter((outcome) => !outcome.ok).length;
            advanceSeconds(1.5);
        }
        expect(errors).toBe(0);
        // Each user's staff mapping once (2 lookups), each client once per reuse window: 48 here.
        const clients = new Set(Object.values(READABLE).flat()).size;
        expect(requests.length).toBeLessThanOrEqual(
            users.length * 2 + clients * Math.ceil(60 / CLIENT_STATE_REUSE_SECONDS)
        );
    });
});
