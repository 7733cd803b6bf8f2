import {
    renderApiKeys,
    renderCreatedKey,
    SETUP_PATHS,
    type ApiKeyRow,
    type FormField,
    type Notice
} from '../../ui/pages/setup';
import type { ApiKeyRecord, KeyRecordBase, MasterKeyRecord } from '../../qwil';
import {
    KEY_PERMISSIONS,
    type KeyPermission,
    type KeyPermissionField,
    MASTER_KEY_PERMISSIONS,
    type MasterKeyPermission,
    validateApiKeyForm
} from './apiKeyForm';
import type { SetupDependencies } from './setupDependencies';
import { redirect, sendHtml } from '../httpErrors';
import { readForm, type FormInput } from '../requestBody';
import type { SetupRequest } from './setupHttp';

type KeyAction = 'revoke' | 'promote';

/** One page of Qwil's admin console for one kind of key: System API keys or Master User API keys. */
interface KeyConsole<N extends string, K extends KeyRecordBase & Record<N, boolean>> {
    path: string;
    /** "System API Key" or "Master User API Key", as Qwil's console names it. */
    kind: string;
    permissions: readonly KeyPermissionField<N>[];
    keys: (deps: SetupDependencies) => K[];
    type: (key: K) => string;
    actions: (key: K) => KeyAction[];
    create: (
        deps: SetupDependencies,
        key: { name: string; cidrBlocks: string[] } & Record<N, boolean>
    ) => { key: string; secret: string };
}

const ACTIONS: Record<KeyAction, { run: (deps: SetupDependencies, key: string) => void; done: string }> = {
    revoke: { run: (deps, key) => deps.qwil.revokeKey(key), done: 'revoked' },
    promote: { run: (deps, key) => deps.qwil.promoteToSuper(key), done: 'promoted' }
};

const SYSTEM_KEYS: KeyConsole<KeyPermission, ApiKeyRecord> = {
    path: SETUP_PATHS.apiKeys,
    kind: 'System API Key',
    permissions: KEY_PERMISSIONS,
    keys: (deps) => deps.qwil.snapshot().apiKeys,
    type: (key) => (key.isSuper ? 'Super' : 'System'),
    actions: (key) => (key.isSuper ? ['revoke'] : ['revoke', 'promote']),
    create: (deps, key) => deps.qwil.createSystemApiKey(key)
};

const MASTER_KEYS: KeyConsole<MasterKeyPermission, MasterKeyRecord> = {
    path: SETUP_PATHS.masterKeys,
    kind: 'Master User API Key',
    permissions: MASTER_KEY_PERMISSIONS,
    keys: (deps) => deps.qwil.snapshot().masterKeys,
    type: () => 'Master User',
    actions: () => ['revoke'],
    create: (deps, key) => deps.qwil.createMasterUserApiKey(key)
};

function keyRows<N extends string, K extends KeyRecordBase & Record<N, boolean>>(
    keyPage: KeyConsole<N, K>,
    deps: SetupDependencies
): ApiKeyRow[] {
    return keyPage.keys(deps).map((key) => ({
        name: key.name,
        key: key.key,
        permissions: keyPage.permissions
            .filter((permission) => key[permission.name])
            .map((permission) => permission.shortLabel),
        cidrBlocks: key.cidrBlocks,
        type: keyPage.type(key),
        actions: keyPage.actions(key),
        revoked: key.revoked,
        createdAt: key.createdAt
    }));
}

function formFields<N extends string>(
    permissions: readonly KeyPermissionField<N>[],
    input: FormInput,
    errors: ReadonlyMap<string, string>
): FormField[] {
    return [
        {
            name: 'name',
            label: 'Name',
            kind: 'text',
            value: input['name'] ?? '',
            required: true,
            maxLength: 200,
            help: 'What the key is for, for your reference.',
            error: errors.get('name') ?? null
        },
        {
            name: 'cidrBlocks',
            label: 'CIDR Blocks',
            kind: 'text',
            value: input['cidrBlocks'] ?? '',
            help: "The addresses allowed to use this key, separated by commas, such as 13.108.0.0/14. Optional, but recommended: use Salesforce's published ranges.",
            error: errors.get('cidrBlocks') ?? null
        },
        ...permissions.map((permission): FormField => ({
            name: permission.name,
            label: permission.label,
            kind: 'checkbox',
            value: '',
            checked: input[permission.name] === 'on'
        }))
    ];
}

/** The recommended flags checked, as a new key's form first shows them. */
function recommendedInput<N extends string>(permissions: readonly KeyPermissionField<N>[]): FormInput {
    return Object.fromEntries(
        permissions.filter((permission) => permission.recommended).map((permission) => [permission.name, 'on'])
    );
}

function renderList<N extends string, K extends KeyRecordBase & Record<N, boolean>>(
    keyPage: KeyConsole<N, K>,
    deps: SetupDependencies,
    setup: SetupRequest,
    input: FormInput,
    errors: ReadonlyMap<string, string>,
    notice: Notice | null
): string {
    return renderApiKeys({
        ...setup.chrome(`${keyPage.kind}s`),
        kind: keyPage.kind,
        path: keyPage.path,
        notice,
        keys: keyRows(keyPage, deps),
        form: {
            action: keyPage.path,
            submitLabel: 'Create',
            cancelHref: keyPage.path,
            fields: formFields(keyPage.permissions, input, errors)
        }
    });
}

async function handleKeyConsole<N extends string, K extends KeyRecordBase & Record<N, boolean>>(
    keyPage: KeyConsole<N, K>,
    deps: SetupDependencies,
    setup: SetupRequest
): Promise<boolean> {
    const { url, request, response } = setup;
    const recommended = recommendedInput(keyPage.permissions);
    if (url.pathname === keyPage.path && request.method === 'GET') {
        const done = url.searchParams.get('done');
        const notice =
            done === 'revoked' || done === 'promoted' ? { kind: 'success' as const, message: `Key ${done}.` } : null;
        sendHtml(response, 200, renderList(keyPage, deps, setup, recommended, new Map(), notice));
        return true;
    }
    if (url.pathname === keyPage.path && request.method === 'POST') {
        const input = await readForm(request);
        const result = validateApiKeyForm(input, keyPage.permissions);
        if (!result.ok) {
            sendHtml(response, 400, renderList(keyPage, deps, setup, input, result.errors, null));
            return true;
        }
        const { key, secret } = keyPage.create(deps, result.key);
        // Sent as the response to the POST, never as a redirect: the secret must not land in a URL or history.
        sendHtml(
            response,
            200,
            renderCreatedKey({
                ...setup.chrome(`${keyPage.kind} created`),
                kind: keyPage.kind,
                name: result.key.name,
                key,
                secret,
                doneHref: keyPage.path
            })
        );
        return true;
    }
    const action = url.pathname.startsWith(`${keyPage.path}/`) ? url.pathname.slice(keyPage.path.length + 1) : null;
    if (request.method !== 'POST' || !(action === 'revoke' || action === 'promote')) return false;
    const key = (await readForm(request))['key'] ?? '';
    try {
        ACTIONS[action].run(deps, key);
    } catch (error) {
        const message = `The key could not be ${ACTIONS[action].done}: ${error instanceof Error ? error.message : String(error)}.`;
        sendHtml(response, 400, renderList(keyPage, deps, setup, recommended, new Map(), { kind: 'error', message }));
        return true;
    }
    redirect(response, `${keyPage.path}?done=${ACTIONS[action].done}`);
    return true;
}

/**
 * Qwil admin console (mock Qwil) > API Keys: System API Keys (list, create with the key and secret
 * shown once, revoke, promote to Super) and Master User API Keys (list, create, revoke).
 */
export async function handleApiKeyRoutes(deps: SetupDependencies, setup: SetupRequest): Promise<boolean> {
    return (await handleKeyConsole(SYSTEM_KEYS, deps, setup)) || handleKeyConsole(MASTER_KEYS, deps, setup);
}
