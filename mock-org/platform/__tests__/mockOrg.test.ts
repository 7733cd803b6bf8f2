import { z } from 'zod';
import { auraEnabled, type ApexClassDefinition } from '../../../force-app/server/platform/auraEnabled';
import { AuraHandledException } from '../../../force-app/server/platform/exceptions';
import { toId18 } from '../../../force-app/server/platform/salesforceId';
import { isValidId } from '../records/ids';
import { PROBE_CLASS, SEED_USERS, createProbeOrg } from '../../testing/probeOrg';

const { olivia: OLIVIA, james: JAMES, sofia: SOFIA, daniel: DANIEL } = SEED_USERS;

/** A package's own exception class, as Apex code would declare `class ConnectorException extends Exception {}`. */
class ConnectorException extends Error {
    override readonly name = 'ConnectorException';
}

const Probe: ApexClassDefinition = {
    name: PROBE_CLASS,
    apiVersion: '67.0',
    sharing: 'with sharing',
    methods: {
        readContact: auraEnabled({
            cacheable: true,
            params: z.strictObject({ recordId: z.string() }),
            result: z.object({ visible: z.boolean(), email: z.string().nullable() }),
            run: async ({ recordId }, context) => {
                const record = context.database.queryById('Contact', recordId, ['Email'], 'USER_MODE');
                return {
                    visible: record !== null,
                    email: (record?.['Email'] as string | undefined) ?? null,
                    leaked: 'never sent'
                };
            }
        }),
        fail: auraEnabled({
            cacheable: false,
            params: z.object({ handled: z.boolean(), custom: z.boolean().optional() }),
            result: z.null(),
            run: async ({ handled, custom }) => {
                if (handled) throw new AuraHandledException('Something the user can act on.');
                if (custom) throw new ConnectorException('the package threw its own exception');
                throw new TypeError('boom');
            }
        }),
        ownUserFieldUpdateable: auraEnabled({
            cacheable: true,
            params: z.object({ field: z.string() }),
            result: z.boolean().nullable(),
            run: async ({ field }, context) => context.schema.describeField('User', field)?.isUpdateable() ?? null
        })
    }
};

const probe = createProbeOrg([Probe]);
const { org, contactId } = probe;
const call = (username: string, methodName: string, params: unknown) =>
    probe.call(username, PROBE_CLASS, methodName, params);

describe('records and ids (checklist item 11 and the id constants)', () => {
    it('computes the case-safe 18-character id as the platform does', () => {
        expect(toId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
        expect(isValidId('001A0000006Vm9rIAC')).toBe(true);
        expect(isValidId('001A0000006Vm9rIAA')).toBe(false);
    });

    it('imports the sObject tree seed with the key prefixes of each object', () => {
        expect(org.records.all('Contact').every((contact) => contact.Id.startsWith('003'))).toBe(true);
        expect(org.records.all('Account').every((account) => account.Id.startsWith('001'))).toBe(true);
        expect(org.users().every((user) => user.Id.startsWith('005'))).toBe(true);
    });

    it('stores a Person Account as an Account with IsPersonAccount and a hidden Contact', () => {
        const charlotte = org.records.all('Account').find((account) => account['IsPersonAccount'] === true);
        expect(charlotte?.['Name']).toBe('Charlotte Dubois');
        const personContact = org.records.get(String(charlotte?.['PersonContactId']));
        expect(personContact).toMatchObject({ Email: 'charlotte.dubois@example.com', AccountId: charlotte?.Id });
    });

    it('finds a record by its 15-character id', () => {
        const id = contactId('Whitfield');
        expect(org.records.get(id.slice(0, 15))?.Id).toBe(id);
    });
});

describe('sharing and record access (checklist item 7)', () => {
    it('lets the owner read a private Contact', async () => {
        expect(await call(OLIVIA, 'readContact', { recordId: contactId('Whitfield') })).toEqual({
            ok: true,
            value: { visible: true, email: 'eleanor.whitfield@example.com' }
        });
    });

    it('hides a private Contact from a user who neither owns it nor has a share', async () => {
        expect(await call(JAMES, 'readContact', { recordId: contactId('Whitfield') })).toEqual({
            ok: true,
            value: { visible: false, email: null }
        });
    });

    it('opens a record to a user with a manual share', async () => {
        expect(await call(OLIVIA, 'readContact', { recordId: contactId('Lindqvist') })).toMatchObject({
            ok: true,
            value: { visible: true }
        });
    });

    it('lets View All Data see every record', () => {
        expect(org.visibleRecords(org.requireUser(SOFIA).Id, 'Contact')).toHaveLength(
            org.records.all('Contact').length
        );
    });
});

describe('User self-edit rules (checklist item 12)', () => {
    it.each([
        ['Email', true],
        ['Username', true],
        ['Alias', true],
        ['CommunityNickname', true],
        ['EmployeeNumber', true],
        ['LocaleSidKey', true],
        ['FederationIdentifier', false]
    ])('a standard user can change their own %s: %s', async (field, updateable) => {
        expect(await call(OLIVIA, 'ownUserFieldUpdateable', { field })).toEqual({ ok: true, value: updateable });
    });

    it('a user with Manage Users can change FederationIdentifier', async () => {
        expect(await call(SOFIA, 'ownUserFieldUpdateable', { field: 'FederationIdentifier' })).toEqual({
            ok: true,
            value: true
        });
    });

    it('describes a field that does not exist as null', async () => {
        expect(await call(OLIVIA, 'ownUserFieldUpdateable', { field: 'Nope__c' })).toEqual({ ok: true, value: null });
    });
});

describe('the Apex runtime (checklist items 7 and 8)', () => {
    it("refuses a user without access to the class with the platform's message", async () => {
        expect(await call(DANIEL, 'readContact', { recordId: contactId('Whitfield') })).toEqual({
            ok: false,
            error: {
                status: 500,
                statusText: 'Server Error',
                body: { message: "You do not have access to the Apex class named 'QwilConnectorController'." }
            }
        });
    });

    it('sends an AuraHandledException as its message only, without a stack trace', async () => {
        expect(await call(OLIVIA, 'fail', { handled: true })).toEqual({
            ok: false,
            error: { status: 500, statusText: 'Server Error', body: { message: 'Something the user can act on.' } }
        });
    });

    it('sends an unhandled exception in the unhandled-exception shape', async () => {
        const outcome = await call(OLIVIA, 'fail', { handled: false });
        expect(outcome).toMatchObject({
            ok: false,
            error: {
                status: 500,
                body: { message: 'boom', isUserDefinedException: false, exceptionType: 'System.UnexpectedException' }
            }
        });
    });

    it('names a custom exception class as its exceptionType, with isUserDefinedException true (platform.md §3.2)', async () => {
        expect(await call(OLIVIA, 'fail', { handled: false, custom: true })).toEqual({
            ok: false,
            error: {
                status: 500,
                statusText: 'Server Error',
                body: {
                    exceptionType: 'ConnectorException',
                    isUserDefinedException: true,
                    message: 'the package threw its own exception',
                    stackTrace: 'Class.QwilConnectorController.fail'
                }
            }
        });
    });

    it('names the parameter when a caller sends a bad one', async () => {
        expect(await call(OLIVIA, 'readContact', { recordId: 42 })).toMatchObject({
            ok: false,
            error: { body: { message: expect.stringMatching(/^Invalid parameter 'recordId'/) } }
        });
        expect(await call(OLIVIA, 'readContact', { recordId: 'x', extra: true })).toMatchObject({
            ok: false,
            error: { body: { message: expect.stringMatching(/^Invalid parameters/) } }
        });
    });

    it('sends only the declared result fields to the browser', async () => {
        const outcome = await call(OLIVIA, 'readContact', { recordId: contactId('Whitfield') });
        expect(outcome.ok && outcome.value).not.toHaveProperty('leaked');
    });

    it('answers an unknown method with 404', async () => {
        expect(await call(OLIVIA, 'nope', {})).toMatchObject({ ok: false, error: { status: 404 } });
    });
});
