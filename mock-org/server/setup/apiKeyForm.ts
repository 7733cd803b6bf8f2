import ipaddr from 'ipaddr.js';
import type { CreateSystemApiKeyInput } from '../../qwil';

/** The guide's step 2 checkboxes, with the guide's recommended key as the defaults. */
export const KEY_PERMISSIONS = [
    { name: 'canExportData', label: 'This key can export data', recommended: false },
    { name: 'canReadOnly', label: 'This key can perform read-only actions', recommended: true },
    { name: 'canWriteOnly', label: 'This key can perform write-only actions', recommended: true },
    { name: 'canDataReview', label: 'This key can perform data reviewer actions', recommended: true }
] as const;
export type KeyPermission = (typeof KEY_PERMISSIONS)[number]['name'];

const NAME_MAX = 200;

export type ApiKeyFormInput = Readonly<Record<string, string | undefined>>;

export type ApiKeyFormResult =
    | { readonly ok: true; readonly key: CreateSystemApiKeyInput & { name: string; cidrBlocks: string[] } }
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
        : { blocks, problem: `"${bad}" is not a CIDR block. Use an address and a prefix length, such as 13.108.0.0/14, separated by commas.` };
}

/** Validates Qwil's "Create a System API Key" form. */
export function validateApiKeyForm(input: ApiKeyFormInput): ApiKeyFormResult {
    const errors = new Map<string, string>();
    const name = input['name']?.trim() ?? '';
    if (name === '') errors.set('name', 'Name is required: describe what the key is for, such as "Salesforce connector".');
    else if (name.length > NAME_MAX) errors.set('name', `Name must be at most ${NAME_MAX} characters.`);
    const cidr = parseCidrBlocks(input['cidrBlocks'] ?? '');
    if (cidr.problem) errors.set('cidrBlocks', cidr.problem);
    if (errors.size > 0) return { ok: false, errors };
    const permissions = Object.fromEntries(KEY_PERMISSIONS.map(({ name: flag }) => [flag, input[flag] === 'on'])) as Record<KeyPermission, boolean>;
    return { ok: true, key: { name, cidrBlocks: cidr.blocks, ...permissions } };
}
