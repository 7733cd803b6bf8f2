import { isCustomField, mirroredContactField, type SchemaRegistry } from '../records/schema';
import type { FieldPermission, ObjectPermission, PermissionGrant } from './permissionSets';

const NO_OBJECT_ACCESS: ObjectPermission = {
    read: false,
    create: false,
    edit: false,
    delete: false,
    viewAll: false,
    modifyAll: false
};
const NO_FIELD_ACCESS: FieldPermission = { read: false, edit: false };

/** Person Account `__pc` fields carry the field-level security of the Contact field they mirror. */
function securedFieldKey(objectName: string, fieldName: string): string {
    const contactField = objectName === 'Account' ? mirroredContactField(fieldName) : undefined;
    return contactField ? `Contact.${contactField}` : `${objectName}.${fieldName}`;
}

/**
 * Own-User fields a user without Manage Users can change in their personal settings (personal
 * information; language, locale and time zone). FederationIdentifier is not among them: only
 * Manage Users can edit it, and FLS cannot open it up.
 */
export const SELF_EDITABLE_USER_FIELDS: ReadonlySet<string> = new Set([
    'Email',
    'Username',
    'Alias',
    'CommunityNickname',
    'EmployeeNumber',
    'FirstName',
    'LastName',
    'Title',
    'LocaleSidKey'
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

    /** External Credential Principal Access to `<ExternalCredential>-<Principal>`. */
    canUseExternalCredentialPrincipal(principal: string): boolean {
        return this.grants.some((grant) => grant.externalCredentialPrincipals.has(principal));
    }

    canReadCustomMetadataType(typeApiName: string): boolean {
        return (
            this.hasUserPermission('CustomizeApplication') ||
            this.grants.some((grant) => grant.customMetadataTypes.has(typeApiName))
        );
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

    /**
     * Field-level security. A custom field is closed unless a grant opens it; a standard field no
     * grant mentions follows its object's read/edit permission.
     */
    fieldPermission(objectName: string, fieldName: string): FieldPermission {
        const field = this.schema.field(objectName, fieldName);
        const object = this.objectPermission(objectName);
        if (!field || !object.read) return NO_FIELD_ACCESS;
        const explicit = this.fieldGrants(objectName, fieldName);
        const granted =
            explicit.length > 0 ? explicit : [isCustomField(fieldName) ? NO_FIELD_ACCESS : { read: true, edit: true }];
        const read = granted.some((permission) => permission.read);
        const edit = !field.system && object.edit && granted.some((permission) => permission.edit);
        return { read, edit: read && edit };
    }

    /** Whether the user can change this field of their OWN User record (describe isUpdateable on User). */
    canEditOwnUserField(fieldName: string): boolean {
        const field = this.schema.field('User', fieldName);
        if (!field || field.system) return false;
        if (this.hasUserPermission('ManageUsers')) return true;
        if (isCustomField(fieldName)) return this.fieldGrants('User', fieldName).some((permission) => permission.edit);
        return SELF_EDITABLE_USER_FIELDS.has(fieldName);
    }

    private fieldGrants(objectName: string, fieldName: string): FieldPermission[] {
        const key = securedFieldKey(objectName, fieldName);
        const custom = isCustomField(fieldName);
        return this.grants.flatMap(
            (grant) => grant.fields.get(key) ?? (custom ? grant.allCustomFields : undefined) ?? []
        );
    }
}
