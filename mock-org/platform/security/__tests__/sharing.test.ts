import type { StoredRecord } from '../../records/recordStore';
import { SchemaRegistry, STANDARD_OBJECTS } from '../../records/schema';
import type { ObjectPermission, PermissionGrant } from '../permissionSets';
import { SharingModel, type OrganizationWideDefault, type ShareEntry } from '../sharing';
import { UserAccess } from '../userAccess';

// platform.md §3.3 and §3.4 (checklist item 7): record access from organisation-wide defaults,
// ownership, manual shares and the View All / Modify All permissions.
const OWNER = '005Qw0000000001IAA';
const OTHER = '005Qw0000000002IAA';
const schema = new SchemaRegistry(STANDARD_OBJECTS);
const contact: StoredRecord = { Id: '003Qw0000000001IAA', OwnerId: OWNER, attributes: { type: 'Contact' } };

const readEdit: ObjectPermission = {
    read: true,
    create: true,
    edit: true,
    delete: false,
    viewAll: false,
    modifyAll: false
};

function userWith({
    objects = { Contact: readEdit },
    userPermissions = []
}: { objects?: Record<string, ObjectPermission>; userPermissions?: string[] } = {}): UserAccess {
    const grant: PermissionGrant = {
        name: 'Test',
        apexClasses: new Set(),
        customMetadataTypes: new Set(),
        objects: new Map(Object.entries(objects)),
        fields: new Map(),
        userPermissions: new Set(userPermissions),
        externalCredentialPrincipals: new Set()
    };
    return new UserAccess(OTHER, [grant], schema);
}

const model = (contactDefault: OrganizationWideDefault, shares: ShareEntry[] = []) =>
    new SharingModel(new Map([['Contact', contactDefault]]), shares);
const access = (sharing: SharingModel, user: UserAccess) => ({
    read: sharing.canRead(user, contact),
    edit: sharing.canEdit(user, contact)
});

describe('record access', () => {
    it('Private: only the owner', () => {
        expect(access(model('Private'), userWith())).toEqual({ read: false, edit: false });
        expect(model('Private').canEdit(new UserAccess(OWNER, [], schema), contact)).toBe(true);
    });

    it('Public Read Only: everyone reads, only the owner edits', () => {
        expect(access(model('Read'), userWith())).toEqual({ read: true, edit: false });
    });

    it('Public Read/Write: everyone reads and edits', () => {
        expect(access(model('ReadWrite'), userWith())).toEqual({ read: true, edit: true });
    });

    it('a Read share opens reading, an Edit share editing', () => {
        expect(access(model('Private', [{ recordId: contact.Id, userId: OTHER, access: 'Read' }]), userWith())).toEqual(
            { read: true, edit: false }
        );
        expect(access(model('Private', [{ recordId: contact.Id, userId: OTHER, access: 'Edit' }]), userWith())).toEqual(
            { read: true, edit: true }
        );
    });

    it('View All reads every record; Modify All also edits it', () => {
        expect(access(model('Private'), userWith({ userPermissions: ['ViewAllData'] }))).toEqual({
            read: true,
            edit: false
        });
        expect(access(model('Private'), userWith({ objects: { Contact: { ...readEdit, viewAll: true } } }))).toEqual({
            read: true,
            edit: false
        });
        expect(access(model('Private'), userWith({ userPermissions: ['ModifyAllData'] }))).toEqual({
            read: true,
            edit: true
        });
        expect(
            access(
                model('Private'),
                userWith({ objects: { Contact: { ...readEdit, viewAll: true, modifyAll: true } } })
            )
        ).toEqual({ read: true, edit: true });
    });

    it('an object without a declared default (User) is readable by every user', () => {
        const user: StoredRecord = { Id: OWNER, attributes: { type: 'User' } };
        expect(model('Private').canRead(userWith(), user)).toBe(true);
    });
});
