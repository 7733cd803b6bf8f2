import { SEED_USERS, createScriptedOrg, type Step } from '../../../testing/probeOrg';

// platform.md §5.3 (checklist item 11): a Person Account is one record stored as an Account and a
// hidden Contact; `Person*` fields on the Account are the Contact's fields, so a change shows on both.
function personAccountOrg() {
    const ids = { account: '', contact: '' };
    const steps: Record<string, Step> = {
        renameAccount: async ({ database }) => {
            database.updateById(
                'Account',
                ids.account,
                { LastName: 'Dubois-Martin', PersonEmail: 'charlotte@dubois.example' },
                'SYSTEM_MODE'
            );
            return null;
        },
        retitleContact: async ({ database }) => {
            database.updateById('Contact', ids.contact, { Title: 'Trustee' }, 'SYSTEM_MODE');
            return null;
        }
    };
    const probe = createScriptedOrg(steps);
    const account = probe.org.records.all('Account').find((candidate) => candidate['IsPersonAccount'] === true);
    Object.assign(ids, { account: account?.Id ?? '', contact: String(account?.['PersonContactId']) });
    return { ...probe, record: (which: keyof typeof ids) => probe.org.records.get(ids[which]) };
}

describe('Person Account updates', () => {
    it("writes the Account's Person fields and name through to its Contact, and recomposes both names", async () => {
        const { run, record } = personAccountOrg();
        expect(await run(SEED_USERS.olivia, 'renameAccount')).toEqual({ ok: true, value: null });
        expect(record('account')).toMatchObject({
            Name: 'Charlotte Dubois-Martin',
            PersonEmail: 'charlotte@dubois.example'
        });
        expect(record('contact')).toMatchObject({
            Name: 'Charlotte Dubois-Martin',
            LastName: 'Dubois-Martin',
            Email: 'charlotte@dubois.example'
        });
    });

    it("shows a change to the hidden Contact on the Account's Person field", async () => {
        const { run, record } = personAccountOrg();
        expect(await run(SEED_USERS.olivia, 'retitleContact')).toEqual({ ok: true, value: null });
        expect(record('account')?.['PersonTitle']).toBe('Trustee');
    });
});
