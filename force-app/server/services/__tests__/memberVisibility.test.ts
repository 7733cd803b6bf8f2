import { randomUUID } from 'node:crypto';
import { AuraHandledException } from '../../platform/exceptions';
import type { Membership, MembershipListResponse } from '../../qwil/schemas';
import type { ConnectorSession } from '../connectorSession';
import { requireActiveStaff } from '../memberVisibility';

// The staff check of the boundary rule in an organisation whose list of active staff is longer than
// one request may read: Qwil answered by a stand-in that counts every call.
function activeStaff(uuid: string): Membership {
    return {
        entity_user_xref_uuid: uuid,
        entity_uuid: randomUUID(),
        first_name: 'Staff',
        last_name: uuid.slice(0, 4),
        job_title: 'Adviser',
        primary_email: `${uuid}@example.com`,
        identifier: null,
        invitation_phone_number: null,
        role: 'staff',
        status: 'active',
        invited_at: '2026-01-01T00:00:00Z',
        joined_at: '2026-01-02T00:00:00Z'
    };
}

/** Qwil with a very long staff list (a new page on every call), in which `chosen` never appear; each of them found by a lookup. */
function largeOrganisation(chosen: readonly string[]): {
    session: ConnectorSession;
    calls: { pages: number; lookups: number };
} {
    const calls = { pages: 0, lookups: 0 };
    const memberships = {
        listMembershipsPage: async (): Promise<MembershipListResponse> => {
            calls.pages += 1;
            return {
                entity_memberships: Array.from({ length: 100 }, () => activeStaff(randomUUID())),
                next_cursor: `page-${calls.pages}`
            };
        },
        findMembership: async ({
            entity_user_xref_uuid
        }: {
            entity_user_xref_uuid: string;
        }): Promise<Membership | null> => {
            calls.lookups += 1;
            return chosen.includes(entity_user_xref_uuid) ? activeStaff(entity_user_xref_uuid) : null;
        }
    };
    return { session: { qwil: { memberships } } as unknown as ConnectorSession, calls };
}

describe('requireActiveStaff in an organisation with more staff than one request reads', () => {
    it('looks up the people the page budget did not reach when they are few', async () => {
        const chosen = Array.from({ length: 10 }, () => randomUUID());
        const { session, calls } = largeOrganisation(chosen);
        const staff = await requireActiveStaff(session, chosen);
        expect(staff.map((member) => member.entity_user_xref_uuid)).toEqual(chosen);
        expect(calls).toEqual({ pages: 0, lookups: 10 });
    });

    it('refuses, naming how many can be checked, when more remain than it may look up, within 20 pages of the list', async () => {
        const chosen = Array.from({ length: 11 }, () => randomUUID());
        const { session, calls } = largeOrganisation(chosen);
        const refusal = requireActiveStaff(session, chosen);
        await expect(refusal).rejects.toThrow(AuraHandledException);
        await expect(refusal).rejects.toThrow(
            /could not confirm that every person chosen is an active staff member\. Choose at most 10 staff members at once\.$/
        );
        expect(calls).toEqual({ pages: 20, lookups: 0 });
    });

    it('refuses more people than a chat can hold before any call', async () => {
        const chosen = Array.from({ length: 101 }, () => randomUUID());
        const { session, calls } = largeOrganisation(chosen);
        await expect(requireActiveStaff(session, chosen)).rejects.toThrow('Choose at most 100 staff members at once.');
        expect(calls).toEqual({ pages: 0, lookups: 0 });
    });
});
