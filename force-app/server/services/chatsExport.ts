import { ExportAvailability, type ChatExportFile } from '../contracts/QwilChatsController';
import type { ApexContext } from '../platform/context';
import { AuraHandledException } from '../platform/exceptions';
import { QwilApiError } from '../qwil/qwilTransport';
import { openVisibleChat } from './chatsAccess';
import { readCached, writeCached } from './chatsCache';
import { lookUpPeople } from './chatsPeople';
import type { ConnectorSession } from './connectorSession';
import { hiddenClientsPhrase } from './memberVisibility';

const PROBE_TTL_SECONDS = 300;

const EXPORT_OFF_REASON =
    'Exports are off: the System API key Qwil Messenger uses does not have Qwil\'s "can export data" permission, as Qwil\'s installation guide recommends. An administrator can grant it in Qwil if transcripts must be downloaded here.';
const EXPORT_UNKNOWN_REASON =
    'Qwil Messenger could not confirm that the System API key may export chats, so exports are not offered. Reopen the tab to check again.';

/** Whether the key may export chats, from Qwil's answer to an empty export request, cached for a few minutes. */
export async function exportAvailability(context: ApexContext, session: ConnectorSession): Promise<ExportAvailability> {
    const parts = ['export', session.organisation?.entityUuid ?? 'system-key'];
    const cached = readCached(context, 'qwilexport', parts, ExportAvailability);
    if (cached) return cached;
    let availability: ExportAvailability;
    try {
        await session.qwil.chats.probeTranscriptExport();
        availability = { allowed: false, reason: EXPORT_UNKNOWN_REASON };
    } catch (error) {
        const code = error instanceof QwilApiError ? error.errorCode : null;
        // QX010: the key lacks the permission. QX001: it passed the permission check and only the chat is missing.
        availability =
            code === 'QX010'
                ? { allowed: false, reason: EXPORT_OFF_REASON }
                : code === 'QX001'
                  ? { allowed: true, reason: null }
                  : { allowed: false, reason: EXPORT_UNKNOWN_REASON };
    }
    writeCached(context, 'qwilexport', parts, availability, PROBE_TTL_SECONDS);
    return availability;
}

/** Qwil's transcript names every participant, so a chat with a client the user cannot read is not exported (the boundary rule). */
async function requireNoHiddenParticipants(
    context: ApexContext,
    session: ConnectorSession,
    chatUuid: string
): Promise<void> {
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
}

/** A chat the user may see, exported as Qwil renders it; refused with the reason when exports are off. */
export async function exportChat(
    context: ApexContext,
    session: ConnectorSession,
    chatUuid: string,
    format: 'pdf' | 'zip'
): Promise<ChatExportFile> {
    await requireNoHiddenParticipants(context, session, chatUuid);
    const availability = await exportAvailability(context, session);
    if (!availability.allowed) throw new AuraHandledException(availability.reason ?? EXPORT_UNKNOWN_REASON);
    const file = await session.qwil.chats.exportChat(chatUuid, format);
    return {
        fileName: file.fileName,
        contentType: file.contentType,
        base64: Buffer.from(file.bytes).toString('base64')
    };
}
