import { Chat, GroupMembersResponse, Membership } from '../../../force-app/server/qwil/schemas';
import { createMockQwil, DEMO } from '../index';
import { toChat, toMembership } from '../model/views';
import { ok, useMockQwil } from './harness';

const state = createMockQwil({ seed: 'demo' }).control.snapshot();
const harbourWealth = state.memberships.filter((m) => m.entity_uuid === DEMO.organisations.harbourWealth);
const byEmail = (email: string) => harbourWealth.find((m) => m.primary_email === email);

describe('demo seed', () => {
    it('has Harbour Wealth and Harbour Wealth Jersey, both in region eu', () => {
        expect(state.organisations.map((o) => [o.name, o.region, o.status])).toEqual([
            ['Harbour Wealth', 'eu', 'active'],
            ['Harbour Wealth Jersey', 'eu', 'active']
        ]);
    });

    it.each([
        ['sofia.reyes@harbourwealth.example', 'Sofia', 'Reyes', 'system_admin', 'active', 'Head of Client Operations'],
        ['olivia.hart@harbourwealth.example', 'Olivia', 'Hart', 'staff', 'active', 'Senior Wealth Advisor'],
        ['james.patel@harbourwealth.example', 'James', 'Patel', 'staff', 'active', 'Client Service Associate'],
        ['ava.collins@harbourwealth.example', 'Ava', 'Collins', 'staff', 'pending', 'Investment Analyst'],
        ['noah.fischer@harbourwealth.example', 'Noah', 'Fischer', 'staff', 'suspended', 'Paraplanner']
    ])('has staff member %s', (email, first_name, last_name, role, status, job_title) => {
        expect(byEmail(email)).toMatchObject({ first_name, last_name, role, status, job_title });
    });

    it.each([
        ['eleanor.whitfield@example.com', 'Eleanor', 'Whitfield', '003Qw0000000002IAA', 'active', '+447700000123'],
        ['marcus.bennett@example.com', 'Marcus', 'Bennett', '003Qw0000000003IAA', 'pending', '+447700000456'],
        ['priya.raman@example.com', 'Priya', 'Raman', '003Qw0000000004IAA', 'suspended', '+447700000789'],
        ['hannah.lindqvist@example.com', 'Hannah', 'Lindqvist', '003Qw0000000006IAA', 'active', '+46701234567'],
        ['george.adeyemi@example.com', 'George', 'Adeyemi', '003Qw0000000007IAA', 'deactivated', null],
        ['charlotte.dubois@example.com', 'Charlotte', 'Dubois', '001Qw0000000002IAA', 'active', '+33612345678']
    ])('has client %s', (email, first_name, last_name, identifier, status, invitation_phone_number) => {
        expect(byEmail(email)).toMatchObject({
            first_name,
            last_name,
            identifier,
            status,
            invitation_phone_number,
            role: 'client',
            job_title: 'Client'
        });
    });

    it('leaves Daniel Brooks and Thomas Okafor out of Qwil', () => {
        const emails = state.memberships.map((m) => m.primary_email);
        expect(emails).not.toContain('daniel.brooks@harbourwealth.example');
        expect(emails).not.toContain('thomas.okafor@example.com');
        expect(state.memberships.map((m) => m.identifier)).not.toContain('003Qw0000000005IAA');
    });

    it('has Sofia and Olivia as active staff of Harbour Wealth Jersey too', () => {
        const jersey = state.memberships.filter((m) => m.entity_uuid === DEMO.organisations.harbourWealthJersey);
        expect(jersey.map((m) => [m.primary_email, m.status])).toEqual([
            ['sofia.reyes@harbourwealth.example', 'active'],
            ['olivia.hart@harbourwealth.example', 'active']
        ]);
    });

    it('fits the shared schemas and keeps the group rules', () => {
        for (const m of state.memberships) Membership.parse(toMembership(m));
        for (const c of state.chats) Chat.parse(toChat(c));
        for (const group of state.groups) {
            const members = group.member_xref_uuids.map((xref) =>
                state.memberships.find((m) => m.entity_user_xref_uuid === xref)
            );
            const hasClients = members.some((m) => m?.role === 'client' && m.status !== 'deactivated');
            const hasActiveStaff = members.some((m) => m && m.role !== 'client' && m.status === 'active');
            expect({ group: group.name, ok: !hasClients || hasActiveStaff }).toEqual({ group: group.name, ok: true });
        }
    });

    it('has the chats the connector’s cases need', () => {
        const chat = (uuid: string) => state.chats.find((c) => c.chat_uuid === uuid);
        const participants = (uuid: string) => chat(uuid)?.participants.map((p) => p.entity_user_xref_uuid);
        expect(participants(DEMO.chats.eleanorPortfolioReview)).toEqual([
            DEMO.staff.oliviaHart,
            DEMO.clients.eleanorWhitfield
        ]);
        expect(participants(DEMO.chats.eleanorProofOfAddress)).toEqual([
            DEMO.staff.jamesPatel,
            DEMO.clients.eleanorWhitfield
        ]);
        expect(chat(DEMO.chats.advisoryDeskRebalancing)?.staff_only).toBe(true);
        expect(chat(DEMO.chats.priyaIsaAllowance)?.archived).toBe(true);
        expect(
            chat(DEMO.chats.hannahPensionTransfer)?.participants.find((p) => p.left_at !== null)?.entity_user_xref_uuid
        ).toBe(DEMO.staff.noahFischer);
        expect(chat(DEMO.chats.eleanorPortfolioReview)?.messages.some((m) => m.reply_to_seq !== null)).toBe(true);
        expect(chat(DEMO.chats.eleanorProofOfAddress)?.messages.some((m) => m.attachments.length > 0)).toBe(true);
        expect(chat(DEMO.chats.charlotteMarketNotes)?.messages).toHaveLength(250);
    });

    it('is deterministic', () => {
        expect(createMockQwil({ seed: 'demo' }).control.snapshot()).toEqual(state);
    });
});

describe('demo groups through the API', () => {
    const mock = useMockQwil();

    it.each([
        [
            DEMO.groups.whitfieldRelationship,
            [DEMO.staff.oliviaHart, DEMO.clients.eleanorWhitfield, DEMO.clients.marcusBennett]
        ],
        [DEMO.groups.ramanRelationship, [DEMO.staff.oliviaHart, DEMO.clients.priyaRaman]],
        [DEMO.groups.lindqvistRelationship, [DEMO.staff.jamesPatel, DEMO.clients.hannahLindqvist]],
        [DEMO.groups.duboisRelationship, [DEMO.staff.oliviaHart, DEMO.staff.sofiaReyes, DEMO.clients.charlotteDubois]],
        [DEMO.groups.adeyemiRelationship, [DEMO.staff.jamesPatel, DEMO.clients.georgeAdeyemi]],
        [DEMO.groups.advisoryDesk, [DEMO.staff.oliviaHart, DEMO.staff.jamesPatel, DEMO.staff.avaCollins]]
    ])('group %s has its members', async (group_uuid, members) => {
        const reply = ok(
            await mock.sys.get('groups/group-members/list', { query: { group_uuid } }),
            GroupMembersResponse
        );
        expect(reply.group_members.map((m) => m.entity_user_xref_uuid)).toEqual(members);
    });
});
