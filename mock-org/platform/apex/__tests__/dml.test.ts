import { HttpRequest } from '../../../../force-app/server/platform/http';
import { QWIL_NAMED_CREDENTIAL } from '../../../../force-app/server/qwil/qwilTransport';
import { SEED_USERS, createScriptedOrg, gate, type ScriptedClassOptions, type Step } from '../../../testing/probeOrg';

const { olivia, james, sofia } = SEED_USERS;
const updateFailure = (statusCode: string) => ({
    ok: false,
    error: {
        body: { exceptionType: 'System.DmlException', message: expect.stringContaining(`first error: ${statusCode}`) }
    }
});

function dmlOrg(classOptions: ScriptedClassOptions = {}) {
    const ids = { whitfield: '', lindqvist: '', olivia: '', james: '' };
    const paused = gate();
    const update =
        (
            type: string,
            record: keyof typeof ids,
            fields: Record<string, unknown>,
            access?: 'USER_MODE' | 'SYSTEM_MODE'
        ): Step =>
        async ({ database }) => {
            database.updateById(type, ids[record], fields, access);
            return null;
        };
    const steps: Record<string, Step> = {
        titleAsUser: update('Contact', 'whitfield', { Title: 'Trustee' }, 'USER_MODE'),
        lindqvistTitleAsUser: update('Contact', 'lindqvist', { Title: 'Trustee' }, 'USER_MODE'),
        lindqvistTitleAsSystem: update('Contact', 'lindqvist', { Title: 'Trustee' }, 'SYSTEM_MODE'),
        nameAsSystem: update('Contact', 'whitfield', { Name: 'Someone Else' }, 'SYSTEM_MODE'),
        userIdAsContact: update('Contact', 'olivia', { Title: 'Trustee' }, 'SYSTEM_MODE'),
        unknownField: update('Contact', 'whitfield', { Nope__c: 'x' }, 'SYSTEM_MODE'),
        ownEmailAsUser: update('User', 'olivia', { Email: 'olivia@example.com' }, 'USER_MODE'),
        ownFederationIdAsUser: update('User', 'olivia', { FederationIdentifier: 'someone.else' }, 'USER_MODE'),
        ownFederationIdAsSystem: update('User', 'olivia', { FederationIdentifier: 'someone.else' }, 'SYSTEM_MODE'),
        jamesFederationIdAsUser: update('User', 'james', { FederationIdentifier: 'james.p' }, 'USER_MODE'),
        readTitle: async ({ database }) =>
            database.queryById('Contact', ids.whitfield, ['Title'], 'SYSTEM_MODE')?.['Title'],
        updateThenRead: async ({ database }) => {
            database.updateById('Contact', ids.whitfield, { Title: 'Trustee' }, 'SYSTEM_MODE');
            return database.queryById('Contact', ids.whitfield, ['Title'], 'SYSTEM_MODE')?.['Title'];
        },
        updateThenFail: async ({ database }) => {
            database.updateById('Contact', ids.whitfield, { Title: 'Trustee' }, 'SYSTEM_MODE');
            throw new Error('fails after the update');
        },
        updateThenPause: async ({ database }) => {
            database.updateById('Contact', ids.whitfield, { Title: 'Trustee' }, 'SYSTEM_MODE');
            await paused.opened;
            return null;
        },
        updateThenCallOut: async ({ database, http }) => {
            database.updateById('Contact', ids.whitfield, { Title: 'Trustee' }, 'SYSTEM_MODE');
            const request = new HttpRequest();
            request.setEndpoint(`callout:${QWIL_NAMED_CREDENTIAL}/ping`);
            await http.send(request);
            return null;
        },
        manyUpdates: async ({ database }) => {
            for (let statement = 1; statement <= 151; statement++)
                database.updateById('Contact', ids.whitfield, { Title: `Title ${statement}` }, 'SYSTEM_MODE');
            return null;
        }
    };
    const probe = createScriptedOrg(steps, classOptions, { transport: async () => new Response('{}') });
    Object.assign(ids, {
        whitfield: probe.contactId('Whitfield'),
        lindqvist: probe.contactId('Lindqvist'),
        olivia: probe.userId(olivia),
        james: probe.userId(james)
    });
    const title = (lastName: string) => probe.org.records.get(probe.contactId(lastName))?.['Title'];
    return { ...probe, paused, title };
}

describe('DML commits with the transaction (Apex Developer Guide: transaction control)', () => {
    it('writes the update when the method returns', async () => {
        const { run, title } = dmlOrg();
        expect(await run(olivia, 'titleAsUser')).toEqual({ ok: true, value: null });
        expect(title('Whitfield')).toBe('Trustee');
    });

    it('shows the transaction its own uncommitted update', async () => {
        expect(await dmlOrg().run(olivia, 'updateThenRead')).toEqual({ ok: true, value: 'Trustee' });
    });

    it('rolls the update back when the method throws', async () => {
        const { run, title } = dmlOrg();
        const before = title('Whitfield');
        expect(await run(olivia, 'updateThenFail')).toMatchObject({ ok: false });
        expect(title('Whitfield')).toBe(before);
    });

    it('hides an uncommitted update from other transactions', async () => {
        const { run, paused, title } = dmlOrg();
        const before = title('Whitfield');
        const writer = run(olivia, 'updateThenPause');
        expect(await run(sofia, 'readTitle')).toEqual({ ok: true, value: before });
        paused.open();
        await writer;
        expect(await run(sofia, 'readTitle')).toEqual({ ok: true, value: 'Trustee' });
    });
});

describe('DML limits (platform.md §2.1, §2.2, §3.1; checklist items 4 and 9)', () => {
    it('refuses a callout after DML: uncommitted work pending', async () => {
        expect(await dmlOrg().run(olivia, 'updateThenCallOut')).toMatchObject({
            ok: false,
            error: {
                body: {
                    exceptionType: 'System.CalloutException',
                    message: 'You have uncommitted work pending. Please commit or rollback before calling out'
                }
            }
        });
    });

    it('throws "Too many DML statements: 1" in a cacheable method', async () => {
        expect(await dmlOrg().runCacheable(olivia, 'titleAsUser')).toMatchObject({
            ok: false,
            error: { body: { exceptionType: 'System.LimitException', message: 'Too many DML statements: 1' } }
        });
    });

    it('allows 150 DML statements per transaction and fails the 151st', async () => {
        expect(await dmlOrg().run(olivia, 'manyUpdates')).toMatchObject({
            ok: false,
            error: { body: { exceptionType: 'System.LimitException', message: 'Too many DML statements: 151' } }
        });
    });
});

describe('DML access checks (platform.md §3.3, §5.2; checklist items 7 and 12)', () => {
    it('user mode: refuses to update a record the user may only read (a Read share)', async () => {
        expect(await dmlOrg().run(olivia, 'lindqvistTitleAsUser')).toMatchObject(
            updateFailure('INSUFFICIENT_ACCESS_OR_READONLY')
        );
    });

    it('system mode in a `with sharing` class: sharing still applies to DML', async () => {
        expect(await dmlOrg().run(olivia, 'lindqvistTitleAsSystem')).toMatchObject(
            updateFailure('INSUFFICIENT_ACCESS_OR_READONLY')
        );
    });

    it('system mode in a `without sharing` class: no sharing check', async () => {
        const { run, title } = dmlOrg({ sharing: 'without sharing' });
        expect(await run(olivia, 'lindqvistTitleAsSystem')).toEqual({ ok: true, value: null });
        expect(title('Lindqvist')).toBe('Trustee');
    });

    it('the record owner may update in user mode', async () => {
        expect(await dmlOrg().run(james, 'lindqvistTitleAsUser')).toEqual({ ok: true, value: null });
    });

    it('a user may change a self-editable field of their own User record in user mode', async () => {
        const { run, org } = dmlOrg();
        expect(await run(olivia, 'ownEmailAsUser')).toEqual({ ok: true, value: null });
        expect(org.requireUser(olivia)['Email']).toBe('olivia@example.com');
    });

    it('user mode: FederationIdentifier needs Manage Users, even on the own record', async () => {
        expect(await dmlOrg().run(olivia, 'ownFederationIdAsUser')).toMatchObject(
            updateFailure('INVALID_FIELD_FOR_INSERT_UPDATE, Unable to create/update fields: FederationIdentifier.')
        );
    });

    it('system mode ignores field-level security and the self-edit rules', async () => {
        expect(await dmlOrg().run(olivia, 'ownFederationIdAsSystem')).toEqual({ ok: true, value: null });
    });

    it("user mode: another user's record needs Manage Users", async () => {
        const { run } = dmlOrg();
        expect(await run(olivia, 'jamesFederationIdAsUser')).toMatchObject(
            updateFailure('INSUFFICIENT_ACCESS_OR_READONLY')
        );
        expect(await run(sofia, 'jamesFederationIdAsUser')).toEqual({ ok: true, value: null });
    });

    it('an id that is not a record of the object fails with INVALID_CROSS_REFERENCE_KEY', async () => {
        expect(await dmlOrg().run(sofia, 'userIdAsContact')).toMatchObject(
            updateFailure('INVALID_CROSS_REFERENCE_KEY')
        );
    });

    it('no mode may write a system field or a field the object lacks', async () => {
        const { run } = dmlOrg();
        expect(await run(sofia, 'nameAsSystem')).toMatchObject({
            ok: false,
            error: {
                body: { exceptionType: 'System.SObjectException', message: 'Field is not writeable: Contact.Name' }
            }
        });
        expect(await run(sofia, 'unknownField')).toMatchObject({
            ok: false,
            error: { body: { exceptionType: 'System.SObjectException', message: 'Invalid field Nope__c for Contact' } }
        });
    });
});
