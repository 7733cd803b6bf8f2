import { QWIL_NAMED_CREDENTIAL } from '../../../force-app/server/qwil/qwilTransport';
import type { CredentialPrincipal } from '../../platform/callouts/credentialStore';
import type { LegacyNamedCredentialSource } from '../../platform/metadata/namedCredentialWriter';

/** The guide's step 3: the connector calls `callout:Qwil_Messenger_Salesforce_Connector`, so both must match exactly. */
export const QWIL_CREDENTIAL_LABEL = 'Qwil Messenger Salesforce Connector';
export const QWIL_CREDENTIAL_NAME = QWIL_NAMED_CREDENTIAL;
export const IDENTITY_TYPES = ['Anonymous', 'Per User', 'Named Principal'] as const;

const QWIL_URL = /^https:\/\/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.qwil\.io\/?$/;

/** The region of a Qwil URL `https://<region>.qwil.io`, or null for any other URL. */
export function regionOfQwilUrl(url: string): string | null {
    return QWIL_URL.exec(url.trim())?.[1] ?? null;
}

export type NamedCredentialFormInput = Readonly<Record<string, string | undefined>>;

export type NamedCredentialFormResult =
    | { readonly ok: true; readonly definition: LegacyNamedCredentialSource; readonly principal: CredentialPrincipal }
    | { readonly ok: false; readonly errors: ReadonlyMap<string, string> };

const checked = (value: string | undefined) => value === 'on' || value === 'true';

/**
 * Validates Setup > Named Credentials > Qwil Messenger Salesforce Connector. The password is
 * write-only: left blank, the stored one is kept; there is none to keep on a first save.
 */
export function validateNamedCredentialForm(
    input: NamedCredentialFormInput,
    storedPrincipal: CredentialPrincipal | undefined
): NamedCredentialFormResult {
    const errors = new Map<string, string>();
    const label = input['label']?.trim() ?? '';
    const name = input['name']?.trim() ?? '';
    const url = input['url']?.trim() ?? '';
    const username = input['username']?.trim() ?? '';
    const password = input['password'] ?? '';
    if (label !== QWIL_CREDENTIAL_LABEL) {
        errors.set(
            'label',
            `Label must be exactly "${QWIL_CREDENTIAL_LABEL}" for the connector to work${label === '' ? '.' : `, not "${label}".`}`
        );
    }
    if (name !== QWIL_CREDENTIAL_NAME) {
        errors.set(
            'name',
            `Name must be exactly ${QWIL_CREDENTIAL_NAME}: the connector calls callout:${QWIL_CREDENTIAL_NAME}${name === '' ? '.' : `, not ${name}.`}`
        );
    }
    if (regionOfQwilUrl(url) === null)
        errors.set(
            'url',
            "URL must be https://<region>.qwil.io, for example https://eu.qwil.io (your region is on the Billing tab of Qwil's admin settings)."
        );
    if (input['identityType'] !== 'Named Principal')
        errors.set(
            'identityType',
            'Identity Type must be Named Principal: every user calls Qwil with the one System API key.'
        );
    if (username === '') errors.set('username', 'Username is required: paste the System API Key from step 2.');
    if (password === '' && !storedPrincipal)
        errors.set('password', 'Password is required: paste the System API Key Secret from step 2.');
    if (!checked(input['generateAuthorizationHeader']))
        errors.set('generateAuthorizationHeader', 'Generate Authorization Header must be checked.');
    if (!checked(input['allowMergeFieldsInHeader'])) {
        errors.set(
            'allowMergeFieldsInHeader',
            'Allow Merge Fields in HTTP Header must be checked: the connector sends the key and secret as header merge fields.'
        );
    }
    if (errors.size > 0) return { ok: false, errors };
    return {
        ok: true,
        definition: {
            name,
            label,
            endpoint: url.replace(/\/$/, ''),
            generateAuthorizationHeader: true,
            allowMergeFieldsInHeader: true,
            allowMergeFieldsInBody: checked(input['allowMergeFieldsInBody'])
        },
        principal: { username, password: password === '' ? (storedPrincipal?.password ?? '') : password }
    };
}
