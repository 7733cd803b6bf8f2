import type { SchemaRegistry } from '../records/schema';
import type { FieldPermission, ObjectPermission, PermissionGrant } from './permissionSets';

const NO_OBJECT_ACCESS: ObjectPermission = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

/**
 * Own-User fields a user without Manage Users can change on their personal information page.
 * FederationIdentifier is not among them: only Manage Users can edit it, and FLS cannot open it up.
 */
export const SELF_EDITABLE_USER_FIELDS: ReadonlySet<string> = new Set([
    'Email',
    'Username',
    'Alias',
    'CommunityNickname',
    'EmployeeNumber',
    'FirstName',
    'LastName',
    'Title'
]);

/** The union of a user's profile and permission sets, answering the platform's access questions. */
export class UserAccess {
    constructor(
        readonly userId: string,
        private readonly grants: readonly PermissionGrant[],
        private readonly schema: SchemaRegistry
    ) {}

    hasUserPermission(permission: string): boolean {
        return this.grants.some((grant) => grant.userPermissions.has(permission));
    }

    canRunApexClass(className: string): boolean {
        return this.hasUserPermission('AuthorApex') || this.grants.some((grant) => grant.apexClasses.has(className));
    }

    canReadCustomMetadataType(typeApiName: string): boolean {
        return this.hasUserPermission('CustomizeApplication') || this.grants.some((grant) => grant.customMetadataTypes.has(typeApiName));
    }

    objectPermission(objectName: string): ObjectPermission {
        return this.grants.reduce<ObjectPermission>((merged, grant) => {
            const permission = grant.objects.get(objectName);
            if (!permission) return merged;
            return {
                read: merged.read || permission.read,
                create: merged.create || permission.create,
                edit: merged.edit || permission.edit,
                delete: merged.delete || permission.delete,
                viewAll: merged.viewAll || permission.viewAll,
                modifyAll: merged.modifyAll || permission.modifyAll
            };
        }, NO_OBJECT_ACCESS);
    }

    /** Field-level security; a field no grant mentions follows its object's read/edit permission. */
    fieldPermission(objectName: string, fieldName: string): FieldPermission {
        const field = this.schema.field(objectName, fieldName);
        const object = this.objectPermission(objectName);
        if (!field || !object.read) return { read: false, edit: false };
        const explicit = this.grants.map((grant) => grant.fields.get(`${objectName}.${fieldName}`)).filter((permission) => permission !== undefined);
        const read = explicit.length > 0 ? explicit.some((permission) => permission.read) : true;
        const edit = !field.system && object.edit && (explicit.length > 0 ? explicit.some((permission) => permission.edit) : true);
        return { read, edit: read && edit };
    }

    /** Whether the user can change this field of their OWN User record (describe isUpdateable on User). */
    canEditOwnUserField(fieldName: string): boolean {
        const field = this.schema.field('User', fieldName);
        if (!field || field.system) return false;
        if (this.hasUserPermission('ManageUsers')) return true;
        if (fieldName.endsWith('__c')) return this.grants.some((grant) => grant.fields.get(`User.${fieldName}`)?.edit === true);
        return SELF_EDITABLE_USER_FIELDS.has(fieldName);
    }
}
