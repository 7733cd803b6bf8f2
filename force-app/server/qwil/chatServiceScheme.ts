import type { NamedCredentials } from '../platform/context';
import { QWIL_CHAT_SERVICE_NAMED_CREDENTIAL, type ChatServiceScheme } from './qwilTransport';

/**
 * The org's choice, read from its setup rather than the settings record (whose fields the install guide
 * fixes): an admin who creates the optional named credential switches chat-service calls to the Master
 * User key; deleting it switches back to the System key.
 */
export function chatServiceSchemeOf(namedCredentials: NamedCredentials): ChatServiceScheme {
    return namedCredentials.exists(QWIL_CHAT_SERVICE_NAMED_CREDENTIAL) ? 'master-user-key' : 'system-key';
}
