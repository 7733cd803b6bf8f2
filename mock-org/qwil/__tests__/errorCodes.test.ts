import { DEMO } from '../index';
import { type Credentials, useMockQwil } from './harness';
import {
    ErrorAsSamplesRead,
    multiOrgAuthenticate,
    multiOrgEntityMemberships,
    type SampleRequest,
    send,
    singleOrgAuthenticate
} from './sampleClients';

/*
 * Each code Qwil's samples handle, produced by the request the sample makes, in the situation the
 * sample's comment names. Every answer is JSON with an error_code, which is all the samples read.
 */
const mock = useMockQwil();
const HW = DEMO.organisations.harbourWealth;
const JERSEY = DEMO.organisations.harbourWealthJersey;
/** Eleanor Whitfield's Qwil identifier; the single-organisation sample sends a User Id, any identifier works alike. */
const ELEANOR_ID = '003Qw0000000002IAA';

function sdkKey(extra: { cidrBlocks?: string[]; canCreateSdkTokens?: boolean } = {}): Credentials {
    return mock.control.createSystemApiKey({ name: 'Qwil SDK', canCreateSdkTokens: true, ...extra });
}

function superKey(): Credentials {
    const credentials = sdkKey({ cidrBlocks: ['13.108.0.0/14'] });
    mock.control.promoteToSuper(credentials.key);
    return credentials;
}

async function expectCode(request: SampleRequest, status: number, code: string): Promise<void> {
    const reply = await send(request);
    expect({ status: reply.status, error_code: ErrorAsSamplesRead.parse(reply.body).error_code }).toEqual({
        status,
        error_code: code
    });
}

/** The single-organisation sample's session request with another body. */
function sessionWithBody(credentials: Credentials, body: string): SampleRequest {
    return { ...singleOrgAuthenticate(credentials, ELEANOR_ID), body };
}

describe('key and secret', () => {
    it('RU001: System API Key or Secret invalid', async () => {
        const { key } = sdkKey();
        await expectCode(singleOrgAuthenticate({ key, secret: 'not-the-secret' }, ELEANOR_ID), 401, 'RU001');
    });

    it('RU002: System API Key has been deactivated', async () => {
        const credentials = sdkKey();
        mock.control.revokeKey(credentials.key);
        await expectCode(singleOrgAuthenticate(credentials, ELEANOR_ID), 401, 'RU002');
    });

    it('RF731: System API Key does not have permission to create SDK sessions', async () => {
        await expectCode(singleOrgAuthenticate(sdkKey({ canCreateSdkTokens: false }), ELEANOR_ID), 403, 'RF731');
    });

    it('RF736: a Super API Key requires on-behalf-of-entity-uuid (the single-organisation sample never sends it)', async () => {
        await expectCode(singleOrgAuthenticate(superKey(), ELEANOR_ID), 400, 'RF736');
    });

    it('RF841: cannot set on-behalf-of-entity-uuid with a key that is not Super (the multi-organisation sample always does)', async () => {
        await expectCode(multiOrgAuthenticate(sdkKey(), HW, DEMO.staff.oliviaHart), 400, 'RF841');
    });
});

describe('the session request', () => {
    it('RB785: neither identifier nor entity_user_xref_uuid in the call', async () => {
        await expectCode(sessionWithBody(sdkKey(), '{}'), 400, 'RB785');
    });

    it('RN006: no Qwil account with that identifier or entity_user_xref_uuid', async () => {
        await expectCode(singleOrgAuthenticate(sdkKey(), '005Qw0000000099IAA'), 404, 'RN006');
        await expectCode(multiOrgAuthenticate(superKey(), JERSEY, DEMO.staff.oliviaHart), 404, 'RN006');
    });

    it('RB035: a profile that cannot log in: invited, invitation not accepted', async () => {
        await expectCode(singleOrgAuthenticate(sdkKey(), '003Qw0000000003IAA'), 403, 'RB035');
    });

    it('RF024: a Qwil user who is not currently active: suspended or deactivated', async () => {
        const credentials = sdkKey();
        await expectCode(singleOrgAuthenticate(credentials, '003Qw0000000004IAA'), 403, 'RF024');
        await expectCode(singleOrgAuthenticate(credentials, '003Qw0000000007IAA'), 403, 'RF024');
    });
});

describe('the organisation', () => {
    it('RF888: the SDK feature is not enabled for the organisation', async () => {
        mock.control.setOrganisationSdk(HW, false);
        await expectCode(singleOrgAuthenticate(sdkKey(), ELEANOR_ID), 403, 'RF888');
        mock.control.setOrganisationSdk(HW, true);
        expect((await send(singleOrgAuthenticate(sdkKey(), ELEANOR_ID))).status).toBe(200);
    });

    it('RN900 / RN902: the organisation is inactive / frozen, for a plain key and for a Super key naming it', async () => {
        const plain = sdkKey();
        const credentials = superKey();
        mock.control.setOrganisationStatus(HW, 'inactive');
        await expectCode(singleOrgAuthenticate(plain, ELEANOR_ID), 403, 'RN900');
        mock.control.setOrganisationStatus(JERSEY, 'frozen');
        await expectCode(multiOrgAuthenticate(credentials, JERSEY, DEMO.jerseyStaff.oliviaHart), 403, 'RN902');
    });

    it('a frozen organisation stays in the account list, so the person learns it is disabled when choosing it', async () => {
        const credentials = superKey();
        mock.control.setOrganisationStatus(JERSEY, 'frozen');
        const lookup = await send(multiOrgEntityMemberships(credentials, 'olivia.hart@harbourwealth.example'));
        expect(lookup.status).toBe(200);
        expect(JSON.stringify(lookup.body)).toContain(JERSEY);
    });
});

describe('paths', () => {
    it('authenticates before answering an unknown path: a wrong secret is RU001, a valid key gets QX404', async () => {
        const { key, secret } = sdkKey();
        const unknown = (credentials: Credentials): SampleRequest => ({
            ...singleOrgAuthenticate(credentials, ELEANOR_ID),
            url: 'https://eu.qwil.io/entity-service/sys-api/sdk/sessions/destroy'
        });
        await expectCode(unknown({ key, secret: 'wrong' }), 401, 'RU001');
        await expectCode(unknown({ key, secret }), 404, 'QX404');
    });
});
