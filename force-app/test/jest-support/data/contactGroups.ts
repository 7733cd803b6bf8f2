import type {
    ContactGroup,
    ContactGroupDetail,
    ContactGroupMember,
    ContactGroupsChange,
    ContactGroupsView
} from '../../../server/contracts/QwilContactGroupsController';

// What the Contact Groups server methods answer for Li Wei, an active client in two groups.

export const RECORD_ID = '003000000000001AAA';
export const WEI_FAMILY_UUID = '11111111-1111-4111-8111-111111111111';
export const WEI_TRUST_UUID = '22222222-2222-4222-8222-222222222222';
export const OLIVIA_UUID = '33333333-3333-4333-8333-333333333333';
export const JAMES_UUID = '44444444-4444-4444-8444-444444444444';
export const LI_UUID = '55555555-5555-4555-8555-555555555555';
export const ONBOARDING_UUID = '66666666-6666-4666-8666-666666666666';

export const weiFamily: ContactGroup = {
    groupUuid: WEI_FAMILY_UUID,
    name: 'Wei Family',
    identifier: 'WeiFamily',
    description: 'Li Wei and her partner',
    memberCount: 3,
    activeStaffCount: 2,
    hiddenClientCount: 0
};
export const weiTrust: ContactGroup = {
    groupUuid: WEI_TRUST_UUID,
    name: 'Wei Trust',
    identifier: null,
    description: null,
    memberCount: 2,
    activeStaffCount: 0,
    hiddenClientCount: 0
};

/** A group of Li Wei's that also holds two clients the user cannot read: the server withholds its name. */
export const WITHHELD_UUID = '77777777-7777-4777-8777-777777777777';
export const withheldGroup: ContactGroup = {
    groupUuid: WITHHELD_UUID,
    name: 'A group with 2 clients you cannot see in Salesforce',
    identifier: null,
    description: null,
    memberCount: 4,
    activeStaffCount: 1,
    hiddenClientCount: 2
};

export const activeView: ContactGroupsView = {
    clientName: 'Li Wei',
    clientStatus: 'active',
    canManage: true,
    readOnlyReason: null,
    groups: [weiFamily, weiTrust]
};

const member = (name: string, uuid: string, overrides: Partial<ContactGroupMember> = {}): ContactGroupMember => ({
    entityUserXrefUuid: uuid,
    name,
    jobTitle: 'Adviser',
    kind: 'staff',
    status: 'active',
    isViewedClient: false,
    removable: true,
    reason: null,
    ...overrides
});

export const olivia = member('Olivia Hart', OLIVIA_UUID);
export const james = member('James Patel', JAMES_UUID);
export const li = member('Li Wei', LI_UUID, {
    kind: 'client',
    jobTitle: 'Client',
    isViewedClient: true,
    removable: false
});

/** Wei Family: two active staff and the client; it is not the client's only group. */
export const weiFamilyDetail: ContactGroupDetail = {
    contactGroup: weiFamily,
    members: [olivia, james, li],
    canRemoveClient: true,
    canDelete: true,
    lastGroupReason: null
};

export const LAST_STAFF_REASON =
    'Olivia Hart is the only active staff member of a group with clients, and clients must always have an active staff member to talk to. Add another active staff member first.';
export const LAST_GROUP_REASON =
    "This is the client's only group, so it cannot be deleted and the client cannot be removed from it: a Qwil client must always be in at least one group. Add them to another group first.";

/** The client's only group, with one active staff member. */
export const onlyGroupDetail: ContactGroupDetail = {
    contactGroup: { ...weiFamily, memberCount: 2, activeStaffCount: 1 },
    members: [{ ...olivia, removable: false, reason: LAST_STAFF_REASON }, li],
    canRemoveClient: false,
    canDelete: false,
    lastGroupReason: LAST_GROUP_REASON
};

export function changeOf(
    message: string,
    group: ContactGroupDetail | null,
    groups: ContactGroup[] = activeView.groups
): ContactGroupsChange {
    return { view: { ...activeView, groups }, contactGroup: group, message };
}
