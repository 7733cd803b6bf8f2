import { chatServiceSchemeOf } from '../../../../force-app/server/qwil/chatServiceScheme';
import {
    QWIL_CHAT_SERVICE_NAMED_CREDENTIAL,
    QWIL_NAMED_CREDENTIAL
} from '../../../../force-app/server/qwil/qwilTransport';
import type { NamedCredentialDefinition } from '../../../platform/metadata/namedCredentials';
import { regionOfQwilUrl } from '../namedCredentialForm';
import type { Definitions } from './credentialChecks';
import {
    fail,
    pass,
    warn,
    WHERE_SETTINGS,
    type CheckResult,
    type SettingsState
} from '../../../../force-app/server/health/checkResult';
import type { HealthCheckEnvironment } from './healthTypes';

const ID = 'chat-service-scheme';
const TITLE =
    "Chat-service authentication: which Qwil key chat calls use, and why (a Master key's flags inspected on the mock Qwil)";
const WHERE_CHAT_CREDENTIAL = 'Setup > Named Credentials > Qwil Messenger Chat Service';
const WHERE_MASTER_KEYS = 'the Qwil admin console > API Keys > Master User API Keys';

function problemsOf(
    chat: NamedCredentialDefinition,
    system: NamedCredentialDefinition | undefined,
    hasSecret: boolean
): string[] {
    return [
        ...(regionOfQwilUrl(chat.endpoint) === null
            ? [`its URL ${chat.endpoint} is not https://<region>.qwil.io`]
            : []),
        ...(system && regionOfQwilUrl(chat.endpoint) !== null && chat.endpoint !== system.endpoint
            ? [`its URL ${chat.endpoint} differs from ${QWIL_NAMED_CREDENTIAL}'s ${system.endpoint}`]
            : []),
        ...(chat.allowMergeFieldsInHeader
            ? []
            : ['Allow Merge Fields in HTTP Header is off, so the key and secret headers are sent as literal text']),
        ...(chat.authentication === 'password'
            ? []
            : ['it has no password authentication (Identity Type Named Principal with Username and Password)']),
        ...(hasSecret ? [] : ['no Username (Master User API key) and Password (its secret) are stored'])
    ];
}

/** Inspects the MOCK Qwil's record of the Master key: real Qwil exposes no API for a key's flags. */
function masterKeyFindings(env: HealthCheckEnvironment, key: string): { problems: string[]; unneeded: string[] } {
    const record = env.qwil.snapshot().masterKeys.find((candidate) => candidate.key === key);
    if (!record) return { problems: [`Qwil has no Master User API key ${key}`], unneeded: [] };
    return {
        problems: [
            ...(record.revoked ? [`the Master User API key "${record.name}" is revoked`] : []),
            ...(record.canReadChat
                ? []
                : [
                      `the Master User API key "${record.name}" lacks read-only chat, which listing and reading chats needs`
                  ]),
            ...(record.canWriteChat
                ? []
                : [
                      `the Master User API key "${record.name}" lacks write-only chat, which starting chats and sending messages needs`
                  ])
        ],
        unneeded: [
            ...(record.canExportData ? ['export data'] : []),
            ...(record.canReadContacts ? ['read-only contacts'] : [])
        ]
    };
}

/**
 * Says which scheme chat-service calls use, decided as the connector decides it: by whether the org has
 * the optional named credential. When it does, the connector uses it, so a broken one fails the check.
 */
export function chatServiceSchemeCheck(
    env: HealthCheckEnvironment,
    definitions: Definitions,
    state: SettingsState
): CheckResult {
    if (!definitions.ok)
        return fail(ID, TITLE, definitions.problem, 'Correct the named credentials in Setup > Named Credentials.');
    const all = definitions.all;
    if (chatServiceSchemeOf({ exists: (name) => all.has(name) }) === 'system-key') {
        return pass(
            ID,
            TITLE,
            `System API key (${QWIL_NAMED_CREDENTIAL}) with on-behalf-of the staff member, because the org has no named credential ${QWIL_CHAT_SERVICE_NAMED_CREDENTIAL}. ` +
                `Qwil documents chat-service for Master User API keys; the System key there is the connector's assumption. Create ${QWIL_CHAT_SERVICE_NAMED_CREDENTIAL} to use a Master User key.`
        );
    }
    const chat = all.get(QWIL_CHAT_SERVICE_NAMED_CREDENTIAL) as NamedCredentialDefinition;
    const principal = env.credentials.get(QWIL_CHAT_SERVICE_NAMED_CREDENTIAL);
    const key = principal ? masterKeyFindings(env, principal.username) : { problems: [], unneeded: [] };
    const problems = [...problemsOf(chat, all.get(QWIL_NAMED_CREDENTIAL), principal !== undefined), ...key.problems];
    const because = `because the org has the named credential ${QWIL_CHAT_SERVICE_NAMED_CREDENTIAL}`;
    if (problems.length > 0) {
        return fail(
            ID,
            TITLE,
            `Chat calls use the Master User API key ${because}, but: ${problems.join('; ')}.`,
            `Correct it in ${WHERE_CHAT_CREDENTIAL} (same URL as ${QWIL_NAMED_CREDENTIAL}, Username a Master User API key from ${WHERE_MASTER_KEYS} with read-only and write-only chat, Password its secret), or delete it to use the System key again.`
        );
    }
    const detail = `Master User API key ${principal?.username ?? ''} (${chat.endpoint}) with X-MASTER-USER-API-KEY headers and on-behalf-of the staff member, as Qwil documents chat-service, ${because}. System API calls keep ${QWIL_NAMED_CREDENTIAL}.`;
    const warnings = [
        ...(state.ok && state.settings.usingSuperApiKey
            ? [
                  `A Master User key belongs to one Qwil organisation, but Using Super API Key is checked: chats in the other organisations are refused (delete ${QWIL_CHAT_SERVICE_NAMED_CREDENTIAL} or uncheck Using Super API Key in ${WHERE_SETTINGS}).`
              ]
            : []),
        ...(chat.generateAuthorizationHeader
            ? [
                  `Generate Authorization Header is on, so the key's secret also travels in a Basic header (uncheck it in ${WHERE_CHAT_CREDENTIAL}).`
              ]
            : []),
        ...(key.unneeded.length > 0
            ? [
                  `The key can ${key.unneeded.join(' and ')}, which the connector never needs (create one with only read-only and write-only chat in ${WHERE_MASTER_KEYS}).`
              ]
            : [])
    ];
    return warnings.length > 0
        ? warn(ID, TITLE, `${detail} ${warnings.join(' ')}`, warnings.join(' '))
        : pass(ID, TITLE, detail);
}
