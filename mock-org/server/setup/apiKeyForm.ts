import ipaddr from 'ipaddr.js';

export interface KeyPermissionField<N extends string> {
    readonly name: N;
    readonly label: string;
    /** Checked on a new key. */
    readonly recommended: boolean;
    /** In the key list. */
    readonly shortLabel: string;
}

/** The guide's step 2 checkboxes, with the guide's recommended key as the defaults; then the SDK flag Qwil's samples need. */
export const KEY_PERMISSIONS = [
    { name: 'canExportData', label: 'This key can export data', recommended: false, shortLabel: 'export data' },
    {
        name: 'canReadOnly',
        label: 'This key can perform read-only actions',
        recommended: true,
        shortLabel: 'read-only'
    },
    {
        name: 'canWriteOnly',
        label: 'This key can perform write-only actions',
        recommended: true,
        shortLabel: 'write-only'
    },
    {
        name: 'canDataReview',
        label: 'This key can perform data reviewer actions',
        recommended: true,
        shortLabel: 'data reviewer'
    },
    {
        name: 'canCreateSdkTokens',
        label: 'This key can create SDK tokens',
        recommended: false,
        shortLabel: 'create SDK tokens'
    }
] as const satisfies readonly KeyPermissionField<string>[];
export type KeyPermission = (typeof KEY_PERMISSIONS)[number]['name'];

/** The four flags of Qwil's Master API guide; read-only and write-only chat are what the connector's chat calls need. */
export const MASTER_KEY_PERMISSIONS = [
    {
        name: 'canReadChat',
        label: 'This key can perform read-only chat actions',
        recommended: true,
        shortLabel: 'read-only chat'
    },
    {
        name: 'canWriteChat',
        label: 'This key can perform write-only chat actions',
        recommended: true,
        shortLabel: 'write-only chat'
    },
    { name: 'canExportData', label: 'This key can export data', recommended: false, shortLabel: 'export data' },
    {
        name: 'canReadContacts',
        label: 'This key can perform read-only contact actions',
        recommended: false,
        shortLabel: 'read-only contacts'
    }
] as const satisfies readonly KeyPermissionField<string>[];
export type MasterKeyPermission = (typeof MASTER_KEY_PERMISSIONS)[number]['name'];

const NAME_MAX = 200;

export type ApiKeyFormInput = Readonly<Record<string, string | undefined>>;

export type ApiKeyFormResult<N extends string> =
    | { readonly ok: true; readonly key: { name: string; cidrBlocks: string[] } & Record<N, boolean> }
    | { readonly ok: false; readonly errors: ReadonlyMap<string, string> };

/** Comma-separated CIDR blocks, each checked with ipaddr.js; the first bad one is named. */
export function parseCidrBlocks(text: string): { blocks: string[]; problem: string | null } {
    const blocks = text
        .split(',')
        .map((block) => block.trim())
        .filter((block) => block !== '');
    const bad = blocks.find((block) => {
        try {
            ipaddr.parseCIDR(block);
            return false;
        } catch {
            return true;
        }
    });
    return bad === undefined
        ? { blocks, problem: null }
        : {
              blocks,
              problem: `"${bad}" is not a CIDR block. Use an address and a prefix length, such as 13.108.0.0/14, separated by commas.`
          };
}

/** Validates Qwil's "Create a … API Key" form: a name, CIDR blocks, and the checked boxes of that kind of key. */
export function validateApiKeyForm<N extends string>(
    input: ApiKeyFormInput,
    permissions: readonly KeyPermissionField<N>[]
): ApiKeyFormResult<N> {
    const errors = new Map<string, string>();
    const name = input['name']?.trim() ?? '';
    if (name === '')
        errors.set('name', 'Name is required: describe what the key is for, such as "Salesforce connector".');
    else if (name.length > NAME_MAX) errors.set('name', `Name must be at most ${NAME_MAX} characters.`);
    const cidr = parseCidrBlocks(input['cidrBlocks'] ?? '');
    if (cidr.problem) errors.set('cidrBlocks', cidr.problem);
    if (errors.size > 0) return { ok: false, errors };
    const flags = Object.fromEntries(permissions.map(({ name: flag }) => [flag, input[flag] === 'on'])) as Record<
        N,
        boolean
    >;
    return { ok: true, key: { name, cidrBlocks: cidr.blocks, ...flags } };
}
