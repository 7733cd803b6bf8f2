import { crc32 } from 'node:zlib';
import {
    type Chat,
    ChatListResponse,
    ChatResponse,
    ChatTranscriptResponse,
    MembershipResponse,
    MessageRangeResponse,
    MessageResponse
} from '../../../force-app/server/qwil/schemas';
import { DEMO } from '../index';
import { failed, ok, useMockQwil } from './harness';

const mock = useMockQwil();
const { oliviaHart, jamesPatel, sofiaReyes, noahFischer, avaCollins } = DEMO.staff;
const { eleanorWhitfield, hannahLindqvist, georgeAdeyemi, charlotteDubois } = DEMO.clients;
const chats = DEMO.chats;

const create = async (actor: string, body: Record<string, unknown>): Promise<Chat> =>
    ok(await mock.chat.post('chats/create', actor, body), ChatResponse).chat;
const send = (actor: string, chat_uuid: string, text: string, extra: Record<string, unknown> = {}) =>
    mock.chat.post('chats/messages/send-text', actor, { chat_uuid, text, ...extra });
const visibleTo = async (actor: string) =>
    ok(await mock.chat.get('chats', actor), ChatListResponse).chats.map((c) => c.chat_uuid);

describe('creating chats', () => {
    it('defaults the title to "New chat" and makes the caller a participant', async () => {
        const chat = await create(oliviaHart, { entity_user_xref_uuids: [eleanorWhitfield] });
        expect(chat.title).toBe('New chat');
        expect(chat.participants.map((p) => p.entity_user_xref_uuid)).toEqual([oliviaHart, eleanorWhitfield]);
    });

    it('is visible to the other participants only after its first message', async () => {
        const chat = await create(oliviaHart, {
            entity_user_xref_uuids: [eleanorWhitfield],
            title: 'Annual review 2026'
        });
        expect(await visibleTo(oliviaHart)).toContain(chat.chat_uuid);
        expect(await visibleTo(eleanorWhitfield)).not.toContain(chat.chat_uuid);
        ok(await send(oliviaHart, chat.chat_uuid, 'Hello Eleanor'), MessageResponse);
        expect(await visibleTo(eleanorWhitfield)).toContain(chat.chat_uuid);
    });

    it('lets only staff create chats or add participants (QX041)', async () => {
        failed(
            await mock.chat.post('chats/create', eleanorWhitfield, { entity_user_xref_uuids: [oliviaHart] }),
            403,
            'QX041'
        );
        const invite = { chat_uuid: chats.eleanorPortfolioReview, entity_user_xref_uuids: [jamesPatel] };
        failed(await mock.chat.post('chats/invite', eleanorWhitfield, invite), 403, 'QX041');
    });

    it('keeps clients out of staff-only chats (QX042)', async () => {
        failed(
            await mock.chat.post('chats/create', oliviaHart, {
                entity_user_xref_uuids: [eleanorWhitfield],
                staff_only: true
            }),
            409,
            'QX042'
        );
        const invite = { chat_uuid: chats.advisoryDeskRebalancing, entity_user_xref_uuids: [eleanorWhitfield] };
        failed(await mock.chat.post('chats/invite', oliviaHart, invite), 409, 'QX042');
    });

    it('does not add deactivated people (RF024)', async () => {
        failed(
            await mock.chat.post('chats/create', jamesPatel, { entity_user_xref_uuids: [georgeAdeyemi] }),
            403,
            'RF024'
        );
    });

    it('allows 100 active participants and no more (QX040)', async () => {
        const others: string[] = [];
        for (let i = 0; i < 99; i++) {
            const reply = await mock.sys.post('entity-memberships/create', {
                first_name: 'Analyst',
                last_name: String(i),
                job_title: 'Analyst',
                primary_email: `analyst${i}@harbourwealth.example`,
                role: 'staff',
                created_by_entity_user_xref_uuid: sofiaReyes
            });
            others.push(ok(reply, MembershipResponse).entity_membership.entity_user_xref_uuid);
        }
        const chat = await create(oliviaHart, { entity_user_xref_uuids: others, staff_only: true, title: 'All hands' });
        expect(chat.participants).toHaveLength(100);
        failed(
            await mock.chat.post('chats/invite', oliviaHart, {
                chat_uuid: chat.chat_uuid,
                entity_user_xref_uuids: [jamesPatel]
            }),
            409,
            'QX040'
        );
    });
});

describe('chat changes', () => {
    it('renames a chat', async () => {
        const reply = await mock.chat.post('chats/rename', oliviaHart, {
            chat_uuid: chats.eleanorPortfolioReview,
            title: 'Q3 review and rebalancing'
        });
        expect(ok(reply, ChatResponse).chat.title).toBe('Q3 review and rebalancing');
    });

    it('invites a participant, who then sees the whole history', async () => {
        ok(
            await mock.chat.post('chats/invite', oliviaHart, {
                chat_uuid: chats.eleanorPortfolioReview,
                entity_user_xref_uuids: [jamesPatel]
            }),
            ChatResponse
        );
        const range = ok(
            await mock.chat.get('chats/messages/range', jamesPatel, {
                query: { chat_uuid: chats.eleanorPortfolioReview }
            }),
            MessageRangeResponse
        );
        expect(range.messages).toHaveLength(6);
    });

    it('archives a chat until a reply arrives', async () => {
        const archived = ok(
            await mock.chat.post('chats/archive', oliviaHart, {
                chat_uuid: chats.eleanorPortfolioReview,
                archived: true
            }),
            ChatResponse
        );
        expect(archived.chat.archived).toBe(true);
        ok(
            await send(eleanorWhitfield, chats.eleanorPortfolioReview, 'One more question about fees.'),
            MessageResponse
        );
        const list = ok(await mock.chat.get('chats', oliviaHart), ChatListResponse).chats;
        expect(list.find((c) => c.chat_uuid === chats.eleanorPortfolioReview)?.archived).toBe(false);
    });

    it('answers QX043 when someone who is not an active participant writes', async () => {
        failed(await send(oliviaHart, chats.eleanorProofOfAddress, 'Hello'), 403, 'QX043');
        failed(
            await mock.chat.post('chats/rename', oliviaHart, { chat_uuid: chats.eleanorProofOfAddress, title: 'Mine' }),
            403,
            'QX043'
        );
    });
});

describe('messages', () => {
    it('sends text of 1 to 5000 characters, with the next sequence number', async () => {
        const reply = await send(oliviaHart, chats.eleanorPortfolioReview, 'x'.repeat(5000));
        expect(ok(reply, MessageResponse).message).toMatchObject({
            seq: 7,
            sender_entity_user_xref_uuid: oliviaHart,
            reply_to_seq: null
        });
        expect(failed(await send(oliviaHart, chats.eleanorPortfolioReview, ''), 400, 'QX001').field).toBe('text');
        expect(failed(await send(oliviaHart, chats.eleanorPortfolioReview, 'x'.repeat(5001)), 400, 'QX001').field).toBe(
            'text'
        );
    });

    it('replies to an existing message only', async () => {
        const reply = await send(eleanorWhitfield, chats.eleanorPortfolioReview, 'Confirmed.', { reply_to_seq: 5 });
        expect(ok(reply, MessageResponse).message.reply_to_seq).toBe(5);
        expect(
            failed(await send(eleanorWhitfield, chats.eleanorPortfolioReview, 'Hm', { reply_to_seq: 99 }), 404, 'RN006')
                .field
        ).toBe('reply_to_seq');
    });

    it('pages a long chat from the newest message back, each page in order', async () => {
        const seqs: number[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
            const query: Record<string, string> = {
                chat_uuid: chats.charlotteMarketNotes,
                limit: '100',
                ...(cursor ? { cursor } : {})
            };
            const page = ok(
                await mock.chat.get('chats/messages/range', charlotteDubois, { query }),
                MessageRangeResponse
            );
            const pageSeqs = page.messages.map((m) => m.seq);
            expect(pageSeqs).toEqual([...pageSeqs].sort((a, b) => a - b));
            seqs.unshift(...pageSeqs);
            cursor = page.next_cursor;
            pages += 1;
        } while (cursor);
        expect(pages).toBe(3);
        expect(seqs).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    });

    it('shows a former participant the chat up to the moment they left, and lets them not write', async () => {
        ok(
            await mock.sys.post('entity-memberships/unsuspend', { entity_user_xref_uuid: noahFischer }),
            MembershipResponse
        );
        const range = ok(
            await mock.chat.get('chats/messages/range', noahFischer, {
                query: { chat_uuid: chats.hannahPensionTransfer }
            }),
            MessageRangeResponse
        );
        expect(range.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
        failed(await send(noahFischer, chats.hannahPensionTransfer, 'Still here?'), 403, 'QX043');
    });

    it('refuses the message range to someone who never took part (QX043)', async () => {
        failed(
            await mock.chat.get('chats/messages/range', oliviaHart, {
                query: { chat_uuid: chats.eleanorProofOfAddress }
            }),
            403,
            'QX043'
        );
    });

    it('exports the transcript the caller may see', async () => {
        const reply = ok(
            await mock.chat.get('chats/export', jamesPatel, { query: { chat_uuid: chats.eleanorProofOfAddress } }),
            ChatTranscriptResponse
        );
        expect(reply.messages[1]?.attachments).toEqual([
            { file_name: 'council-tax-bill-2025.pdf', content_type: 'application/pdf', size_bytes: 284512 }
        ]);
    });
});

describe('chat review (System API, data reviewer)', () => {
    const listOf = async (query: Record<string, string>) =>
        ok(await mock.sys.get('chats/list', { query }), ChatListResponse).chats.map((c) => c.chat_uuid);

    it("lists a client's started chats, and with one staff member only the chats they share", async () => {
        expect(await listOf({ entity_user_xref_uuid: eleanorWhitfield })).toEqual([
            chats.eleanorProofOfAddress,
            chats.eleanorPortfolioReview
        ]);
        expect(
            await listOf({ entity_user_xref_uuid: eleanorWhitfield, with_entity_user_xref_uuid: oliviaHart })
        ).toEqual([chats.eleanorPortfolioReview]);
        expect(
            await listOf({ entity_user_xref_uuid: eleanorWhitfield, with_entity_user_xref_uuid: jamesPatel })
        ).toEqual([chats.eleanorProofOfAddress]);
    });

    it('includes chats the person has left, and leaves out chats nobody has written in yet', async () => {
        expect(await listOf({ entity_user_xref_uuid: georgeAdeyemi })).toEqual([chats.georgeAccountTransfer]);
        await create(oliviaHart, { entity_user_xref_uuids: [hannahLindqvist] });
        expect(await listOf({ entity_user_xref_uuid: hannahLindqvist })).toEqual([chats.hannahPensionTransfer]);
        failed(
            await mock.sys.get('chats/list', { query: { entity_user_xref_uuid: DEMO.jerseyStaff.oliviaHart } }),
            404,
            'RN006'
        );
        expect(await listOf({ entity_user_xref_uuid: avaCollins })).toEqual([]);
    });

    const exportKey = () => mock.control.createSystemApiKey({ name: 'exports', canExportData: true });

    it('exports a chat as a PDF transcript', async () => {
        const reply = await mock.sys.get('chats/export/pdf', {
            query: { chat_uuid: chats.eleanorPortfolioReview },
            credentials: exportKey()
        });
        expect(reply.status).toBe(200);
        expect(reply.headers.get('content-type')).toBe('application/pdf');
        expect(reply.body).toMatch(/^%PDF-1\.4/);
        expect(reply.body).toContain('(Chat: Q3 portfolio review)');
        expect(reply.body).toMatch(/%%EOF\n$/);
    });

    it('exports a chat as a ZIP of the transcript and its attachments', async () => {
        const { key, secret } = exportKey();
        const response = await fetch(
            `https://eu.qwil.io/entity-service/sys-api/chats/export/zip?chat_uuid=${chats.eleanorProofOfAddress}`,
            {
                headers: { 'X-SYS-API-KEY': key, 'X-SYS-API-KEY-SECRET': secret }
            }
        );
        expect(response.headers.get('content-type')).toBe('application/zip');
        const entries = readStoredZip(Buffer.from(await response.arrayBuffer()));
        expect(Object.keys(entries)).toEqual(['transcript.txt', 'attachments/2-council-tax-bill-2025.pdf']);
        expect(entries['transcript.txt']).toContain('#2 2025-10-21T17:26:00.000Z Eleanor Whitfield:');
    });
});

/** Reads the local entries of a stored ZIP, checking each CRC. */
function readStoredZip(zip: Buffer): Record<string, string> {
    const entries: Record<string, string> = {};
    let offset = 0;
    while (zip.readUInt32LE(offset) === 0x04034b50) {
        const size = zip.readUInt32LE(offset + 22);
        const nameLength = zip.readUInt16LE(offset + 26);
        const name = zip.toString('utf8', offset + 30, offset + 30 + nameLength);
        const content = zip.subarray(offset + 30 + nameLength, offset + 30 + nameLength + size);
        expect(crc32(content)).toBe(zip.readUInt32LE(offset + 14));
        entries[name] = content.toString('utf8');
        offset += 30 + nameLength + size;
    }
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    return entries;
}
