import { loadNamedCredentials, type NamedCredentialDefinition } from '../../platform/metadata/namedCredentials';
import { writeLegacyNamedCredential } from '../../platform/metadata/namedCredentialWriter';
import { renderFormPage, SETUP_PATHS, type FormField } from '../../ui/pages/setup';
import {
    IDENTITY_TYPES,
    QWIL_CREDENTIAL_LABEL,
    QWIL_CREDENTIAL_NAME,
    validateNamedCredentialForm
} from './namedCredentialForm';
import type { SetupDependencies } from './setupDependencies';
import { redirect, sendHtml } from '../httpErrors';
import { readForm, type FormInput } from '../requestBody';
import type { SetupRequest } from './setupHttp';

const HEADING = 'Named Credential: Qwil Messenger Salesforce Connector';

/** The saved definition and username as form input; the password never is. */
function storedInput(deps: SetupDependencies): FormInput {
    const definition: NamedCredentialDefinition | undefined = loadNamedCredentials(deps.packageDir).get(
        QWIL_CREDENTIAL_NAME
    );
    const principal = deps.credentials.get(QWIL_CREDENTIAL_NAME);
    const on = (value: boolean | undefined, fallback: boolean) => ((value ?? fallback) ? 'on' : undefined);
    return {
        label: definition?.label ?? QWIL_CREDENTIAL_LABEL,
        name: QWIL_CREDENTIAL_NAME,
        url: definition?.endpoint ?? '',
        identityType: 'Named Principal',
        username: principal?.username ?? '',
        generateAuthorizationHeader: on(definition?.generateAuthorizationHeader, true),
        allowMergeFieldsInHeader: on(definition?.allowMergeFieldsInHeader, true),
        allowMergeFieldsInBody: on(definition?.allowMergeFieldsInBody, false)
    };
}

function formFields(input: FormInput, errors: ReadonlyMap<string, string>, hasStoredPassword: boolean): FormField[] {
    const field = (
        name: string,
        label: string,
        kind: FormField['kind'],
        help: string | null,
        extra: Partial<FormField> = {}
    ): FormField => ({
        name,
        label,
        kind,
        value: kind === 'password' ? '' : (input[name] ?? ''),
        checked: input[name] === 'on',
        help,
        error: errors.get(name) ?? null,
        ...extra
    });
    return [
        field('label', 'Label', 'text', `Must be exactly: ${QWIL_CREDENTIAL_LABEL}`, { required: true }),
        field('name', 'Name', 'text', `Must be exactly: ${QWIL_CREDENTIAL_NAME}`, { required: true }),
        field(
            'url',
            'URL',
            'text',
            "https://<region>.qwil.io, where region is where your Qwil organisation is hosted (shown at the bottom of the Billing tab of Qwil's admin settings).",
            { required: true }
        ),
        field(
            'identityType',
            'Identity Type',
            'select',
            'Named Principal: every user calls Qwil with the one System API key.',
            { options: IDENTITY_TYPES, required: true }
        ),
        field('username', 'Username', 'text', 'The System API Key from step 2.', { required: true }),
        field(
            'password',
            'Password',
            'password',
            hasStoredPassword
                ? 'A password is stored. It is never shown; leave this blank to keep it, or enter the new System API Key Secret.'
                : 'The System API Key Secret from step 2.',
            { required: !hasStoredPassword }
        ),
        field('generateAuthorizationHeader', 'Generate Authorization Header', 'checkbox', null),
        field('allowMergeFieldsInHeader', 'Allow Merge Fields in HTTP Header', 'checkbox', null),
        field('allowMergeFieldsInBody', 'Allow Merge Fields in HTTP Body', 'checkbox', null)
    ];
}

function render(
    deps: SetupDependencies,
    setup: SetupRequest,
    input: FormInput,
    errors: ReadonlyMap<string, string>,
    saved: boolean
): string {
    return renderFormPage({
        ...setup.chrome('Named Credentials'),
        notice: saved
            ? {
                  kind: 'success',
                  message:
                      "Saved. The key and secret are stored in the org's credential store; the definition is in force-app."
              }
            : null,
        heading: HEADING,
        meta: 'Setup > Named Credentials',
        intro: 'Store the System API key and secret from step 2 for the connector (guide, step 3). Changes apply to the connector’s next callout.',
        form: {
            action: SETUP_PATHS.namedCredential,
            submitLabel: 'Save',
            cancelHref: SETUP_PATHS.home,
            fields: formFields(input, errors, deps.credentials.get(QWIL_CREDENTIAL_NAME) !== undefined)
        }
    });
}

/**
 * Setup > Named Credentials. Save writes the definition to `namedCredentials/` in source (no
 * username or password) and the principal to the org's local credential store.
 */
export async function handleNamedCredentialRoutes(deps: SetupDependencies, setup: SetupRequest): Promise<boolean> {
    const { url, request, response } = setup;
    if (url.pathname !== SETUP_PATHS.namedCredential) return false;
    if (request.method === 'GET') {
        sendHtml(response, 200, render(deps, setup, storedInput(deps), new Map(), url.searchParams.has('saved')));
        return true;
    }
    if (request.method !== 'POST') return false;
    const input = await readForm(request);
    const result = validateNamedCredentialForm(input, deps.credentials.get(QWIL_CREDENTIAL_NAME));
    if (!result.ok) {
        sendHtml(response, 400, render(deps, setup, input, result.errors, false));
        return true;
    }
    writeLegacyNamedCredential(deps.packageDir, result.definition);
    deps.org.reloadNamedCredentials();
    deps.credentials.set(result.definition.name, result.principal);
    redirect(response, `${SETUP_PATHS.namedCredential}?saved`);
    return true;
}
