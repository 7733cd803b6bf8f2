import { randomUUID } from 'node:crypto';
import type { Group, Membership } from '../../qwil/schemas';
import type { ConnectorSession } from '../connectorSession';
import { contactGroupsView } from '../contactGroups';

// The Contact Groups list against the boundary rule, with Qwil and the Salesforce readability check
// answered by stand-ins that count every call.
function member(role: Membership['role'], firstName: string): Membership {
    const uuid = randomUUID();
    return {
        entity_user_xref_uuid: uuid,
        entity_uuid: randomUUID(),
        first_name: firstName,
        last_name: 'Example',
        job_title: role === 'client' ? 'Client' : 'Adviser',
        primary_email: `${firstName.toLowerCase()}@example.com`,
        identifier: null,
        invitation_phone_number: null,
        role,
        status: 'active',
        invited_at: '2026-01-01T00:00:00Z',
        joined_at: '2026-01-02T00:00:00Z'
    };
}

function group(name: string, memberCount: number): Group {
    return {
        group_uuid: randomUUID(),
        name,
        identifier: name.replace(/\s/g, ''),
        description: `About ${name}`,
        member_count: memberCount,
        active_staff_count: 1
    };
}

const ada = member('client', 'Ada');
const sam = member('staff', 'Sam');
const bea = member('client', 'Bea');
const eve = member('client', 'Eve');
const ian = member('client', 'Ian');

/** The user can read Bea's record only; each group's members come from `members`. */
function standIn(members: ReadonlyMap<string, Membership[]>) {
    const calls = { membersReads: 0, readabilityChecks: 0 };
    const session = {
        qwil: {
            groups: {
                members: async (groupUuid: string) => {
                    calls.membersReads += 1;
                    return members.get(groupUuid) ?? [];
                }
            }
        },
        clientReader: {
            readableUuids: (clients: readonly Membership[]) => {
                calls.readabilityChecks += 1;
                expect(clients.map((client) => client.entity_user_xref_uuid)).not.toContain(ada.entity_user_xref_uuid);
                return new Set([bea.entity_user_xref_uuid]);
            }
        }
    } as unknown as ConnectorSession;
    return { session, calls };
}

describe("the client's group list", () => {
    it('withholds groups holding clients the user cannot read, counting them, with one readability check for all', async () => {
        const family = group('Example Family', 3);
        const joint = group('Eve and Ian Trust', 5);
        const { session, calls } = standIn(
            new Map([
                [family.group_uuid, [sam, ada, bea]],
                [joint.group_uuid, [sam, ada, bea, eve, ian]]
            ])
        );
        const view = await contactGroupsView({ session, client: ada, groups: [family, joint] });
        expect(view.groups).toEqual([
            {
                groupUuid: family.group_uuid,
                name: 'Example Family',
                identifier: 'ExampleFamily',
                description: 'About Example Family',
                memberCount: 3,
                activeStaffCount: 1,
                hiddenClientCount: 0
            },
            {
                groupUuid: joint.group_uuid,
                name: 'A group with 2 clients you cannot see in Salesforce',
                identifier: null,
                description: null,
                memberCount: 5,
                activeStaffCount: 1,
                hiddenClientCount: 2
            }
        ]);
        expect(calls).toEqual({ membersReads: 2, readabilityChecks: 1 });
    });

    it('withholds, unchecked, the groups beyond the 30 pages of members one request reads', async () => {
        const broadcast = group('All clients', 2950);
        const family = group('Example Family', 2);
        const { session, calls } = standIn(new Map([[broadcast.group_uuid, [sam, ada]]]));
        const view = await contactGroupsView({ session, client: ada, groups: [broadcast, family] });
        expect(
            view.groups.map(({ name, identifier, description, hiddenClientCount }) => ({
                name,
                identifier,
                description,
                hiddenClientCount
            }))
        ).toEqual([
            { name: 'All clients', identifier: 'Allclients', description: 'About All clients', hiddenClientCount: 0 },
            {
                name: 'A group Qwil Messenger has not checked: the client is in more groups than it checks at once',
                identifier: null,
                description: null,
                hiddenClientCount: null
            }
        ]);
        expect(calls).toEqual({ membersReads: 1, readabilityChecks: 0 });
    });
});
