import { DEMO } from '../index';
import { useMockQwil } from './harness';
import {
    ErrorAsSamplesRead,
    MembershipsAsSampleReads,
    multiOrgAuthenticate,
    multiOrgEntityMemberships,
    send,
    SessionAsSamplesRead,
    singleOrgAuthenticate
} from './sampleClients';

const mock = useMockQwil();
const SALESFORCE_USER_ID = '005Qw0000000003IAA';

/** qwil-salesforce-app's setup: a System API key with only "This key can create SDK tokens". */
function singleOrgKey() {
    return mock.control.createSystemApiKey({
        name: 'Qwil SDK',
        canCreateSdkTokens: true,
        canReadOnly: false,
        canWriteOnly: false,
        canDataReview: false
    });
}

/** qwil-salesforce-multiorg-app's setup: "create SDK tokens" and "read-only admin actions", CIDR blocks, promoted to Super. */
function multiOrgSuperKey() {
    const credentials = mock.control.createSystemApiKey({
        name: 'Qwil SDK (Super)',
        cidrBlocks: ['13.108.0.0/14'],
        canCreateSdkTokens: true,
        canReadOnly: true,
        canWriteOnly: false,
        canDataReview: false
    });
    mock.control.promoteToSuper(credentials.key);
    return credentials;
}

describe('qwil-salesforce-app (QwilSdkAuth): a session for the user whose Qwil identifier is their Salesforce User Id', () => {
    beforeEach(async () => {
        const reply = await mock.sys.post('entity-memberships/profile/update', {
            entity_user_xref_uuid: DEMO.staff.oliviaHart,
            identifier: SALESFORCE_USER_ID
        });
        expect(reply.status).toBe(200);
    });

    it('answers every field the sample reads', async () => {
        const request = singleOrgAuthenticate(singleOrgKey(), SALESFORCE_USER_ID);
        expect(request.headers).not.toHaveProperty('Authorization');
        const reply = await send(request);
        expect(reply.status).toBe(200);
        const session = SessionAsSamplesRead.parse(reply.body);
        expect(session).toMatchObject({
            api_base_url: 'https://eu.qwil.io',
            entity_uuid: DEMO.organisations.harbourWealth,
            entity_user_xref_uuid: DEMO.staff.oliviaHart
        });
        expect(session.sdk_token).not.toBe('');
    });

    it('issues a new token for each session (the sample re-authenticates when Qwil reports auth-expired)', async () => {
        const credentials = singleOrgKey();
        const first = SessionAsSamplesRead.parse(
            (await send(singleOrgAuthenticate(credentials, SALESFORCE_USER_ID))).body
        );
        const second = SessionAsSamplesRead.parse(
            (await send(singleOrgAuthenticate(credentials, SALESFORCE_USER_ID))).body
        );
        expect(second.sdk_token).not.toBe(first.sdk_token);
    });

    it('answers an error_code the sample maps when the user has no Qwil account (RN006)', async () => {
        const reply = await send(singleOrgAuthenticate(singleOrgKey(), '005Qw0000000099IAA'));
        expect({ status: reply.status, body: ErrorAsSamplesRead.parse(reply.body) }).toEqual({
            status: 404,
            body: { error_code: 'RN006' }
        });
    });
});

describe('qwil-salesforce-multiorg-app (QwilSdk): the Super-key account lookup, then a session for the chosen account', () => {
    it('lists the person’s accounts across organisations with every field the sample reads, then opens a session for each', async () => {
        const credentials = multiOrgSuperKey();
        const lookup = await send(multiOrgEntityMemberships(credentials, 'olivia.hart@harbourwealth.example'));
        expect(lookup.status).toBe(200);
        const accounts = MembershipsAsSampleReads.parse(lookup.body).entity_memberships;
        expect(accounts.map((a) => [a.entity.name, a.user.entity_user_xref_uuid])).toEqual([
            ['Harbour Wealth', DEMO.staff.oliviaHart],
            ['Harbour Wealth Jersey', DEMO.jerseyStaff.oliviaHart]
        ]);
        for (const account of accounts) {
            const reply = await send(
                multiOrgAuthenticate(credentials, account.entity.entity_uuid, account.user.entity_user_xref_uuid)
            );
            expect(reply.status).toBe(200);
            expect(SessionAsSamplesRead.parse(reply.body)).toMatchObject({
                entity_uuid: account.entity.entity_uuid,
                entity_user_xref_uuid: account.user.entity_user_xref_uuid
            });
        }
    });

    it('lists client accounts too, without filtering: the sample offers "staff or client" accounts', async () => {
        const lookup = await send(multiOrgEntityMemberships(multiOrgSuperKey(), 'eleanor.whitfield@example.com'));
        const accounts = MembershipsAsSampleReads.parse(lookup.body).entity_memberships;
        expect(accounts.map((a) => a.user.entity_user_xref_uuid)).toEqual([DEMO.clients.eleanorWhitfield]);
    });

    it('answers an empty list, not an error, for a username that matches no account (the sample shows "Could not locate your Qwil account")', async () => {
        const lookup = await send(multiOrgEntityMemberships(multiOrgSuperKey(), 'daniel.brooks@harbourwealth.example'));
        expect(lookup.status).toBe(200);
        expect(MembershipsAsSampleReads.parse(lookup.body).entity_memberships).toEqual([]);
    });
});
