import { ChatListResponse, MessageResponse } from '../../../force-app/server/qwil/schemas';
import { type CreateMasterUserApiKeyInput, DEMO } from '../index';
import { ADMIN, type CallOptions, CHAT, type Credentials, failed, ok, SYS, useMockQwil } from './harness';

/** Chat-service with a Master User API key, as Qwil's Master API guide documents it. */
const mock = useMockQwil();
const olivia = DEMO.staff.oliviaHart;
const chat = DEMO.chats.eleanorPortfolioReview;

function masterKey(input: Partial<CreateMasterUserApiKeyInput> = {}): Credentials {
    return mock.control.createMasterUserApiKey({ name: 'Salesforce connector (chat)', ...input });
}

/** Qwil's Master headers, and no System key headers. */
function asMaster(credentials: Credentials, extra: Record<string, string> = {}): CallOptions {
    return {
        credentials: null,
        headers: {
            'X-MASTER-USER-API-KEY': credentials.key,
            'X-MASTER-USER-API-KEY-SECRET': credentials.secret,
            ...extra
        }
    };
}

describe('Master User API keys on chat-service', () => {
    it('read and write chats on behalf of the membership named by on-behalf-of', async () => {
        const credentials = masterKey();
        const chats = ok(await mock.chat.get('chats', olivia, asMaster(credentials)), ChatListResponse);
        expect(chats.chats.map((c) => c.chat_uuid)).toContain(chat);
        const sent = ok(
            await mock.chat.post(
                'chats/messages/send-text',
                olivia,
                { chat_uuid: chat, text: 'Sent with a Master key' },
                asMaster(credentials)
            ),
            MessageResponse
        );
        expect(sent.message.sender_entity_user_xref_uuid).toBe(olivia);
    });

    it.each([
        { flag: 'canReadChat', call: (c: Credentials) => mock.chat.get('chats', olivia, asMaster(c)) },
        {
            flag: 'canWriteChat',
            call: (c: Credentials) =>
                mock.chat.post('chats/rename', olivia, { chat_uuid: chat, title: 'Renamed' }, asMaster(c))
        },
        {
            flag: 'canExportData',
            call: (c: Credentials) =>
                mock.chat.get('chats/export', olivia, { ...asMaster(c), query: { chat_uuid: chat } })
        }
    ] as const)('$flag: refused without it (QX010), allowed with it', async ({ flag, call }) => {
        const all = { canReadChat: true, canWriteChat: true, canExportData: true, canReadContacts: true };
        failed(await call(masterKey({ ...all, [flag]: false })), 403, 'QX010');
        expect((await call(masterKey(all))).status).toBe(200);
    });

    it('defaults to read-only and write-only chat, without export data or read-only contacts', async () => {
        const { key } = masterKey();
        expect(mock.control.snapshot().masterKeys.find((k) => k.key === key)).toMatchObject({
            canReadChat: true,
            canWriteChat: true,
            canExportData: false,
            canReadContacts: false
        });
    });

    it('keeps the on-behalf-of rules: required, a membership of the key’s organisation, active', async () => {
        const credentials = masterKey();
        const missing = await mock.call('GET', `${CHAT}/chats`, asMaster(credentials));
        expect(failed(missing, 400, 'QX001').field).toBe('on-behalf-of');
        failed(await mock.chat.get('chats', DEMO.jerseyStaff.oliviaHart, asMaster(credentials)), 404, 'RN006');
        failed(await mock.chat.get('chats', DEMO.staff.noahFischer, asMaster(credentials)), 403, 'RF024');
    });

    it('checks the secret (RU001), revocation (RU002) and CIDR blocks (QX011) as for System keys', async () => {
        const credentials = masterKey({ cidrBlocks: ['198.51.100.0/24'] });
        failed(await mock.chat.get('chats', olivia, asMaster({ key: credentials.key, secret: 'wrong' })), 401, 'RU001');
        failed(await mock.chat.get('chats', olivia, asMaster(credentials)), 403, 'QX011');
        mock.control.setCallerAddress('198.51.100.7');
        ok(await mock.chat.get('chats', olivia, asMaster(credentials)), ChatListResponse);
        mock.control.revokeKey(credentials.key);
        failed(await mock.chat.get('chats', olivia, asMaster(credentials)), 401, 'RU002');
    });

    it('is refused on the System API (RU001), and cannot pick an organisation (RF841)', async () => {
        const credentials = masterKey();
        failed(
            await mock.sys.get('entity-memberships', {
                ...asMaster(credentials),
                query: { identifier: '003Qw0000000002IAA' }
            }),
            401,
            'RU001'
        );
        failed(
            await mock.chat.get(
                'chats',
                olivia,
                asMaster(credentials, { 'on-behalf-of-entity-uuid': DEMO.organisations.harbourWealth })
            ),
            400,
            'RF841'
        );
    });

    it('takes one key per call: System and Master headers together are RU001; a matching Basic header is accepted', async () => {
        const credentials = masterKey();
        failed(
            await mock.chat.get('chats', olivia, { ...asMaster(credentials), credentials: mock.credentials }),
            401,
            'RU001'
        );
        const basic = `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64')}`;
        ok(await mock.chat.get('chats', olivia, asMaster(credentials, { Authorization: basic })), ChatListResponse);
    });

    it('answers QX404 for an unknown chat-service path only after authenticating', async () => {
        const credentials = masterKey();
        failed(
            await mock.call('GET', `${CHAT}/contacts`, asMaster({ key: credentials.key, secret: 'wrong' })),
            401,
            'RU001'
        );
        failed(await mock.call('GET', `${CHAT}/contacts`, asMaster(credentials)), 404, 'QX404');
        failed(await mock.call('GET', `${SYS}/no-such-endpoint`, asMaster(credentials)), 401, 'RU001');
    });

    it('keeps accepting the System key on chat-service (the assumed scheme)', async () => {
        ok(await mock.chat.get('chats', olivia), ChatListResponse);
    });
});

describe('the control surface', () => {
    it('creates Master User keys over the admin API and verifies their secret', async () => {
        const reply = await mock.call('POST', `${ADMIN}/master-keys`, {
            credentials: null,
            body: { name: 'chat', canExportData: true }
        });
        const { key, secret } = (reply.body as { result: Credentials }).result;
        expect(key).toMatch(/^mst_/);
        expect(mock.control.verifyMasterUserApiKey(key, secret)).toBe(true);
        expect(mock.control.verifySystemApiKey(key, secret)).toBe(false);
        expect(JSON.stringify(mock.control.snapshot())).not.toContain(secret);
    });

    it('refuses an unknown flag', () => {
        expect(() =>
            mock.control.createMasterUserApiKey({ name: 'x', canReadOnly: true } as CreateMasterUserApiKeyInput)
        ).toThrow(/canReadOnly/);
    });
});
