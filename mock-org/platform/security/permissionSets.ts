import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { arrayOf, booleanOf, readMetadataXml, textOf } from '../metadata/sourceXml';

export interface ObjectPermission {
    readonly read: boolean;
    readonly create: boolean;
    readonly edit: boolean;
    readonly delete: boolean;
    readonly viewAll: boolean;
    readonly modifyAll: boolean;
}

export interface FieldPermission {
    readonly read: boolean;
    readonly edit: boolean;
}

/** What a profile or a permission set grants. */
export interface PermissionGrant {
    readonly name: string;
    readonly apexClasses: ReadonlySet<string>;
    readonly customMetadataTypes: ReadonlySet<string>;
    readonly objects: ReadonlyMap<string, ObjectPermission>;
    /** Keyed `Object.Field`. */
    readonly fields: ReadonlyMap<string, FieldPermission>;
    /** System permissions such as ManageUsers, ViewAllData, CustomizeApplication. */
    readonly userPermissions: ReadonlySet<string>;
    /** External credential principals (`<ExternalCredential>-<Principal>`) the grant lets a user call out with. */
    readonly externalCredentialPrincipals: ReadonlySet<string>;
    /** Field-level security on every custom field the grant does not list (a profile Setup grants each new field to). */
    readonly allCustomFields?: FieldPermission;
}

function loadPermissionSet(file: string, name: string): PermissionGrant {
    const root = readMetadataXml(file, 'PermissionSet');
    const enabled = (entry: Record<string, unknown>) => booleanOf(file, entry, 'enabled', false);
    const objects = new Map<string, ObjectPermission>();
    for (const entry of arrayOf(root, 'objectPermissions')) {
        objects.set(textOf(entry, 'object') ?? '', {
            read: booleanOf(file, entry, 'allowRead', false),
            create: booleanOf(file, entry, 'allowCreate', false),
            edit: booleanOf(file, entry, 'allowEdit', false),
            delete: booleanOf(file, entry, 'allowDelete', false),
            viewAll: booleanOf(file, entry, 'viewAllRecords', false),
            modifyAll: booleanOf(file, entry, 'modifyAllRecords', false)
        });
    }
    const fields = new Map<string, FieldPermission>();
    for (const entry of arrayOf(root, 'fieldPermissions')) {
        fields.set(textOf(entry, 'field') ?? '', {
            read: booleanOf(file, entry, 'readable', false),
            edit: booleanOf(file, entry, 'editable', false)
        });
    }
    return {
        name,
        apexClasses: new Set(
            arrayOf(root, 'classAccesses')
                .filter(enabled)
                .map((entry) => textOf(entry, 'apexClass') ?? '')
        ),
        customMetadataTypes: new Set(
            arrayOf(root, 'customMetadataTypeAccesses')
                .filter(enabled)
                .map((entry) => textOf(entry, 'name') ?? '')
        ),
        objects,
        fields,
        userPermissions: new Set(
            arrayOf(root, 'userPermissions')
                .filter(enabled)
                .map((entry) => textOf(entry, 'name') ?? '')
        ),
        externalCredentialPrincipals: new Set(
            arrayOf(root, 'externalCredentialPrincipalAccesses')
                .filter(enabled)
                .map((entry) => textOf(entry, 'externalCredentialPrincipal') ?? '')
        )
    };
}

/** Loads `permissionsets/*.permissionset-meta.xml` of a package directory, by API name. */
export function loadPermissionSets(packageDefaultDir: string): Map<string, PermissionGrant> {
    const dir = path.join(packageDefaultDir, 'permissionsets');
    const sets = new Map<string, PermissionGrant>();
    for (const fileName of existsSync(dir) ? readdirSync(dir).sort() : []) {
        const match = /^(\w+)\.permissionset-meta\.xml$/.exec(fileName);
        if (match?.[1]) sets.set(match[1], loadPermissionSet(path.join(dir, fileName), match[1]));
    }
    return sets;
}
