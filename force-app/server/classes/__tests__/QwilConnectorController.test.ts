import type { ReadyTab, TabState } from '../../contracts/QwilConnectorController';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { DEMO } from '../../../../mock-org/qwil';
import { arrangeInQwil } from '../../../../mock-org/testing/arrangeInQwil';
import { clientRecordId, qwilGroupNamed, qwilMembershipsWithEmail } from '../../../../mock-org/testing/finders';
import { ownerCanEditUserField } from '../../services/staffMapping';
import { staffWordProblems } from '../../../test/jest-support/staffWords';
import { fakeDateOnly as useFakeDate } from '../../../../mock-org/testing/fakeDateOnly';

// The server methods through the mock org's runtime (sharing, FLS, named credential, limits)
// against the mock Qwil; every Qwil request is recorded to count callouts.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const JAMES = 'james.patel@harbourwealth.example';

const { requests, serve } = useQwilServer();

let harness: ConnectorHarness;
function useHarness(settings?: Record<string, string | boolean | null>, superApiKey = false): void {
    harness = createConnectorHarness({ ...(settings ? { settings } : {}), superApiKey });
    serve(harness);
    harness.runAs(OLIVIA);
}

const recordId = (name: string) => clientRecordId(harness.org, name);
const call = (method: string, params: unknown) => harness.callApex('QwilConnectorController', method, params);
const loadTab = (name: string) => call('loadTab', { recordId: recordId(name) }) as Promise<TabState>;
const ready = async (name: string): Promise<ReadyTab> => {
    const state = await loadTab(name);
    if (state.kind !== 'ready') throw new Error(`Expected a ready tab, got ${state.kind}`);
    return state;
};
const setStaffId = (username: string, value: string) =>
    harness.org.records.update(harness.org.requireUser(username).Id, { FederationIdentifier: value });
/** Arranges Qwil data through its System API, as a Qwil administrator's tool would. */
const inQwil = (path: string, body: unknown) => arrangeInQwil(harness).system(path, body);
const qwilMembersWithEmail = (email: string) => qwilMembershipsWithEmail(harness.qwil, email);

describe('loadTab: the first view in one round trip', () => {
    beforeEach(() => useHarness());

    it('maps the staff user, finds the client by record id and says what the user can do', async () => {
        const tab = await ready('Eleanor Whitfield');
        expect(tab.staff).toMatchObject({ name: 'Olivia Hart', jobTitle: 'Senior Wealth Advisor' });
        expect(tab.client).toMatchObject({
            status: 'active',
            client: { primaryEmail: 'eleanor.whitfield@example.com' }
        });
        expect(tab.actions).toEqual({ invite: false, resendInvitation: false, editPhone: false });
        expect(tab.mismatches).toEqual([]);
        expect(tab.organisation).toBeNull();
    });

    it('makes at most 3 Qwil callouts cold and 1 warm, caching the staff mapping', async () => {
        await ready('Eleanor Whitfield');
        const cold = requests.length;
        requests.length = 0;
        await ready('Marcus Bennett');
        expect({ cold, warm: requests.length }).toEqual({ cold: 3, warm: 1 });
    });

    it('offers Invite for a client who is not on Qwil, with the invite defaults from the settings', async () => {
        const tab = await ready('Thomas Okafor');
        expect(tab.client.status).toBe('not_invited');
        expect(tab.actions.invite).toBe(true);
        expect(tab.invite).toMatchObject({
            jobTitle: 'Client',
            newGroupName: 'Okafor Relationship',
            addInvitingUser: true,
            phoneEditable: true,
            defaultCountry: 'GB'
        });
        expect(tab.record.invitationPhone).toEqual({
            input: '07700 010005',
            international: '+447700010005',
            problem: null
        });
    });

    it('offers Resend and Edit phone for a pending client only', async () => {
        expect((await ready('Marcus Bennett')).actions).toEqual({
            invite: false,
            resendInvitation: true,
            editPhone: true
        });
        expect((await ready('Priya Raman')).actions).toEqual({
            invite: false,
            resendInvitation: false,
            editPhone: false
        });
    });

    it('lists differences between the Salesforce record and the Qwil profile', async () => {
        harness.org.records.update(recordId('Eleanor Whitfield'), { Email: 'eleanor@whitfield.example' });
        expect((await ready('Eleanor Whitfield')).mismatches).toEqual([
            { field: 'Email', salesforce: 'eleanor@whitfield.example', qwil: 'eleanor.whitfield@example.com' }
        ]);
    });

    it('reads a Person Account through its Person fields', async () => {
        expect((await ready('Charlotte Dubois')).record).toMatchObject({
            firstName: 'Charlotte',
            email: 'charlotte.dubois@example.com'
        });
    });

    it('refuses a record the user cannot read before any Qwil call', async () => {
        harness.runAs(JAMES);
        expect(await apexErrorMessage(loadTab('Eleanor Whitfield'))).toMatch(/^You don't have access to this record/);
        expect(requests).toEqual([]);
    });
});

describe('staff mapping: a distinct message for each failure', () => {
    beforeEach(() => useHarness());

    it.each([
        ['', /^Your Federation ID is empty/],
        [
            'nobody@harbourwealth.example',
            /^No Qwil account has the identifier or primary email nobody@harbourwealth.example/
        ],
        ['eleanor.whitfield@example.com', /is a client account, not a staff account/],
        ['ava.collins@harbourwealth.example', /^Your Qwil staff account is Pending/],
        ['noah.fischer@harbourwealth.example', /^Your Qwil staff account is Suspended/]
    ])('Staff ID value "%s"', async (value, message) => {
        setStaffId(OLIVIA, value);
        expect(await apexErrorMessage(loadTab('Eleanor Whitfield'))).toMatch(message);
    });

    it('says so when the staff account is deactivated', async () => {
        await inQwil('entity-memberships/destroy', { entity_user_xref_uuid: DEMO.staff.noahFischer });
        setStaffId(OLIVIA, 'noah.fischer@harbourwealth.example');
        expect(await apexErrorMessage(loadTab('Eleanor Whitfield'))).toMatch(/^Your Qwil staff account is Deactivated/);
    });

    it('refuses an ambiguous value that matches one account by identifier and another by email', async () => {
        const ambiguous = 'james.patel@harbourwealth.example';
        await inQwil('entity-memberships/profile/update', {
            entity_user_xref_uuid: DEMO.staff.oliviaHart,
            identifier: ambiguous
        });
        setStaffId(OLIVIA, ambiguous);
        expect(await apexErrorMessage(loadTab('Eleanor Whitfield'))).toMatch(/matches two different Qwil accounts/);
    });
});

describe('a staff account found for a client record', () => {
    it('is refused in staff words, without the record id, when found by record id', async () => {
        useHarness({ Client_Lookup_Type__c: 'Salesforce Record ID' });
        await inQwil('entity-memberships/profile/update', {
            entity_user_xref_uuid: DEMO.staff.jamesPatel,
            identifier: recordId('Thomas Okafor')
        });
        const message = await apexErrorMessage(loadTab('Thomas Okafor'));
        expect(message).toBe(
            'The Qwil account linked to this record belongs to a staff member, not a client. Ask your Qwil administrator to check which Qwil account carries this record as its identifier.'
        );
        expect(staffWordProblems(message)).toEqual([]);
    });
});

describe("the guide's security rule for the Staff ID field", () => {
    it('refuses to act when staff can edit their own Staff ID field', async () => {
        useHarness({ Staff_ID_Field_API_Name__c: 'Email' });
        expect(await apexErrorMessage(loadTab('Eleanor Whitfield'))).toMatch(/you can edit your own Email \(Email\)/);
        expect(requests).toEqual([]);
    });

    it('refuses a standard field the reference table does not close to its owner, even where the describe says read-only', async () => {
        useHarness({ Staff_ID_Field_API_Name__c: 'ProfileId' });
        expect(await apexErrorMessage(loadTab('Eleanor Whitfield'))).toMatch(
            /you can edit your own Profile ID \(ProfileId\)/
        );
        expect(requests).toEqual([]);
    });

    it.each([
        ['Username', false, true],
        ['Email', false, true],
        ['Alias', false, true],
        ['CommunityNickname', false, true],
        ['EmployeeNumber', false, true],
        ['federationidentifier', true, false],
        ['Id', true, false],
        ['Qwil_Staff_Id__c', true, true],
        ['Qwil_Staff_Id__c', false, false]
    ])('counts %s (describe updateable: %s) as self-editable: %s', (field, updateable, selfEditable) => {
        expect(ownerCanEditUserField(field, updateable)).toBe(selfEditable);
    });

    it('lets an administrator with Manage Users act even though they can edit the field', async () => {
        useHarness({ Staff_ID_Field_API_Name__c: 'Email' });
        harness.runAs('sofia.reyes@harbourwealth.example');
        expect((await ready('Eleanor Whitfield')).staff.name).toBe('Sofia Reyes');
    });
});

describe('settings', () => {
    it('tells staff the connector is not configured, and the admin which field is wrong', async () => {
        useHarness({ Client_Lookup_Type__c: null });
        expect(await apexErrorMessage(loadTab('Eleanor Whitfield'))).toBe(
            'Qwil Messenger is not configured, ask your administrator.'
        );
        harness.runAs('sofia.reyes@harbourwealth.example');
        expect(await apexErrorMessage(loadTab('Eleanor Whitfield'))).toMatch(
            /^Qwil Messenger is not configured: Client Lookup Type must be Email or Salesforce Record ID/
        );
    });

    it('finds the client by email in Email lookup mode', async () => {
        useHarness({ Client_Lookup_Type__c: 'Email' });
        const tab = await ready('Hannah Lindqvist');
        expect(tab.client).toMatchObject({
            status: 'active',
            lookup: { type: 'Email', value: 'hannah.lindqvist@example.com' }
        });
    });
});

describe('inviting a client', () => {
    beforeEach(() => useHarness());
    const invite = (overrides: Record<string, unknown> = {}) =>
        call('inviteClient', {
            recordId: recordId('Thomas Okafor'),
            jobTitle: 'Client',
            invitationPhone: '07700 010005',
            groupUuids: [],
            newGroup: { name: 'Okafor Relationship', staffEntityUserXrefUuids: [DEMO.staff.oliviaHart] },
            ...overrides
        }) as Promise<ReadyTab>;

    it('creates the client with the record id as identifier, the normalised phone and a new group, and shows them pending', async () => {
        const tab = await invite();
        expect(tab.client.status).toBe('pending');
        expect(tab.actions).toEqual({ invite: false, resendInvitation: true, editPhone: true });
        const [thomas] = qwilMembersWithEmail('thomas.okafor@example.com');
        expect(thomas).toMatchObject({
            identifier: recordId('Thomas Okafor'),
            invitation_phone_number: '+447700010005',
            role: 'client',
            status: 'pending',
            created_by_entity_user_xref_uuid: DEMO.staff.oliviaHart
        });
        const group = qwilGroupNamed(harness.qwil, 'Okafor Relationship');
        expect(group?.member_xref_uuids).toEqual(
            expect.arrayContaining([DEMO.staff.oliviaHart, thomas?.entity_user_xref_uuid])
        );
    });

    it('never creates two clients for one record: a double click and two users at once', async () => {
        const params = {
            recordId: recordId('Thomas Okafor'),
            jobTitle: 'Client',
            invitationPhone: null,
            groupUuids: [DEMO.groups.whitfieldRelationship],
            newGroup: null
        };
        const asUser = (username: string) =>
            harness.org.runtime.invoke({
                userId: harness.org.requireUser(username).Id,
                className: 'QwilConnectorController',
                methodName: 'inviteClient',
                params
            });
        const outcomes = await Promise.all([
            asUser(OLIVIA),
            asUser(OLIVIA),
            asUser('sofia.reyes@harbourwealth.example')
        ]);
        expect(outcomes.map((outcome) => outcome.ok && (outcome.value as ReadyTab).client.status)).toEqual([
            'pending',
            'pending',
            'pending'
        ]);
        expect(qwilMembersWithEmail('thomas.okafor@example.com')).toHaveLength(1);
    });

    it("uses the record's phone when staff may not edit it, whatever the browser sends", async () => {
        useHarness({ Staff_Can_Edit_Invitation_Phone_Number__c: false });
        await invite({ invitationPhone: '+447700000999' });
        expect(qwilMembersWithEmail('thomas.okafor@example.com')[0]?.invitation_phone_number).toBe('+447700010005');
    });

    it('refuses a phone number Qwil cannot use, before writing anything to Qwil', async () => {
        expect(await apexErrorMessage(invite({ invitationPhone: '+44 7700 91000' }))).toMatch(
            /^"\+44 7700 91000" is too short for a mobile number: United Kingdom \(\+44\) mobile numbers have 10 digits/
        );
        expect(requests.filter((request) => request.startsWith('POST'))).toEqual([]);
    });

    it('requires a contact group', async () => {
        expect(await apexErrorMessage(invite({ newGroup: null }))).toMatch(/^Choose at least one contact group/);
    });

    it('refuses the record fields from the browser: names and email come from the record', async () => {
        expect(await apexErrorMessage(invite({ email: 'someone.else@example.com' }))).toMatch(/^Invalid parameters/);
    });

    it('does not invite a deactivated client again', async () => {
        harness.runAs(JAMES);
        const params = {
            recordId: recordId('George Adeyemi'),
            jobTitle: 'Client',
            invitationPhone: '+447700000222',
            groupUuids: [DEMO.groups.adeyemiRelationship],
            newGroup: null
        };
        expect(await apexErrorMessage(call('inviteClient', params))).toMatch(
            /deactivated in Qwil and cannot be invited again/
        );
    });
});

describe('a pending client', () => {
    beforeEach(() => useHarness());
    const marcus = () => recordId('Marcus Bennett');
    const marcusInQwil = () => qwilMembersWithEmail('marcus.bennett@example.com')[0];

    it('gets a new invitation that replaces the previous one', async () => {
        const before = marcusInQwil()?.invitation?.token;
        expect(before).toBeDefined();
        const tab = (await call('resendInvitation', { recordId: marcus() })) as ReadyTab;
        expect(tab.client.status).toBe('pending');
        expect(marcusInQwil()?.invitation?.token).not.toBe(before);
    });

    it('has their invitation phone changed, normalised', async () => {
        await call('updateInvitationPhone', { recordId: marcus(), invitationPhone: '07700 000999' });
        expect(marcusInQwil()?.invitation_phone_number).toBe('+447700000999');
    });

    it('cannot have the phone changed when staff may not edit it', async () => {
        useHarness({ Staff_Can_Edit_Invitation_Phone_Number__c: false });
        expect(
            await apexErrorMessage(
                call('updateInvitationPhone', { recordId: marcus(), invitationPhone: '07700 000999' })
            )
        ).toMatch(/^Staff cannot edit the invitation phone number here/);
    });

    it('is the only kind of client who can be sent an invitation again: for another, the answer is their current state', async () => {
        const tab = (await call('resendInvitation', { recordId: recordId('Eleanor Whitfield') })) as ReadyTab;
        expect(tab).toMatchObject({ client: { status: 'active' }, actions: { resendInvitation: false } });
        expect(requests.filter((request) => request.startsWith('POST'))).toEqual([]);
    });
});

describe('several Qwil organisations (Super API key)', () => {
    beforeEach(() => {
        useHarness({ Using_Super_API_Key__c: true }, true);
    });

    const choose = (entityUuid: string) => call('chooseOrganisation', { entityUuid });
    const inviteIntoNewGroup = (name: string, staffUuid: string) =>
        call('inviteClient', {
            recordId: recordId(name),
            jobTitle: 'Client',
            invitationPhone: null,
            groupUuids: [],
            newGroup: { name: `${name} Jersey`, staffEntityUserXrefUuids: [staffUuid] }
        }) as Promise<ReadyTab>;

    it('asks the user to choose for a client in none of their organisations, remembers the choice, and then acts in it', async () => {
        const first = await loadTab('Thomas Okafor');
        expect(first).toEqual({
            kind: 'choose_organisation',
            organisations: [
                { entityUuid: DEMO.organisations.harbourWealth, name: 'Harbour Wealth' },
                { entityUuid: DEMO.organisations.harbourWealthJersey, name: 'Harbour Wealth Jersey' }
            ]
        });
        await choose(DEMO.organisations.harbourWealth);
        const tab = await ready('Thomas Okafor');
        expect(tab).toMatchObject({
            organisation: { name: 'Harbour Wealth' },
            client: { status: 'not_invited' },
            actions: { invite: true }
        });
        expect(tab.switchableOrganisations.map((organisation) => organisation.name)).toEqual([
            'Harbour Wealth',
            'Harbour Wealth Jersey'
        ]);
    });

    it('shows the organisation the client is in, whatever the user chose before, and offers no Invite there', async () => {
        // With no choice made yet, a client found in one of the user's organisations is shown at once.
        expect(await ready('Eleanor Whitfield')).toMatchObject({
            organisation: { name: 'Harbour Wealth' },
            client: { status: 'active' },
            switchableOrganisations: []
        });
        await choose(DEMO.organisations.harbourWealthJersey);
        const invited = await inviteIntoNewGroup('Thomas Okafor', DEMO.jerseyStaff.oliviaHart);
        expect(invited).toMatchObject({
            organisation: { name: 'Harbour Wealth Jersey' },
            client: { status: 'pending' }
        });
        await choose(DEMO.organisations.harbourWealth);

        const thomas = await ready('Thomas Okafor');
        expect(thomas).toMatchObject({
            organisation: { name: 'Harbour Wealth Jersey' },
            client: { status: 'pending' },
            actions: { invite: false, resendInvitation: true },
            switchableOrganisations: []
        });
        await choose(DEMO.organisations.harbourWealthJersey);
        expect(await ready('Eleanor Whitfield')).toMatchObject({
            organisation: { name: 'Harbour Wealth' },
            client: { status: 'active' },
            actions: { invite: false }
        });
        // Actions follow the client's organisation too.
        expect(
            ((await call('resendInvitation', { recordId: recordId('Thomas Okafor') })) as ReadyTab).organisation
        ).toMatchObject({ name: 'Harbour Wealth Jersey' });
    });

    it('remembers which organisation the client is in, so a later open looks them up there only', async () => {
        useFakeDate(new Date('2026-03-02T09:00:00Z'));
        try {
            await choose(DEMO.organisations.harbourWealthJersey);
            await ready('Eleanor Whitfield');
            // Past the 10 s in which a client lookup is reused: only the organisation found is asked again.
            jest.setSystemTime(Date.now() + 11_000);
            requests.length = 0;
            expect(await ready('Eleanor Whitfield')).toMatchObject({ organisation: { name: 'Harbour Wealth' } });
            expect(requests).toEqual(['GET /entity-service/sys-api/entity-memberships']);
        } finally {
            jest.useRealTimers();
        }
    });

    it('refuses an organisation where the user is not active staff', async () => {
        expect(
            await apexErrorMessage(call('chooseOrganisation', { entityUuid: '00000000-0000-4000-8000-000000000000' }))
        ).toMatch(/^You are not an active staff member of that Qwil organisation/);
    });
});
