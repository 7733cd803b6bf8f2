import { SEED_USERS, createScriptedOrg, type Step } from '../../../testing/probeOrg';

// platform.md §3.3 (user mode applies sharing, object permissions and FLS) and §2.1 (SOQL limits):
// `SELECT Id, <field> FROM <type> WHERE <field> IN :values WITH USER_MODE LIMIT n`. SOQL compares
// text case-insensitively, accepts 15- or 18-character ids, and refuses a malformed id in the list.
const { james, olivia } = SEED_USERS;

function whereInOrg() {
    let whitfield = '';
    let lindqvist = '';
    const steps: Record<string, Step> = {
        emails: async ({ database }) =>
            database
                .queryWhereIn(
                    'Contact',
                    'Email',
                    ['ELEANOR.WHITFIELD@example.com', 'hannah.lindqvist@example.com', 'nobody@example.com'],
                    10,
                    'USER_MODE'
                )
                .map((record) => record['Email']),
        ids: async ({ database }) =>
            database
                .queryWhereIn('Contact', 'Id', [whitfield.slice(0, 15), lindqvist], 10, 'USER_MODE')
                .map((record) => record.Id),
        limited: async ({ database }) =>
            database.queryWhereIn('Contact', 'Id', [whitfield, lindqvist], 1, 'USER_MODE').length,
        nothing: async ({ database }) => database.queryWhereIn('Contact', 'Email', [], 10, 'USER_MODE'),
        badId: async ({ database }) => database.queryWhereIn('Contact', 'Id', ['not-an-id'], 10, 'USER_MODE'),
        profileAsUser: async ({ database }) =>
            database.queryWhereIn('Profile', 'Name', ['System Administrator'], 10, 'USER_MODE')
    };
    const probe = createScriptedOrg(steps);
    whitfield = probe.contactId('Whitfield');
    lindqvist = probe.contactId('Lindqvist');
    return { ...probe, whitfield, lindqvist };
}

describe('SOQL with a bound list (WHERE field IN :values)', () => {
    it('user mode returns only records the user can read; text matches whatever its case', async () => {
        const { run } = whereInOrg();
        expect(await run(james, 'emails')).toEqual({ ok: true, value: ['hannah.lindqvist@example.com'] });
        expect(await run(olivia, 'emails')).toEqual({
            ok: true,
            value: ['eleanor.whitfield@example.com', 'hannah.lindqvist@example.com']
        });
    });

    it('ids match in 15 or 18 characters and come back in 18; sharing applies', async () => {
        const { run, whitfield, lindqvist } = whereInOrg();
        expect(await run(olivia, 'ids')).toEqual({ ok: true, value: [whitfield, lindqvist] });
        expect(await run(james, 'ids')).toEqual({ ok: true, value: [lindqvist] });
    });

    it('returns at most LIMIT rows, and nothing for an empty list', async () => {
        const { run } = whereInOrg();
        expect(await run(olivia, 'limited')).toEqual({ ok: true, value: 1 });
        expect(await run(olivia, 'nothing')).toEqual({ ok: true, value: [] });
    });

    it('a malformed id in the list fails with "invalid ID field"; an unreadable object fails in user mode', async () => {
        const { run } = whereInOrg();
        expect(await run(james, 'badId')).toMatchObject({
            ok: false,
            error: { body: { exceptionType: 'System.QueryException', message: 'invalid ID field: not-an-id' } }
        });
        expect(await run(james, 'profileAsUser')).toMatchObject({
            ok: false,
            error: { body: { message: "sObject type 'Profile' is not supported." } }
        });
    });
});

// platform.md §3.3: the sharing keyword of the class where a method is defined applies, not the
// caller's; in system mode it decides whether sharing applies, and user mode always applies it. A
// `without sharing` inner class is how a `with sharing` class counts records its user cannot see.
describe('SOQL from a without sharing class', () => {
    const eleanor = ['eleanor.whitfield@example.com'];
    const steps: Record<string, Step> = {
        withSharingSystemMode: async ({ database }) =>
            database.queryWhereIn('Contact', 'Email', eleanor, 10, 'SYSTEM_MODE').length,
        withoutSharingSystemMode: async ({ database }) =>
            database.withoutSharing().queryWhereIn('Contact', 'Email', eleanor, 10, 'SYSTEM_MODE').length,
        withoutSharingUserMode: async ({ database }) =>
            database.withoutSharing().queryWhereIn('Contact', 'Email', eleanor, 10, 'USER_MODE').length
    };

    it('system mode skips sharing only without sharing; user mode applies it anyway', async () => {
        const { run } = createScriptedOrg(steps);
        expect(await run(james, 'withSharingSystemMode')).toEqual({ ok: true, value: 0 });
        expect(await run(james, 'withoutSharingSystemMode')).toEqual({ ok: true, value: 1 });
        expect(await run(james, 'withoutSharingUserMode')).toEqual({ ok: true, value: 0 });
    });
});
