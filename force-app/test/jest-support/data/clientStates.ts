import type { ClientState } from '../../../server/contracts/clientState';

export const activeClient = {
    status: 'active',
    lookup: { type: 'Email', value: 'amelia.hart@example.com' },
    client: {
        firstName: 'Amelia',
        lastName: 'Hart',
        primaryEmail: 'amelia.hart@example.com',
        invitationPhone: '+44 7700 000123',
        jobTitle: 'Private client',
        identifier: 'HART-0042',
        status: 'active',
        invitedAt: '2026-03-02T09:15:00.000Z',
        joinedAt: '2026-03-03T18:40:00.000Z'
    }
} satisfies ClientState;

export const pendingClientWithoutOptionalDetails = {
    status: 'pending',
    lookup: { type: 'Email', value: 'tom.okafor@example.com' },
    client: {
        firstName: 'Tom',
        lastName: 'Okafor',
        primaryEmail: 'tom.okafor@example.com',
        invitationPhone: null,
        jobTitle: '',
        identifier: null,
        status: 'pending',
        invitedAt: '2026-11-20T11:00:00.000Z',
        joinedAt: null
    }
} satisfies ClientState;

export const notInvitedByEmail = {
    status: 'not_invited',
    lookup: { type: 'Email', value: 'li.wei@example.com' }
} satisfies ClientState;

export const notInvitedByRecordId = {
    status: 'not_invited',
    lookup: { type: 'Salesforce Record ID', value: '003000000000001AAA' }
} satisfies ClientState;
