import { DEMO } from '../index';
import { CHAT, failed, SYS, useMockQwil } from './harness';

const mock = useMockQwil({ name: 'all flags', canExportData: true });
const { oliviaHart, jamesPatel, sofiaReyes } = DEMO.staff;
const { eleanorWhitfield, marcusBennett, priyaRaman, hannahLindqvist, georgeAdeyemi } = DEMO.clients;
const { groups, chats } = DEMO;

interface PostCase {
    url: string;
    actor?: string;
    body: Record<string, unknown>;
    wrongType: Record<string, unknown>;
}

const sys = (path: string, body: Record<string, unknown>, wrongType: Record<string, unknown>): PostCase => ({
    url: `${SYS}/${path}`,
    body,
    wrongType
});
const chat = (path: string, body: Record<string, unknown>, wrongType: Record<string, unknown>): PostCase => ({
    url: `${CHAT}/${path}`,
    actor: oliviaHart,
    body,
    wrongType
});

const POSTS: PostCase[] = [
    sys(
        'entity-memberships/create',
        {
            first_name: 'Thomas',
            last_name: 'Okafor',
            job_title: 'Client',
            primary_email: 'thomas.okafor@example.com',
            role: 'client',
            group_uuids: [groups.whitfieldRelationship],
            created_by_entity_user_xref_uuid: oliviaHart
        },
        { send_invitation: 'yes' }
    ),
    sys(
        'entity-memberships/profile/update',
        { entity_user_xref_uuid: eleanorWhitfield, job_title: 'Principal' },
        { first_name: 42 }
    ),
    sys(
        'entity-memberships/phone-numbers/update',
        { entity_user_xref_uuid: marcusBennett, invitation_phone_number: '+447700000999' },
        { invitation_phone_number: 447700000999 }
    ),
    sys(
        'entity-memberships/emails/update',
        { entity_user_xref_uuid: marcusBennett, primary_email: 'marcus@bennett.example' },
        { primary_email: 'not an email' }
    ),
    sys(
        'entity-memberships/invitations/resend',
        { entity_user_xref_uuid: marcusBennett },
        { entity_user_xref_uuid: 7 }
    ),
    sys('entity-memberships/suspend', { entity_user_xref_uuid: hannahLindqvist }, { entity_user_xref_uuid: 'hannah' }),
    sys('entity-memberships/unsuspend', { entity_user_xref_uuid: priyaRaman }, { entity_user_xref_uuid: null }),
    sys(
        'entity-memberships/destroy',
        { entity_user_xref_uuid: hannahLindqvist },
        { entity_user_xref_uuid: [hannahLindqvist] }
    ),
    sys('entity-memberships/restore', { entity_user_xref_uuid: georgeAdeyemi }, { entity_user_xref_uuid: true }),
    sys('groups/create', { name: 'Whitfield Trust', entity_user_xref_uuids: [oliviaHart] }, { name: '' }),
    sys('groups/update', { group_uuid: groups.ramanRelationship, description: 'ISA and pension' }, { description: 12 }),
    sys('groups/destroy', { group_uuid: groups.advisoryDesk }, { group_uuid: 'desk' }),
    sys(
        'groups/group-members/create',
        { group_uuid: groups.ramanRelationship, entity_user_xref_uuids: [jamesPatel] },
        { entity_user_xref_uuids: jamesPatel }
    ),
    sys(
        'groups/group-members/destroy',
        { group_uuid: groups.duboisRelationship, entity_user_xref_uuids: [sofiaReyes] },
        { entity_user_xref_uuids: [] }
    ),
    chat('chats/create', { entity_user_xref_uuids: [eleanorWhitfield], title: 'Annual review' }, { staff_only: 'no' }),
    chat('chats/rename', { chat_uuid: chats.eleanorPortfolioReview, title: 'Q3 review' }, { title: ['Q3'] }),
    chat(
        'chats/invite',
        { chat_uuid: chats.eleanorPortfolioReview, entity_user_xref_uuids: [jamesPatel] },
        { entity_user_xref_uuids: [1] }
    ),
    chat('chats/archive', { chat_uuid: chats.eleanorPortfolioReview, archived: true }, { archived: 'true' }),
    chat('chats/messages/send-text', { chat_uuid: chats.eleanorPortfolioReview, text: 'Hello' }, { reply_to_seq: -1 })
];

interface GetCase {
    url: string;
    actor?: string;
    query: Record<string, string>;
    wrongType: Record<string, string>;
}

const GETS: GetCase[] = [
    {
        url: `${SYS}/entity-memberships`,
        query: { identifier: '003Qw0000000002IAA' },
        wrongType: { entity_user_xref_uuid: 'eleanor' }
    },
    { url: `${SYS}/entity-memberships/list`, query: {}, wrongType: { status: 'asleep' } },
    {
        url: `${SYS}/entity-memberships/group-memberships/list`,
        query: { entity_user_xref_uuid: eleanorWhitfield },
        wrongType: { limit: 'many' }
    },
    { url: `${SYS}/groups/list`, query: {}, wrongType: { limit: '-1' } },
    {
        url: `${SYS}/groups/group-members/list`,
        query: { group_uuid: groups.advisoryDesk },
        wrongType: { group_uuid: 'desk' }
    },
    {
        url: `${SYS}/chats/list`,
        query: { entity_user_xref_uuid: eleanorWhitfield },
        wrongType: { with_entity_user_xref_uuid: 'olivia' }
    },
    {
        url: `${SYS}/chats/export/pdf`,
        query: { chat_uuid: chats.eleanorPortfolioReview },
        wrongType: { chat_uuid: '1' }
    },
    {
        url: `${SYS}/chats/export/zip`,
        query: { chat_uuid: chats.eleanorPortfolioReview },
        wrongType: { chat_uuid: '1' }
    },
    { url: `${SYS}/export/entities`, query: {}, wrongType: { limit: '1' } },
    {
        url: `${SYS}/sdk/entity-memberships`,
        query: { primary_email: 'olivia.hart@harbourwealth.example' },
        wrongType: { primary_email: '' }
    },
    { url: `${CHAT}/chats`, actor: oliviaHart, query: {}, wrongType: { limit: '1.5' } },
    {
        url: `${CHAT}/chats/messages/range`,
        actor: oliviaHart,
        query: { chat_uuid: chats.charlotteMarketNotes },
        wrongType: { cursor: '' }
    },
    {
        url: `${CHAT}/chats/export`,
        actor: oliviaHart,
        query: { chat_uuid: chats.eleanorPortfolioReview },
        wrongType: { chat_uuid: 'x' }
    }
];

describe('every write refuses bad input with a 4xx and changes nothing', () => {
    it.each(POSTS)('$url', async ({ url, actor, body, wrongType }) => {
        const before = mock.control.snapshot();
        const post = (raw: unknown, options: { credentials?: null; actor?: string } = {}) =>
            mock.call('POST', url, { body: raw, actor, ...options });

        expect(failed(await post({ ...body, unexpected_field: 1 }), 400, 'QX001').field).toBe('unexpected_field');
        failed(await post({ ...body, ...wrongType }), 400, 'QX001');
        failed(await post(''), 400, 'QX001');
        failed(await post('{"chat_uuid": '), 400, 'QX001');
        failed(await post('[]'), 400, 'QX001');
        failed(await post(body, { credentials: null }), 401, 'RU001');
        if (actor) failed(await post(body, { actor: '' }), 400, 'QX001');
        expect(mock.control.snapshot()).toEqual(before);

        expect((await post(body)).status).toBe(200);
        expect(mock.control.snapshot()).not.toEqual(before);
    });
});

describe('every read refuses bad input with a 4xx', () => {
    it.each(GETS)('$url', async ({ url, actor, query, wrongType }) => {
        const before = mock.control.snapshot();
        const get = (q: Record<string, string>, options: { credentials?: null } = {}) =>
            mock.call('GET', url, { query: q, actor, ...options });

        expect(failed(await get({ ...query, unexpected_field: '1' }), 400, 'QX001').field).toContain(
            'unexpected_field'
        );
        failed(await get({ ...query, ...wrongType }), 400, 'QX001');
        failed(await get(query, { credentials: null }), 401, 'RU001');
        expect(mock.control.snapshot()).toEqual(before);
        expect((await get(query)).status).toBe(200);
    });

    it('refuses a repeated query parameter', async () => {
        const reply = await mock.call('GET', `${SYS}/groups/list?limit=1&limit=2`);
        expect(failed(reply, 400, 'QX001').field).toBe('limit');
    });
});

describe('unknown endpoints', () => {
    it('answer a JSON 404 on any Qwil host', async () => {
        failed(await mock.call('GET', `${SYS}/entity-memberships/avatar`), 404, 'QX404');
        failed(await mock.call('POST', `${SYS}/entity-memberships/list`, { body: {} }), 404, 'QX404');
    });
});
