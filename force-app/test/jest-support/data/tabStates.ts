import type { ClientState } from '../../../server/contracts/clientState';
import type { Organisation, ReadyTab, TabState } from '../../../server/contracts/QwilConnectorController';
import { activeClient, notInvitedByEmail, pendingClientWithoutOptionalDetails } from './clientStates';

export const HARBOUR: Organisation = { entityUuid: '6f1c2a10-4b7e-4c55-9a1d-2f3e4d5c6b7a', name: 'Harbour Wealth' };
export const NORTHGATE: Organisation = {
    entityUuid: '0b9d8c7e-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
    name: 'Northgate Advisers'
};
export const OLIVIA_UUID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

/** A ready tab for a client in `client`'s state, as loadTab answers for a Contact. */
export function readyTab(client: ClientState, overrides: Partial<ReadyTab> = {}): ReadyTab {
    return {
        kind: 'ready',
        organisation: HARBOUR,
        switchableOrganisations: [],
        staff: { name: 'Olivia Hart', jobTitle: 'Relationship manager', entityUserXrefUuid: OLIVIA_UUID },
        client,
        record: {
            firstName: 'Li',
            lastName: 'Wei',
            email: 'li.wei@example.com',
            invitationPhone: { input: '07700 010005', international: '+447700010005', problem: null }
        },
        mismatches: [],
        invite: {
            jobTitle: 'Client',
            newGroupName: 'Wei Relationship',
            addInvitingUser: true,
            phoneEditable: true,
            defaultCountry: 'GB',
            defaultCountrySource: 'the connector settings'
        },
        actions: {
            invite: client.status === 'not_invited',
            resendInvitation: client.status === 'pending',
            editPhone: client.status === 'pending'
        },
        ...overrides
    };
}

export const notInvitedTab = readyTab(notInvitedByEmail);
export const pendingTab = readyTab(pendingClientWithoutOptionalDetails);
export const activeTab = readyTab(activeClient);

export const chooseOrganisationTab: TabState = { kind: 'choose_organisation', organisations: [HARBOUR, NORTHGATE] };
