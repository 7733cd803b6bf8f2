import { z } from 'zod';
import type { ExportAvailability, ExportChatResult } from '../contracts/QwilChatsController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { QwilApiError } from '../qwil/qwilTransport';
import type { Chat } from '../qwil/schemas';
import { openVisibleChat } from './chatsAccess';
import { readCached, writeCached } from './chatsCache';
import { lookUpPeople } from './chatsPeople';
import type { ConnectorSession } from './connectorSession';
import { hiddenClientsPhrase } from './memberVisibility';

/**
 * How long a check of the export permission is trusted: once an administrator turns exports off in
 * Qwil, the buttons disappear from a chat opened this much later at most.
 */
export const EXPORT_CHECK_SECONDS = 30;
/** Platform Cache keeps a value at least 300 s, so freshness is decided from the time stored with it. */
const CACHE_TTL_SECONDS = 300;
const FILE_TITLE_MAX_LENGTH = 100;

export const EXPORTS_OFF =
    'Downloads of chats are turned off by your Qwil administrator. Ask them if you need a transcript or the attachments.';
const EXPORTS_OFF_DETAIL =
    'Qwil answered the export check with code QX010: the System API key lacks Qwil\'s "can export data" permission. To fix it: grant that permission to the key in Qwil, if chats should be downloaded here';
export const EXPORTS_UNCONFIRMED =
    'Qwil Messenger could not confirm that chats may be downloaded, so downloads are not offered. Open the chat again to check again.';

const Permission = z.enum(['allowed', 'off', 'unconfirmed']);
type Permission = z.infer<typeof Permission>;
const StoredCheck = z.object({ checkedAtMs: z.number(), permission: Permission });

function cacheParts(session: ConnectorSession): string[] {
    return ['export', session.organisation?.entityUuid ?? 'system-key'];
}

function remember(context: ApexContext, session: ConnectorSession, permission: Permission, checkedAtMs: number): void {
    writeCached(context, 'qwilexport', cacheParts(session), { checkedAtMs, permission }, CACHE_TTL_SECONDS);
}

/** QX010: the key lacks the permission. QX001: it passed the permission check and only the chat is missing. */
async function askQwil(session: ConnectorSession): Promise<Permission> {
    try {
        await session.qwil.chats.probeTranscriptExport();
        return 'unconfirmed';
    } catch (error) {
        const code = error instanceof QwilApiError ? error.errorCode : null;
        return code === 'QX010' ? 'off' : code === 'QX001' ? 'allowed' : 'unconfirmed';
    }
}

async function exportPermission(context: ApexContext, session: ConnectorSession): Promise<Permission> {
    const stored = readCached(context, 'qwilexport', cacheParts(session), StoredCheck);
    const ageMs = stored ? Date.now() - stored.checkedAtMs : -1;
    if (stored && ageMs >= 0 && ageMs < EXPORT_CHECK_SECONDS * 1000) return stored.permission;
    const askedAtMs = Date.now();
    const permission = await askQwil(session);
    remember(context, session, permission, askedAtMs);
    return permission;
}

/** In staff words; Qwil's code and the fix only for users who may configure the connector. */
function availabilityOf(context: ApexContext, permission: Permission): ExportAvailability {
    if (permission === 'allowed') return { allowed: true, reason: null };
    if (permission === 'unconfirmed') return { allowed: false, reason: EXPORTS_UNCONFIRMED };
    const administrator = context.userInfo.hasUserPermission('CustomizeApplication');
    return {
        allowed: false,
        reason: administrator ? `${EXPORTS_OFF} Detail for administrators: ${EXPORTS_OFF_DETAIL}.` : EXPORTS_OFF
    };
}

/** Whether chats may be downloaded, from Qwil's answer to an empty export request at most 30 s old. */
export async function exportAvailability(context: ApexContext, session: ConnectorSession): Promise<ExportAvailability> {
    return availabilityOf(context, await exportPermission(context, session));
}

/**
 * `<chat title> – <date>.<pdf|zip>`: the title with the characters file systems refuse replaced, and the
 * date (UTC) of the newest message, so downloads of an unchanged chat get the same name; today's date
 * for a chat without messages.
 */
export function exportFileName(chat: Pick<Chat, 'title' | 'last_message_at'>, format: 'pdf' | 'zip'): string {
    const title =
        chat.title
            .replace(/[\\/:*?"<>|\x00-\x1f\x7f]+/g, ' ')
            .replace(/\s+/g, ' ')
            .replace(/^[\s.]+|[\s.]+$/g, '')
            .slice(0, FILE_TITLE_MAX_LENGTH)
            .trim() || 'Chat';
    const date = (chat.last_message_at ?? new Date().toISOString()).slice(0, 10);
    return `${title} – ${date}.${format}`;
}

/** Qwil's transcript names every participant, so a chat with a client the user cannot read is not exported (the boundary rule). */
async function requireNoHiddenParticipants(
    context: ApexContext,
    session: ConnectorSession,
    chatUuid: string
): Promise<Chat> {
    const { client, chat } = await openVisibleChat(context, session, chatUuid);
    const people = await lookUpPeople(
        context,
        session,
        [client],
        chat.participants.map((p) => p.entity_user_xref_uuid)
    );
    const hidden = [...people.values()].filter((person) => person.hidden).length;
    if (hidden > 0) {
        throw new AuraHandledException(
            `This chat includes ${hiddenClientsPhrase(hidden)}, and Qwil's export would name them, so it cannot be exported here. Ask the owner of those client records, or your administrator, for the export.`
        );
    }
    return chat;
}

/**
 * A chat the user may see, exported as Qwil renders it. When downloads are off (known before, or Qwil
 * refusing the download itself with QX010), no file and the reason, so the page can stop offering them.
 */
export async function exportChat(
    context: ApexContext,
    session: ConnectorSession,
    chatUuid: string,
    format: 'pdf' | 'zip'
): Promise<ExportChatResult> {
    const chat = await requireNoHiddenParticipants(context, session, chatUuid);
    const availability = await exportAvailability(context, session);
    if (!availability.allowed) return { file: null, exportAvailability: availability };
    try {
        const file = await session.qwil.chats.exportChat(chatUuid, format);
        return {
            file: {
                fileName: exportFileName(chat, format),
                contentType: file.contentType,
                base64: Buffer.from(file.bytes).toString('base64')
            },
            exportAvailability: availability
        };
    } catch (error) {
        if (!(error instanceof QwilApiError && error.errorCode === 'QX010')) throw error;
        remember(context, session, 'off', Date.now());
        return { file: null, exportAvailability: availabilityOf(context, 'off') };
    }
}
