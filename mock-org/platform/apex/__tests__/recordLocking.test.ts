import { HttpRequest } from '../../../../force-app/server/platform/http';
import { QWIL_NAMED_CREDENTIAL } from '../../../../force-app/server/qwil/qwilTransport';
import { RECORD_UNAVAILABLE_MESSAGE } from '../../records/recordLocks';
import { SEED_USERS, createScriptedOrg, gate, type Step } from '../../../testing/probeOrg';

// Apex Developer Guide, "Locking Statements": FOR UPDATE locks a record until the transaction ends;
// another transaction waits up to 10 s for it, then gets a QueryException; a callout releases the lock.
const { olivia, james, sofia } = SEED_USERS;

function lockingOrg(options: { recordLockWaitMs?: number; transport?: (request: Request) => Promise<Response> } = {}) {
    const holding = gate();
    const events: string[] = [];
    let recordId = '';
    const steps: Record<string, Step> = {
        holdLock: async ({ database }) => {
            await database.lockById('Contact', recordId, 'SYSTEM_MODE');
            events.push('first transaction locked');
            await holding.opened;
            events.push('first transaction ends');
            return null;
        },
        lockThenCallOut: async ({ database, http }) => {
            await database.lockById('Contact', recordId, 'SYSTEM_MODE');
            const request = new HttpRequest();
            request.setEndpoint(`callout:${QWIL_NAMED_CREDENTIAL}/ping`);
            await http.send(request);
            events.push('callout returned');
            return null;
        },
        lock: async ({ database }) => {
            const locked = await database.lockById('Contact', recordId, 'SYSTEM_MODE');
            events.push('second transaction locked');
            return locked;
        },
        lockAsUser: async ({ database }) => database.lockById('Contact', recordId, 'USER_MODE'),
        lockThenFail: async ({ database }) => {
            await database.lockById('Contact', recordId, 'SYSTEM_MODE');
            throw new Error('the method fails while holding the lock');
        },
        update: async ({ database }) => {
            database.updateById('Contact', recordId, { Title: 'Trustee' }, 'SYSTEM_MODE');
            return null;
        },
        updateAndHold: async ({ database }) => {
            database.updateById('Contact', recordId, { Title: 'Trustee' }, 'SYSTEM_MODE');
            await holding.opened;
            return null;
        }
    };
    const probe = createScriptedOrg(
        steps,
        {},
        { principals: { [QWIL_NAMED_CREDENTIAL]: { username: 'key', password: 'secret' } }, ...options }
    );
    recordId = probe.contactId('Whitfield');
    return { ...probe, holding, events, recordId };
}

describe('FOR UPDATE record locks (Apex Developer Guide: Locking Statements)', () => {
    it('makes a second transaction wait until the first one ends, then gives it the lock', async () => {
        const { run, holding, events, recordId } = lockingOrg();
        const first = run(olivia, 'holdLock');
        const second = run(sofia, 'lock');
        holding.open();
        expect(await first).toEqual({ ok: true, value: null });
        expect(await second).toEqual({ ok: true, value: { Id: recordId } });
        expect(events).toEqual(['first transaction locked', 'first transaction ends', 'second transaction locked']);
    });

    it('fails the waiting transaction with "Record Currently Unavailable" when the wait runs out', async () => {
        const { run, holding } = lockingOrg({ recordLockWaitMs: 1 });
        const first = run(olivia, 'holdLock');
        expect(await run(sofia, 'lock')).toMatchObject({
            ok: false,
            error: {
                status: 500,
                body: { exceptionType: 'System.QueryException', message: RECORD_UNAVAILABLE_MESSAGE }
            }
        });
        holding.open();
        await first;
    });

    describe('with the platform wait of 10 seconds', () => {
        beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }));
        afterEach(() => jest.useRealTimers());

        it('still waits after 9.999 s and gives up at 10 s', async () => {
            const { run, holding } = lockingOrg();
            const first = run(olivia, 'holdLock');
            let settled: unknown;
            const second = run(sofia, 'lock').then((outcome) => (settled = outcome));
            await jest.advanceTimersByTimeAsync(9_999);
            expect(settled).toBeUndefined();
            await jest.advanceTimersByTimeAsync(1);
            await second;
            expect(settled).toMatchObject({ ok: false, error: { body: { message: RECORD_UNAVAILABLE_MESSAGE } } });
            holding.open();
            await first;
        });
    });

    it('releases the lock when the transaction makes a callout', async () => {
        const callout = gate();
        const { run, events } = lockingOrg({
            transport: async () => {
                events.push('callout sent');
                await callout.opened;
                return new Response('{}', { status: 200 });
            }
        });
        const first = run(olivia, 'lockThenCallOut');
        await new Promise((resolve) => setImmediate(resolve));
        expect(await run(sofia, 'lock')).toMatchObject({ ok: true });
        callout.open();
        expect(await first).toEqual({ ok: true, value: null });
        expect(events).toEqual(['callout sent', 'second transaction locked', 'callout returned']);
    });

    it('releases the lock when the transaction fails, too', async () => {
        const { run } = lockingOrg({ recordLockWaitMs: 1 });
        expect(await run(olivia, 'lockThenFail')).toMatchObject({ ok: false });
        expect(await run(sofia, 'lock')).toMatchObject({ ok: true });
    });

    it('returns null for a record the running user cannot see (platform.md §3.4)', async () => {
        const { run } = lockingOrg();
        expect(await run(james, 'lockAsUser')).toEqual({ ok: true, value: null });
    });

    it('DML locks the record too: another transaction cannot lock it until the first ends', async () => {
        const { run, holding } = lockingOrg({ recordLockWaitMs: 1 });
        const first = run(olivia, 'updateAndHold');
        expect(await run(sofia, 'lock')).toMatchObject({
            ok: false,
            error: { body: { message: RECORD_UNAVAILABLE_MESSAGE } }
        });
        holding.open();
        await first;
        expect(await run(sofia, 'lock')).toMatchObject({ ok: true });
    });

    it('refuses DML on a record another transaction has locked, with UNABLE_TO_LOCK_ROW', async () => {
        const { run, holding, recordId } = lockingOrg();
        const first = run(olivia, 'holdLock');
        expect(await run(sofia, 'update')).toMatchObject({
            ok: false,
            error: {
                body: {
                    exceptionType: 'System.DmlException',
                    message: expect.stringContaining(
                        `UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record or 1 records: ${recordId}`
                    )
                }
            }
        });
        holding.open();
        await first;
    });
});
