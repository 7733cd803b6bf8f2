import type { QwilState } from '../model/types';
import { chat, emptyState, organisation, person, seedUuid } from './builder';
import { weeklyMarketNotes } from './longChat';

/** The ids of the demo organisations, people, groups and chats; they match the Salesforce demo org's records. */
export const DEMO = {
    region: 'eu',
    organisations: {
        harbourWealth: seedUuid('org/harbour-wealth'),
        harbourWealthJersey: seedUuid('org/harbour-wealth-jersey')
    },
    staff: {
        sofiaReyes: seedUuid('harbour-wealth/sofia.reyes'),
        oliviaHart: seedUuid('harbour-wealth/olivia.hart'),
        jamesPatel: seedUuid('harbour-wealth/james.patel'),
        avaCollins: seedUuid('harbour-wealth/ava.collins'),
        noahFischer: seedUuid('harbour-wealth/noah.fischer')
    },
    jerseyStaff: {
        sofiaReyes: seedUuid('harbour-wealth-jersey/sofia.reyes'),
        oliviaHart: seedUuid('harbour-wealth-jersey/olivia.hart')
    },
    clients: {
        eleanorWhitfield: seedUuid('harbour-wealth/eleanor.whitfield'),
        marcusBennett: seedUuid('harbour-wealth/marcus.bennett'),
        priyaRaman: seedUuid('harbour-wealth/priya.raman'),
        hannahLindqvist: seedUuid('harbour-wealth/hannah.lindqvist'),
        georgeAdeyemi: seedUuid('harbour-wealth/george.adeyemi'),
        charlotteDubois: seedUuid('harbour-wealth/charlotte.dubois')
    },
    groups: {
        whitfieldRelationship: seedUuid('group/whitfield-relationship'),
        ramanRelationship: seedUuid('group/raman-relationship'),
        lindqvistRelationship: seedUuid('group/lindqvist-relationship'),
        duboisRelationship: seedUuid('group/dubois-relationship'),
        adeyemiRelationship: seedUuid('group/adeyemi-relationship'),
        advisoryDesk: seedUuid('group/advisory-desk')
    },
    chats: {
        /** Eleanor with Olivia. */
        eleanorPortfolioReview: seedUuid('chat/eleanor-portfolio-review'),
        /** Eleanor with James only; carries an attachment. */
        eleanorProofOfAddress: seedUuid('chat/eleanor-proof-of-address'),
        /** Staff only. */
        advisoryDeskRebalancing: seedUuid('chat/advisory-desk-rebalancing'),
        /** Archived. */
        priyaIsaAllowance: seedUuid('chat/priya-isa-allowance'),
        /** Noah Fischer is a former participant. */
        hannahPensionTransfer: seedUuid('chat/hannah-pension-transfer'),
        /** George Adeyemi left when he was deactivated. */
        georgeAccountTransfer: seedUuid('chat/george-account-transfer'),
        /** 250 messages, for paging. */
        charlotteMarketNotes: seedUuid('chat/charlotte-market-notes')
    }
} as const;

const HW = DEMO.organisations.harbourWealth;
const { sofiaReyes, oliviaHart, jamesPatel, avaCollins, noahFischer } = DEMO.staff;
const { eleanorWhitfield, marcusBennett, priyaRaman, hannahLindqvist, georgeAdeyemi, charlotteDubois } = DEMO.clients;

function staffMembers(): QwilState['memberships'] {
    const joined = { invited_at: '2025-01-06T09:00:00.000Z', joined_at: '2025-01-07T08:30:00.000Z' };
    return [
        person(HW, {
            xref: sofiaReyes,
            first_name: 'Sofia',
            last_name: 'Reyes',
            job_title: 'Head of Client Operations',
            primary_email: 'sofia.reyes@harbourwealth.example',
            role: 'system_admin',
            status: 'active',
            ...joined
        }),
        person(HW, {
            xref: oliviaHart,
            first_name: 'Olivia',
            last_name: 'Hart',
            job_title: 'Senior Wealth Advisor',
            primary_email: 'olivia.hart@harbourwealth.example',
            role: 'staff',
            status: 'active',
            created_by: sofiaReyes,
            ...joined
        }),
        person(HW, {
            xref: jamesPatel,
            first_name: 'James',
            last_name: 'Patel',
            job_title: 'Client Service Associate',
            primary_email: 'james.patel@harbourwealth.example',
            role: 'staff',
            status: 'active',
            created_by: sofiaReyes,
            ...joined
        }),
        person(HW, {
            xref: avaCollins,
            first_name: 'Ava',
            last_name: 'Collins',
            job_title: 'Investment Analyst',
            primary_email: 'ava.collins@harbourwealth.example',
            role: 'staff',
            status: 'pending',
            created_by: sofiaReyes,
            invited_at: '2025-11-03T10:15:00.000Z'
        }),
        person(HW, {
            xref: noahFischer,
            first_name: 'Noah',
            last_name: 'Fischer',
            job_title: 'Paraplanner',
            primary_email: 'noah.fischer@harbourwealth.example',
            role: 'staff',
            status: 'suspended',
            created_by: sofiaReyes,
            ...joined
        })
    ];
}

function clientMembers(): QwilState['memberships'] {
    const client = { job_title: 'Client', role: 'client' as const };
    return [
        person(HW, {
            ...client,
            xref: eleanorWhitfield,
            first_name: 'Eleanor',
            last_name: 'Whitfield',
            primary_email: 'eleanor.whitfield@example.com',
            identifier: '003Qw0000000002IAA',
            phone: '+447700000123',
            status: 'active',
            created_by: oliviaHart,
            invited_at: '2025-02-10T10:00:00.000Z',
            joined_at: '2025-02-11T18:42:00.000Z'
        }),
        person(HW, {
            ...client,
            xref: marcusBennett,
            first_name: 'Marcus',
            last_name: 'Bennett',
            primary_email: 'marcus.bennett@example.com',
            identifier: '003Qw0000000003IAA',
            phone: '+447700000456',
            status: 'pending',
            created_by: oliviaHart,
            invited_at: '2025-11-10T14:20:00.000Z'
        }),
        person(HW, {
            ...client,
            xref: priyaRaman,
            first_name: 'Priya',
            last_name: 'Raman',
            primary_email: 'priya.raman@example.com',
            identifier: '003Qw0000000004IAA',
            phone: '+447700000789',
            status: 'suspended',
            created_by: oliviaHart,
            invited_at: '2025-03-03T09:30:00.000Z',
            joined_at: '2025-03-04T12:05:00.000Z'
        }),
        person(HW, {
            ...client,
            xref: hannahLindqvist,
            first_name: 'Hannah',
            last_name: 'Lindqvist',
            primary_email: 'hannah.lindqvist@example.com',
            identifier: '003Qw0000000006IAA',
            phone: '+46701234567',
            status: 'active',
            created_by: jamesPatel,
            invited_at: '2025-04-14T08:45:00.000Z',
            joined_at: '2025-04-14T19:10:00.000Z'
        }),
        person(HW, {
            ...client,
            xref: georgeAdeyemi,
            first_name: 'George',
            last_name: 'Adeyemi',
            primary_email: 'george.adeyemi@example.com',
            identifier: '003Qw0000000007IAA',
            status: 'deactivated',
            created_by: jamesPatel,
            invited_at: '2025-03-20T11:00:00.000Z',
            joined_at: '2025-03-21T09:15:00.000Z'
        }),
        person(HW, {
            ...client,
            xref: charlotteDubois,
            first_name: 'Charlotte',
            last_name: 'Dubois',
            primary_email: 'charlotte.dubois@example.com',
            identifier: '001Qw0000000002IAA',
            phone: '+33612345678',
            status: 'active',
            created_by: oliviaHart,
            invited_at: '2025-05-06T13:00:00.000Z',
            joined_at: '2025-05-06T20:30:00.000Z'
        })
    ];
}

function jerseyMembers(): QwilState['memberships'] {
    const JE = DEMO.organisations.harbourWealthJersey;
    const joined = { invited_at: '2025-02-03T09:00:00.000Z', joined_at: '2025-02-03T09:20:00.000Z' };
    return [
        person(JE, {
            xref: DEMO.jerseyStaff.sofiaReyes,
            first_name: 'Sofia',
            last_name: 'Reyes',
            job_title: 'Head of Client Operations',
            primary_email: 'sofia.reyes@harbourwealth.example',
            role: 'system_admin',
            status: 'active',
            ...joined
        }),
        person(JE, {
            xref: DEMO.jerseyStaff.oliviaHart,
            first_name: 'Olivia',
            last_name: 'Hart',
            job_title: 'Senior Wealth Advisor',
            primary_email: 'olivia.hart@harbourwealth.example',
            role: 'staff',
            status: 'active',
            created_by: DEMO.jerseyStaff.sofiaReyes,
            ...joined
        })
    ];
}

function groups(): QwilState['groups'] {
    const group = (
        group_uuid: string,
        name: string,
        identifier: string,
        description: string,
        created_at: string,
        members: string[]
    ) => ({
        group_uuid,
        entity_uuid: HW,
        name,
        identifier,
        description,
        created_at,
        member_xref_uuids: members
    });
    const g = DEMO.groups;
    return [
        group(
            g.whitfieldRelationship,
            'Whitfield Relationship',
            'WhitfieldRelationship',
            'Whitfield Family Office: Eleanor Whitfield and trustee Marcus Bennett',
            '2025-02-10T10:00:00.000Z',
            [oliviaHart, eleanorWhitfield, marcusBennett]
        ),
        group(
            g.ramanRelationship,
            'Raman Relationship',
            'RamanRelationship',
            'Priya Raman, discretionary portfolio',
            '2025-03-03T09:30:00.000Z',
            [oliviaHart, priyaRaman]
        ),
        group(
            g.lindqvistRelationship,
            'Lindqvist Relationship',
            'LindqvistRelationship',
            'Hannah Lindqvist, pension and ISA',
            '2025-04-14T08:45:00.000Z',
            [jamesPatel, hannahLindqvist]
        ),
        group(
            g.duboisRelationship,
            'Dubois Relationship',
            'DuboisRelationship',
            'Charlotte Dubois, multi-currency portfolio',
            '2025-05-06T13:00:00.000Z',
            [oliviaHart, sofiaReyes, charlotteDubois]
        ),
        group(
            g.adeyemiRelationship,
            'Adeyemi Relationship',
            'AdeyemiRelationship',
            'George Adeyemi (account transferred out)',
            '2025-03-20T11:00:00.000Z',
            [jamesPatel, georgeAdeyemi]
        ),
        group(
            g.advisoryDesk,
            'Advisory Desk',
            'AdvisoryDesk',
            'Staff only: investment committee and advisers',
            '2025-01-08T09:00:00.000Z',
            [oliviaHart, jamesPatel, avaCollins]
        )
    ];
}

function chats(): QwilState['chats'] {
    const c = DEMO.chats;
    return [
        chat(HW, {
            chat_uuid: c.eleanorPortfolioReview,
            title: 'Q3 portfolio review',
            created_by: oliviaHart,
            created_at: '2025-10-06T09:00:00.000Z',
            participants: [{ xref: oliviaHart }, { xref: eleanorWhitfield }],
            messages: [
                {
                    from: oliviaHart,
                    at: '2025-10-06T09:02:00.000Z',
                    text: 'Good morning Eleanor, your Q3 portfolio review pack is ready. The portfolio returned 3.4% over the quarter, slightly ahead of the benchmark.'
                },
                {
                    from: eleanorWhitfield,
                    at: '2025-10-06T11:47:00.000Z',
                    text: 'Thank you Olivia. Could we talk about the bond allocation? It feels high given where rates are heading.'
                },
                {
                    from: oliviaHart,
                    at: '2025-10-06T12:10:00.000Z',
                    text: 'Of course. We hold 38% in fixed income, mostly short-dated gilts. I can propose moving 5% into global equities.'
                },
                {
                    from: eleanorWhitfield,
                    at: '2025-10-07T08:31:00.000Z',
                    text: 'Yes, please send a proposal. Marcus will want to review it as trustee.',
                    reply_to_seq: 3
                },
                {
                    from: oliviaHart,
                    at: '2025-10-07T15:05:00.000Z',
                    text: 'Proposal sent by secure email. Shall we book 30 minutes on Thursday to go through it together?'
                },
                { from: eleanorWhitfield, at: '2025-10-08T09:12:00.000Z', text: 'Thursday at 10:00 works for me.' }
            ]
        }),
        chat(HW, {
            chat_uuid: c.eleanorProofOfAddress,
            title: 'Proof of address for account update',
            created_by: jamesPatel,
            created_at: '2025-10-20T10:00:00.000Z',
            participants: [{ xref: jamesPatel }, { xref: eleanorWhitfield }],
            messages: [
                {
                    from: jamesPatel,
                    at: '2025-10-20T10:01:00.000Z',
                    text: 'Hello Eleanor, for our annual review we need a proof of address dated within the last three months. A utility bill or bank statement is fine.'
                },
                {
                    from: eleanorWhitfield,
                    at: '2025-10-21T17:26:00.000Z',
                    text: 'Here is my latest council tax bill.',
                    attachments: [
                        { file_name: 'council-tax-bill-2025.pdf', content_type: 'application/pdf', size_bytes: 284512 }
                    ]
                },
                {
                    from: jamesPatel,
                    at: '2025-10-22T09:03:00.000Z',
                    text: 'Received, thank you. Your file is now up to date.',
                    reply_to_seq: 2
                }
            ]
        }),
        chat(HW, {
            chat_uuid: c.advisoryDeskRebalancing,
            title: 'Q4 rebalancing: client list',
            staff_only: true,
            created_by: oliviaHart,
            created_at: '2025-11-03T08:00:00.000Z',
            participants: [{ xref: oliviaHart }, { xref: jamesPatel }, { xref: sofiaReyes }],
            messages: [
                {
                    from: oliviaHart,
                    at: '2025-11-03T08:05:00.000Z',
                    text: 'Investment committee approved the Q4 model change: underweight UK gilts, add 5% global equities.'
                },
                {
                    from: jamesPatel,
                    at: '2025-11-03T08:40:00.000Z',
                    text: 'I will prepare suitability letters for the Whitfield and Lindqvist portfolios.'
                },
                {
                    from: sofiaReyes,
                    at: '2025-11-03T09:15:00.000Z',
                    text: 'Please log every client conversation in Salesforce before trades go in on Friday.'
                }
            ]
        }),
        chat(HW, {
            chat_uuid: c.priyaIsaAllowance,
            title: 'ISA allowance 2025/26',
            archived: true,
            created_by: oliviaHart,
            created_at: '2025-04-07T09:00:00.000Z',
            participants: [{ xref: oliviaHart }, { xref: priyaRaman }],
            messages: [
                {
                    from: oliviaHart,
                    at: '2025-04-07T09:01:00.000Z',
                    text: 'Hi Priya, the new tax year has started. Would you like to use your £20,000 ISA allowance now or spread it monthly?'
                },
                { from: priyaRaman, at: '2025-04-08T20:14:00.000Z', text: 'Monthly please, starting in May.' },
                {
                    from: oliviaHart,
                    at: '2025-04-09T10:30:00.000Z',
                    text: 'Done: £1,666 a month from 1 May. I will archive this chat for now.'
                }
            ]
        }),
        chat(HW, {
            chat_uuid: c.hannahPensionTransfer,
            title: 'Pension transfer from Sweden',
            created_by: jamesPatel,
            created_at: '2025-05-12T09:00:00.000Z',
            participants: [
                { xref: jamesPatel },
                { xref: hannahLindqvist },
                { xref: noahFischer, left_at: '2025-06-30T17:00:00.000Z' }
            ],
            messages: [
                {
                    from: jamesPatel,
                    at: '2025-05-12T09:05:00.000Z',
                    text: 'Hannah, I have added Noah, our paraplanner, who will prepare the transfer analysis for your Swedish pension.'
                },
                {
                    from: noahFischer,
                    at: '2025-05-14T14:22:00.000Z',
                    text: 'Could you send the latest annual statement from your Swedish provider?'
                },
                {
                    from: hannahLindqvist,
                    at: '2025-05-15T19:48:00.000Z',
                    text: 'Attached is the 2024 statement from the provider.',
                    attachments: [
                        { file_name: 'pension-statement-2024.pdf', content_type: 'application/pdf', size_bytes: 512340 }
                    ]
                },
                {
                    from: noahFischer,
                    at: '2025-06-27T11:10:00.000Z',
                    text: 'The transfer analysis is complete and with James for sign-off.'
                },
                {
                    from: jamesPatel,
                    at: '2025-07-02T10:00:00.000Z',
                    text: 'Noah has moved to another team. I will take it from here: the analysis recommends keeping the scheme in Sweden.'
                }
            ]
        }),
        chat(HW, {
            chat_uuid: c.georgeAccountTransfer,
            title: 'Account transfer out',
            created_by: jamesPatel,
            created_at: '2025-09-15T09:00:00.000Z',
            participants: [{ xref: jamesPatel }, { xref: georgeAdeyemi, left_at: '2025-10-01T12:00:00.000Z' }],
            messages: [
                {
                    from: georgeAdeyemi,
                    at: '2025-09-15T09:10:00.000Z',
                    text: 'I have decided to move my account to my new employer’s platform. What do you need from me?'
                },
                {
                    from: jamesPatel,
                    at: '2025-09-15T11:25:00.000Z',
                    text: 'Sorry to see you go, George. The receiving platform will request the transfer; we will complete it within 10 working days.'
                },
                {
                    from: jamesPatel,
                    at: '2025-09-30T16:00:00.000Z',
                    text: 'The transfer completed today. Your account will be closed tomorrow.'
                }
            ]
        }),
        chat(HW, {
            chat_uuid: c.charlotteMarketNotes,
            title: 'Weekly market notes',
            created_by: oliviaHart,
            created_at: '2025-05-12T07:00:00.000Z',
            participants: [{ xref: oliviaHart }, { xref: sofiaReyes }, { xref: charlotteDubois }],
            messages: weeklyMarketNotes({ adviser: oliviaHart, colleague: sofiaReyes, client: charlotteDubois })
        })
    ];
}

export function demoState(): QwilState {
    return {
        ...emptyState(),
        organisations: [
            organisation(DEMO.organisations.harbourWealth, 'Harbour Wealth', DEMO.region),
            organisation(DEMO.organisations.harbourWealthJersey, 'Harbour Wealth Jersey', DEMO.region)
        ],
        memberships: [...staffMembers(), ...clientMembers(), ...jerseyMembers()],
        groups: groups(),
        chats: chats()
    };
}

/** The organisation and its system administrator, nothing else: every Qwil organisation has one. */
export function emptyOrganisationState(): QwilState {
    const demo = demoState();
    return {
        ...emptyState(),
        organisations: demo.organisations.filter((o) => o.entity_uuid === HW),
        memberships: demo.memberships.filter((m) => m.entity_user_xref_uuid === sofiaReyes)
    };
}
