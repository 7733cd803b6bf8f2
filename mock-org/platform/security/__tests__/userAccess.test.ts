import { createProbeOrg, SEED_USERS } from '../../../testing/probeOrg';

// platform.md §3.1 and §5.1 (checklist item 7): a user's access is the union of their profile and
// permission sets, read from force-app and mock-org/seed/access.json.
const { org } = createProbeOrg([]);
const accessOf = (username: string) => org.accessOf(org.requireUser(username).Id);

describe("a user's access", () => {
    it('grants Apex class access through the Qwil_Messenger_User permission set only', () => {
        expect(accessOf(SEED_USERS.olivia).canRunApexClass('QwilConnectorController')).toBe(true);
        expect(accessOf(SEED_USERS.daniel).canRunApexClass('QwilConnectorController')).toBe(false);
    });

    it('lets Author Apex run any class', () => {
        expect(accessOf(SEED_USERS.sofia).canRunApexClass('AnyOtherClass')).toBe(true);
        expect(accessOf(SEED_USERS.olivia).canRunApexClass('AnyOtherClass')).toBe(false);
    });

    it("takes system permissions from the profile's Permissions* fields", () => {
        expect(
            ['ManageUsers', 'ViewAllData', 'ModifyAllData', 'CustomizeApplication', 'AuthorApex'].filter((permission) =>
                accessOf(SEED_USERS.sofia).hasUserPermission(permission)
            )
        ).toHaveLength(5);
        expect(accessOf(SEED_USERS.james).hasUserPermission('ManageUsers')).toBe(false);
    });

    it('takes custom metadata read access from customMetadataTypeAccesses', () => {
        expect(accessOf(SEED_USERS.olivia).canReadCustomMetadataType('Qwil_Messenger__mdt')).toBe(true);
        expect(accessOf(SEED_USERS.daniel).canReadCustomMetadataType('Qwil_Messenger__mdt')).toBe(false);
    });

    it('takes object permissions from the profile: standard users cannot edit User records', () => {
        expect(accessOf(SEED_USERS.james).objectPermission('User')).toMatchObject({ read: true, edit: false });
        expect(accessOf(SEED_USERS.sofia).objectPermission('User')).toMatchObject({ read: true, edit: true });
    });
});
