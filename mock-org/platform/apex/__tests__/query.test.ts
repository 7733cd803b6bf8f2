import { SEED_USERS, createScriptedOrg, type Step } from '../../../testing/probeOrg';

// platform.md §3.3 and §2.1 (checklist items 4 and 7): user mode checks object permissions and FLS;
// a synchronous transaction may run 100 SOQL queries.
const { james } = SEED_USERS;

function queryOrg() {
    let whitfield = '';
    let profileId = '';
    const steps: Record<string, Step> = {
        profileAsUser: async ({ database }) => database.queryById('Profile', profileId, ['Name'], 'USER_MODE'),
        profileAsSystem: async ({ database }) =>
            database.queryById('Profile', profileId, ['Name'], 'SYSTEM_MODE')?.['Name'],
        unknownColumn: async ({ database }) => database.queryById('Contact', whitfield, ['Nickname__c'], 'SYSTEM_MODE'),
        manyQueries: async ({ database }) => {
            for (let query = 1; query <= 101; query++)
                database.queryById('Contact', whitfield, ['LastName'], 'SYSTEM_MODE');
            return null;
        },
        queriesThenLock: async ({ database }) => {
            for (let query = 1; query <= 100; query++)
                database.queryById('Contact', whitfield, ['LastName'], 'SYSTEM_MODE');
            return database.lockById('Contact', whitfield, 'SYSTEM_MODE');
        },
        hundredQueries: async ({ database }) => {
            for (let query = 1; query <= 100; query++)
                database.queryById('Contact', whitfield, ['LastName'], 'SYSTEM_MODE');
            return null;
        }
    };
    const probe = createScriptedOrg(steps);
    whitfield = probe.contactId('Whitfield');
    profileId = probe.org.records.all('Profile')[0]?.Id ?? '';
    return probe;
}

describe('SOQL by id', () => {
    it('user mode: an object the user has no read permission on fails the query', async () => {
        expect(await queryOrg().run(james, 'profileAsUser')).toMatchObject({
            ok: false,
            error: {
                body: { exceptionType: 'System.QueryException', message: "sObject type 'Profile' is not supported." }
            }
        });
    });

    it('system mode: object permissions are not checked', async () => {
        expect(await queryOrg().run(james, 'profileAsSystem')).toEqual({ ok: true, value: 'System Administrator' });
    });

    it('a field the object does not have fails with "No such column"', async () => {
        expect(await queryOrg().run(james, 'unknownColumn')).toMatchObject({
            ok: false,
            error: { body: { message: expect.stringMatching(/^No such column 'Nickname__c' on entity 'Contact'/) } }
        });
    });

    it('allows 100 queries per transaction and fails the 101st with "Too many SOQL queries: 101"', async () => {
        const { run } = queryOrg();
        expect(await run(james, 'hundredQueries')).toEqual({ ok: true, value: null });
        expect(await run(james, 'manyQueries')).toMatchObject({
            ok: false,
            error: { body: { exceptionType: 'System.LimitException', message: 'Too many SOQL queries: 101' } }
        });
    });

    it('counts a FOR UPDATE lock as a query', async () => {
        expect(await queryOrg().run(james, 'queriesThenLock')).toMatchObject({
            ok: false,
            error: { body: { message: 'Too many SOQL queries: 101' } }
        });
    });
});
