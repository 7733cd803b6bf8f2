import {
    ChatListResponse,
    MembershipLookupResponse,
    TenancyListResponse
} from '../../../force-app/server/qwil/schemas';
import { DEMO } from '../index';
import { failed, ok, QWIL, useMockQwil } from './harness';

const mock = useMockQwil();
const LOOKUP = 'entity-memberships';
const eleanor = { query: { identifier: '003Qw0000000002IAA' } };
const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

describe('credentials as a named credential sends them', () => {
    it('accepts the X-SYS-API-KEY header pair', async () => {
        ok(await mock.sys.get(LOOKUP, eleanor), MembershipLookupResponse);
    });

    it('accepts Basic authorization alone (username = key, password = secret)', async () => {
        const { key, secret } = mock.credentials;
        const reply = await mock.sys.get(LOOKUP, {
            ...eleanor,
            credentials: null,
            headers: { Authorization: basic(key, secret) }
        });
        ok(reply, MembershipLookupResponse);
    });

    it('accepts both when they agree, and answers RU001 when they disagree', async () => {
        const { key, secret } = mock.credentials;
        ok(
            await mock.sys.get(LOOKUP, { ...eleanor, headers: { Authorization: basic(key, secret) } }),
            MembershipLookupResponse
        );
        failed(
            await mock.sys.get(LOOKUP, { ...eleanor, headers: { Authorization: basic(key, 'other') } }),
            401,
            'RU001'
        );
    });

    it('treats unmerged merge-field literals as a bad key (RU001)', async () => {
        const literal = { key: '{!$Credential.UserName}', secret: '{!$Credential.Password}' };
        failed(await mock.sys.get(LOOKUP, { ...eleanor, credentials: literal }), 401, 'RU001');
    });

    it('answers RU001 for a wrong secret, an unknown key, no credentials or half a header pair', async () => {
        const { key } = mock.credentials;
        failed(await mock.sys.get(LOOKUP, { ...eleanor, credentials: { key, secret: 'wrong' } }), 401, 'RU001');
        failed(
            await mock.sys.get(LOOKUP, { ...eleanor, credentials: { key: 'sys_unknown', secret: 'x' } }),
            401,
            'RU001'
        );
        failed(await mock.sys.get(LOOKUP, { ...eleanor, credentials: null }), 401, 'RU001');
        failed(
            await mock.sys.get(LOOKUP, { ...eleanor, credentials: null, headers: { 'X-SYS-API-KEY': key } }),
            401,
            'RU001'
        );
        failed(
            await mock.sys.get(LOOKUP, { ...eleanor, credentials: null, headers: { Authorization: 'Bearer abc' } }),
            401,
            'RU001'
        );
    });

    it("answers RU001 when the key's organisation lives in another region", async () => {
        const url = `${QWIL.replace('eu.', 'us.')}/entity-service/sys-api/${LOOKUP}`;
        failed(await mock.call('GET', url, eleanor), 401, 'RU001');
    });

    it('answers RU002 for a revoked key', async () => {
        mock.control.revokeKey(mock.credentials.key);
        failed(await mock.sys.get(LOOKUP, eleanor), 401, 'RU002');
    });

    it('keeps only a hash of the secret', () => {
        const state = JSON.stringify(mock.control.snapshot());
        expect(state).toContain(mock.credentials.key);
        expect(state).not.toContain(mock.credentials.secret);
        expect(mock.control.verifySystemApiKey(mock.credentials.key, mock.credentials.secret)).toBe(true);
        expect(mock.control.verifySystemApiKey(mock.credentials.key, 'wrong')).toBe(false);
    });
});

describe('CIDR blocks', () => {
    const withBlocks = (cidrBlocks: string[]) => mock.control.createSystemApiKey({ name: 'restricted', cidrBlocks });

    it('lets any address call a key without blocks', async () => {
        mock.control.setCallerAddress('203.0.113.9');
        ok(await mock.sys.get(LOOKUP, eleanor), MembershipLookupResponse);
    });

    it('allows an address inside one of the blocks and refuses one outside all of them (QX011)', async () => {
        const credentials = withBlocks(['198.51.100.0/24', '13.108.0.0/14']);
        mock.control.setCallerAddress('13.109.1.2');
        ok(await mock.sys.get(LOOKUP, { ...eleanor, credentials }), MembershipLookupResponse);
        mock.control.setCallerAddress('13.112.0.1');
        failed(await mock.sys.get(LOOKUP, { ...eleanor, credentials }), 403, 'QX011');
    });

    it('matches IPv6 blocks, and IPv4-mapped IPv6 callers against IPv4 blocks', async () => {
        const v6 = withBlocks(['2001:db8::/32']);
        mock.control.setCallerAddress('2001:db8::1');
        ok(await mock.sys.get(LOOKUP, { ...eleanor, credentials: v6 }), MembershipLookupResponse);
        mock.control.setCallerAddress('2001:db9::1');
        failed(await mock.sys.get(LOOKUP, { ...eleanor, credentials: v6 }), 403, 'QX011');

        const v4 = withBlocks(['13.108.0.0/14']);
        mock.control.setCallerAddress('::ffff:13.108.4.20');
        ok(await mock.sys.get(LOOKUP, { ...eleanor, credentials: v4 }), MembershipLookupResponse);
    });

    it('refuses malformed blocks and addresses at the control surface', () => {
        expect(() => withBlocks(['13.108.0.0/40'])).toThrow(/cidrBlocks/);
        expect(() => mock.control.setCallerAddress('not-an-ip')).toThrow(/ip/);
    });
});

describe('permission flags', () => {
    const cases = [
        { flag: 'canReadOnly', call: () => mock.sys.get('entity-memberships/list') },
        {
            flag: 'canWriteOnly',
            call: () =>
                mock.sys.post('entity-memberships/suspend', { entity_user_xref_uuid: DEMO.clients.hannahLindqvist })
        },
        {
            flag: 'canDataReview',
            call: () => mock.sys.get('chats/list', { query: { entity_user_xref_uuid: DEMO.clients.eleanorWhitfield } })
        },
        { flag: 'canExportData', call: () => mock.sys.get('export/entities') }
    ] as const;

    it.each(cases)('$flag: refused without it (QX010), allowed with it', async ({ flag, call }) => {
        const all = { canReadOnly: true, canWriteOnly: true, canDataReview: true, canExportData: true };
        mock.control.revokeKey(mock.credentials.key);
        const without = mock.control.createSystemApiKey({ name: 'without', ...all, [flag]: false });
        const withFlag = mock.control.createSystemApiKey({ name: 'with', ...all });
        Object.assign(mock.credentials, without);
        failed(await call(), 403, 'QX010');
        Object.assign(mock.credentials, withFlag);
        expect((await call()).status).toBe(200);
    });

    it("defaults to the installation guide's recommended key: no export", async () => {
        failed(await mock.sys.get('export/entities'), 403, 'QX010');
    });

    it('needs the export flag, not data review, to export a chat; the flag is checked before the query', async () => {
        const chat = { chat_uuid: DEMO.chats.eleanorPortfolioReview };
        failed(await mock.sys.get('chats/export/pdf', { query: chat }), 403, 'QX010');
        failed(await mock.sys.get('chats/export/zip', { query: chat }), 403, 'QX010');
        const exporter = mock.control.createSystemApiKey({
            name: 'exports',
            canExportData: true,
            canDataReview: false
        });
        expect((await mock.sys.get('chats/export/pdf', { query: chat, credentials: exporter })).status).toBe(200);
        failed(await mock.sys.get('chats/export/pdf', { credentials: exporter }), 400, 'QX001');
    });

    it('applies to chat-service calls too', async () => {
        const readOnly = mock.control.createSystemApiKey({ name: 'read only', canWriteOnly: false });
        const reply = await mock.chat.post(
            'chats/create',
            DEMO.staff.oliviaHart,
            { entity_user_xref_uuids: [] },
            { credentials: readOnly }
        );
        failed(reply, 403, 'QX010');
        ok(await mock.chat.get('chats', DEMO.staff.oliviaHart, { credentials: readOnly }), ChatListResponse);
    });
});

describe('Super keys and organisations', () => {
    const jersey = DEMO.organisations.harbourWealthJersey;
    const superKey = () => {
        const credentials = mock.control.createSystemApiKey({ name: 'super', cidrBlocks: ['13.108.0.0/14'] });
        mock.control.promoteToSuper(credentials.key);
        return credentials;
    };

    it('promotes only keys restricted to CIDR blocks', () => {
        expect(() => mock.control.promoteToSuper(mock.credentials.key)).toThrow(/CIDR/);
    });

    it('requires on-behalf-of-entity-uuid from a Super key (RF736) and acts on that organisation', async () => {
        const credentials = superKey();
        const olivia = { query: { primary_email: 'olivia.hart@harbourwealth.example' }, credentials };
        failed(await mock.sys.get(LOOKUP, olivia), 400, 'RF736');
        const reply = await mock.sys.get(LOOKUP, { ...olivia, headers: { 'on-behalf-of-entity-uuid': jersey } });
        expect(ok(reply, MembershipLookupResponse).entity_membership.entity_user_xref_uuid).toBe(
            DEMO.jerseyStaff.oliviaHart
        );
    });

    it('answers RF841 when a key that is not Super sends on-behalf-of-entity-uuid', async () => {
        const reply = await mock.sys.get(LOOKUP, { ...eleanor, headers: { 'on-behalf-of-entity-uuid': jersey } });
        failed(reply, 400, 'RF841');
    });

    it('answers RN006 for an organisation the Super key cannot reach, QX001 for a malformed one', async () => {
        const credentials = superKey();
        const unknown = '00000000-0000-4000-8000-000000000000';
        failed(
            await mock.sys.get(LOOKUP, { ...eleanor, credentials, headers: { 'on-behalf-of-entity-uuid': unknown } }),
            404,
            'RN006'
        );
        const malformed = await mock.sys.get(LOOKUP, {
            ...eleanor,
            credentials,
            headers: { 'on-behalf-of-entity-uuid': 'jersey' }
        });
        expect(failed(malformed, 400, 'QX001').field).toBe('on-behalf-of-entity-uuid');
    });

    it('lists one person’s tenancies: the own organisation for a plain key, every organisation of the region for a Super key', async () => {
        const query = { primary_email: 'Olivia.Hart@harbourwealth.example' };
        const plain = ok(await mock.sys.get('sdk/entity-memberships', { query }), TenancyListResponse);
        expect(plain.entity_memberships.map((t) => t.entity.name)).toEqual(['Harbour Wealth']);
        const all = ok(
            await mock.sys.get('sdk/entity-memberships', { query, credentials: superKey() }),
            TenancyListResponse
        );
        expect(all.entity_memberships.map((t) => [t.entity.name, t.user.role, t.user.status])).toEqual([
            ['Harbour Wealth', 'staff', 'active'],
            ['Harbour Wealth Jersey', 'staff', 'active']
        ]);
    });

    it('answers RN900 for an inactive organisation and RN902 for a frozen one', async () => {
        mock.control.setOrganisationStatus(DEMO.organisations.harbourWealth, 'inactive');
        failed(await mock.sys.get(LOOKUP, eleanor), 403, 'RN900');
        mock.control.setOrganisationStatus(DEMO.organisations.harbourWealth, 'frozen');
        failed(await mock.sys.get(LOOKUP, eleanor), 403, 'RN902');
    });

    it('lists disabled organisations in a Super key’s tenancy lookup, and answers RN902 to a call that acts in one', async () => {
        mock.control.setOrganisationStatus(jersey, 'frozen');
        const credentials = superKey();
        const query = { primary_email: 'sofia.reyes@harbourwealth.example' };
        const reply = ok(await mock.sys.get('sdk/entity-memberships', { query, credentials }), TenancyListResponse);
        expect(reply.entity_memberships.map((t) => t.entity.entity_uuid)).toEqual([
            DEMO.organisations.harbourWealth,
            jersey
        ]);
        failed(
            await mock.sys.get('sdk/entity-memberships', {
                query,
                credentials,
                headers: { 'on-behalf-of-entity-uuid': jersey }
            }),
            403,
            'RN902'
        );
    });

    it('lets a Super key look across organisations while its own organisation is frozen', async () => {
        const credentials = superKey();
        mock.control.setOrganisationStatus(DEMO.organisations.harbourWealth, 'frozen');
        const query = { primary_email: 'olivia.hart@harbourwealth.example' };
        expect(
            ok(await mock.sys.get('sdk/entity-memberships', { query, credentials }), TenancyListResponse)
                .entity_memberships
        ).toHaveLength(2);
    });
});

describe('chat-service on-behalf-of', () => {
    it('is required (QX001 naming the header)', async () => {
        const reply = await mock.call('GET', `${QWIL}/chat-service/api/chats`);
        expect(failed(reply, 400, 'QX001').field).toBe('on-behalf-of');
    });

    it('must be a membership of the organisation (RN006) that is active (RF024)', async () => {
        failed(await mock.chat.get('chats', DEMO.jerseyStaff.oliviaHart), 404, 'RN006');
        failed(await mock.chat.get('chats', DEMO.staff.noahFischer), 403, 'RF024');
        failed(await mock.chat.get('chats', DEMO.staff.avaCollins), 403, 'RF024');
    });
});

describe('rate limit', () => {
    it('answers 429 with Retry-After once a key exceeds its window, and recovers after it', async () => {
        mock.control.setRateLimit({ limit: 2, windowMs: 60_000 });
        ok(await mock.sys.get(LOOKUP, eleanor), MembershipLookupResponse);
        ok(await mock.sys.get(LOOKUP, eleanor), MembershipLookupResponse);
        const limited = await mock.sys.get(LOOKUP, eleanor);
        failed(limited, 429, 'QX429');
        expect(limited.headers.get('Retry-After')).toBe('60');
        mock.clock.now = new Date(mock.clock.now.getTime() + 60_000);
        ok(await mock.sys.get(LOOKUP, eleanor), MembershipLookupResponse);
    });
});
