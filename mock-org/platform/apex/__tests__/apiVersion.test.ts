import { SEED_USERS, createScriptedOrg, type ScriptedClassOptions, type Step } from '../../../testing/probeOrg';

// platform.md §3.3 (checklist item 6): a class saved at API 66.0 or earlier runs SOQL and DML in
// system mode by default, from 67.0 in user mode; user mode always applies sharing, system mode
// only when the class is not `without sharing`.
const { james } = SEED_USERS;

function visibilityOrg(classOptions: ScriptedClassOptions) {
    let whitfield = '';
    const steps: Record<string, Step> = {
        explicitSystemMode: async ({ database }) =>
            database.queryById('Contact', whitfield, ['LastName'], 'SYSTEM_MODE') !== null,
        defaultMode: async ({ database }) => database.queryById('Contact', whitfield, ['LastName']) !== null
    };
    const probe = createScriptedOrg(steps, classOptions);
    whitfield = probe.contactId('Whitfield');
    return probe;
}

describe("the controller's API version and sharing keyword decide what its queries see", () => {
    it('API 66.0, without sharing, WITH SYSTEM_MODE: sees a Contact the user cannot', async () => {
        expect(
            await visibilityOrg({ apiVersion: '66.0', sharing: 'without sharing' }).run(james, 'explicitSystemMode')
        ).toEqual({ ok: true, value: true });
    });

    it('API 67.0, with sharing, WITH SYSTEM_MODE: does not', async () => {
        expect(
            await visibilityOrg({ apiVersion: '67.0', sharing: 'with sharing' }).run(james, 'explicitSystemMode')
        ).toEqual({ ok: true, value: false });
    });

    it('API 66.0, without sharing, no access mode: defaults to system mode and sees it', async () => {
        expect(
            await visibilityOrg({ apiVersion: '66.0', sharing: 'without sharing' }).run(james, 'defaultMode')
        ).toEqual({ ok: true, value: true });
    });

    it('API 67.0, without sharing, no access mode: defaults to user mode, which always applies sharing', async () => {
        expect(
            await visibilityOrg({ apiVersion: '67.0', sharing: 'without sharing' }).run(james, 'defaultMode')
        ).toEqual({ ok: true, value: false });
    });

    it('refuses to register a class whose API version is not of the form "67.0"', () => {
        expect(() => visibilityOrg({ apiVersion: '67' })).toThrow('API version "67" is not of the form "67.0"');
    });
});
