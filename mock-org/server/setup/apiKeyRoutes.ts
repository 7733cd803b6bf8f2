import { renderApiKeys, renderCreatedKey, SETUP_PATHS, type ApiKeyRow, type FormField, type Notice } from '../../ui/pages/setup';
import { KEY_PERMISSIONS, validateApiKeyForm } from './apiKeyForm';
import type { SetupDependencies } from './setupDependencies';
import { redirect, sendHtml } from '../httpErrors';
import { readForm, type FormInput } from '../requestBody';
import type { SetupRequest } from './setupHttp';

const SHORT_LABELS: Record<(typeof KEY_PERMISSIONS)[number]['name'], string> = {
    canExportData: 'export data',
    canReadOnly: 'read-only',
    canWriteOnly: 'write-only',
    canDataReview: 'data reviewer'
};

/** The guide's recommendation: export unchecked; read-only, write-only and data reviewer checked. */
const RECOMMENDED_INPUT: FormInput = Object.fromEntries(KEY_PERMISSIONS.filter((permission) => permission.recommended).map((permission) => [permission.name, 'on']));

function keyRows(deps: SetupDependencies): ApiKeyRow[] {
    return deps.qwil.snapshot().apiKeys.map((key) => ({
        name: key.name,
        key: key.key,
        permissions: KEY_PERMISSIONS.filter((permission) => key[permission.name]).map((permission) => SHORT_LABELS[permission.name]),
        cidrBlocks: key.cidrBlocks,
        isSuper: key.isSuper,
        revoked: key.revoked,
        createdAt: key.createdAt
    }));
}

function formFields(input: FormInput, errors: ReadonlyMap<string, string>): FormField[] {
    return [
        { name: 'name', label: 'Name', kind: 'text', value: input['name'] ?? '', required: true, maxLength: 200, help: 'What the key is for, for your reference.', error: errors.get('name') ?? null },
        {
            name: 'cidrBlocks',
            label: 'CIDR Blocks',
            kind: 'text',
            value: input['cidrBlocks'] ?? '',
            help: "The addresses allowed to use this key, separated by commas, such as 13.108.0.0/14. Optional, but recommended: use Salesforce's published ranges.",
            error: errors.get('cidrBlocks') ?? null
        },
        ...KEY_PERMISSIONS.map((permission): FormField => ({ name: permission.name, label: permission.label, kind: 'checkbox', value: '', checked: input[permission.name] === 'on' }))
    ];
}

function renderList(deps: SetupDependencies, setup: SetupRequest, input: FormInput, errors: ReadonlyMap<string, string>, notice: Notice | null): string {
    return renderApiKeys({
        ...setup.chrome('System API Keys'),
        notice,
        keys: keyRows(deps),
        form: { action: SETUP_PATHS.apiKeys, submitLabel: 'Create', cancelHref: SETUP_PATHS.apiKeys, fields: formFields(input, errors) }
    });
}

const KEY_ACTIONS = {
    revoke: { run: (deps: SetupDependencies, key: string) => deps.qwil.revokeKey(key), done: 'revoked' },
    promote: { run: (deps: SetupDependencies, key: string) => deps.qwil.promoteToSuper(key), done: 'promoted' }
} as const;

/** Qwil admin console (mock Qwil) > API Keys > System API Keys: list, create (key and secret shown once), revoke, promote to Super. */
export async function handleApiKeyRoutes(deps: SetupDependencies, setup: SetupRequest): Promise<boolean> {
    const { url, request, response } = setup;
    if (url.pathname === SETUP_PATHS.apiKeys && request.method === 'GET') {
        const done = url.searchParams.get('done');
        const notice = done === 'revoked' || done === 'promoted' ? { kind: 'success' as const, message: `Key ${done}.` } : null;
        sendHtml(response, 200, renderList(deps, setup, RECOMMENDED_INPUT, new Map(), notice));
        return true;
    }
    if (url.pathname === SETUP_PATHS.apiKeys && request.method === 'POST') {
        const input = await readForm(request);
        const result = validateApiKeyForm(input);
        if (!result.ok) {
            sendHtml(response, 400, renderList(deps, setup, input, result.errors, null));
            return true;
        }
        const { key, secret } = deps.qwil.createSystemApiKey(result.key);
        // Sent as the response to the POST, never as a redirect: the secret must not land in a URL or history.
        sendHtml(response, 200, renderCreatedKey({ ...setup.chrome('System API Key created'), name: result.key.name, key, secret, doneHref: SETUP_PATHS.apiKeys }));
        return true;
    }
    const action = /^\/setup\/qwil-admin\/system-api-keys\/(revoke|promote)$/.exec(url.pathname)?.[1] as keyof typeof KEY_ACTIONS | undefined;
    if (!action || request.method !== 'POST') return false;
    const key = (await readForm(request))['key'] ?? '';
    try {
        KEY_ACTIONS[action].run(deps, key);
    } catch (error) {
        const message = `The key could not be ${KEY_ACTIONS[action].done}: ${error instanceof Error ? error.message : String(error)}.`;
        sendHtml(response, 400, renderList(deps, setup, RECOMMENDED_INPUT, new Map(), { kind: 'error', message }));
        return true;
    }
    redirect(response, `${SETUP_PATHS.apiKeys}?done=${KEY_ACTIONS[action].done}`);
    return true;
}
