import {
    ChatListResponse,
    ChatRef,
    EntityExportQuery,
    EntityExportResponse,
    SystemChatListQuery,
    TenancyListResponse,
    TenancyLookupQuery
} from '../../../force-app/server/qwil/schemas';
import { renderPdf } from '../exports/pdf';
import { transcriptLines } from '../exports/transcript';
import { renderZip } from '../exports/zip';
import { systemEndpoint, json } from '../http/endpoint';
import { membershipsOf, requireChat } from '../model/lookups';
import { toChat, toGroup, toMembership } from '../model/views';
import { listChatsOf } from '../operations/chats';
import { tenanciesOf } from '../operations/tenancies';

interface ExportFile {
    fileName: string;
    contentType: string;
    bytes: Uint8Array<ArrayBuffer>;
}

function fileResponse(file: ExportFile): Response {
    return new Response(file.bytes, {
        status: 200,
        headers: {
            'Content-Type': file.contentType,
            'Content-Disposition': `attachment; filename="${file.fileName}"`
        }
    });
}

/** Chat review (data reviewer), chat and organisation exports (export data), and the cross-organisation tenancy lookup. */
export const reviewEndpoints = [
    systemEndpoint({
        method: 'get',
        path: 'chats/list',
        permission: 'canDataReview',
        input: SystemChatListQuery,
        handle: (context, query) => {
            const page = listChatsOf(context, query);
            return { chats: page.items.map(toChat), next_cursor: page.next_cursor };
        },
        respond: json(ChatListResponse)
    }),
    systemEndpoint({
        method: 'get',
        path: 'chats/export/pdf',
        permission: 'canExportData',
        input: ChatRef,
        handle: ({ state, entityUuid }, query): ExportFile => {
            const chat = requireChat(state, entityUuid, query.chat_uuid);
            return {
                fileName: `chat-${chat.chat_uuid}.pdf`,
                contentType: 'application/pdf',
                bytes: renderPdf(transcriptLines(state, chat))
            };
        },
        respond: fileResponse
    }),
    systemEndpoint({
        method: 'get',
        path: 'chats/export/zip',
        permission: 'canExportData',
        input: ChatRef,
        handle: ({ state, entityUuid }, query): ExportFile => {
            const chat = requireChat(state, entityUuid, query.chat_uuid);
            const attachments = chat.messages.flatMap((m) =>
                m.attachments.map((a) => ({
                    name: `attachments/${m.seq}-${a.file_name}`,
                    content: new TextEncoder().encode(
                        `Placeholder for ${a.file_name} (${a.content_type}, ${a.size_bytes} bytes)\n`
                    )
                }))
            );
            const transcript = {
                name: 'transcript.txt',
                content: new TextEncoder().encode(`${transcriptLines(state, chat).join('\n')}\n`)
            };
            return {
                fileName: `chat-${chat.chat_uuid}.zip`,
                contentType: 'application/zip',
                bytes: renderZip([transcript, ...attachments])
            };
        },
        respond: fileResponse
    }),
    systemEndpoint({
        method: 'get',
        path: 'export/entities',
        permission: 'canExportData',
        input: EntityExportQuery,
        handle: ({ state, caller }) => {
            const { entity_uuid, name, region } = caller.organisation;
            return {
                entity: { entity_uuid, name, region },
                entity_memberships: membershipsOf(state, entity_uuid).map(toMembership),
                groups: state.groups
                    .filter((g) => g.entity_uuid === entity_uuid)
                    .map((g) => ({ ...toGroup(state)(g), entity_user_xref_uuids: [...g.member_xref_uuids] }))
            };
        },
        respond: json(EntityExportResponse)
    }),
    systemEndpoint({
        method: 'get',
        path: 'sdk/entity-memberships',
        permission: 'canReadOnly',
        input: TenancyLookupQuery,
        crossOrganisation: true,
        handle: ({ state, caller }, query) => {
            const page = tenanciesOf(state, caller.reachable, query);
            return { entity_memberships: page.items, next_cursor: page.next_cursor };
        },
        respond: json(TenancyListResponse)
    })
];
