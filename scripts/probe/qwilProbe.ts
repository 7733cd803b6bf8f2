import { z } from 'zod';
import {
    ChatListResponse,
    GroupListResponse,
    GroupMembersResponse,
    MembershipListResponse,
    MembershipLookupResponse,
    MessageRangeResponse,
    PAGE_LIMIT_MAX,
    QwilErrorBody,
    TenancyListResponse
} from '../../force-app/server/qwil/schemas';
import { QWIL_CALLS, requireDeclared, type QwilCallName } from '../../force-app/server/qwil/qwilCalls';
import { encodeQueryValue, SERVICE_PATHS } from '../../force-app/server/qwil/qwilTransport';

/** The connector asks for Qwil's largest page; the probe asks for the same. */
const PAGE_LIMIT = String(PAGE_LIMIT_MAX);

/** The System API key behind the named credential. */
export interface ProbeCredentials {
    readonly key: string;
    readonly secret: string;
}

export interface ProbeOptions {
    /** `https://<region>.qwil.io`, or a local stand-in's base URL. */
    readonly baseUrl: string;
    readonly credentials: ProbeCredentials;
    /** A Master User API key for chat-service (the optional second named credential); the System key otherwise. */
    readonly masterCredentials?: ProbeCredentials;
    /** A staff member's primary email: enables the lookups and the tenancy list by email. */
    readonly staffEmail?: string;
    readonly fetch?: typeof fetch;
}

export type Verdict = 'confirms' | 'refutes' | 'cannot tell';

export interface Finding {
    readonly verdict: Verdict;
    readonly assumption: string;
}

export interface ProbeResult {
    /** The call's name in the connector's declaration of Qwil calls (QWIL_CALLS). */
    readonly call: QwilCallName;
    readonly method: 'GET';
    /** Path and query as sent, relative to the base URL. */
    readonly path: string;
    /** 0 when Qwil could not be reached. */
    readonly status: number;
    readonly errorCode: string | null;
    /** Whether the answer parses with the connector's schema; the first problem when it does not. */
    readonly parses: { readonly ok: true } | { readonly ok: false; readonly problem: string };
    readonly findings: readonly Finding[];
}

interface Answer {
    readonly status: number;
    readonly json: unknown;
}

/** The connector's roles and statuses: what it filters on. */
const ROLES = new Set(['system_admin', 'user_admin', 'staff', 'client']);
const STATUSES = new Set(['pending', 'active', 'suspended', 'deactivated']);
/** A value no Qwil identifier has: the lookup must answer "not found". */
const UNKNOWN_IDENTIFIER = 'qwil-connector-probe-no-such-identifier';

const finding = (verdict: Verdict, assumption: string): Finding => ({ verdict, assumption });
const holds = (condition: boolean, assumption: string): Finding =>
    finding(condition ? 'confirms' : 'refutes', assumption);

function record(value: unknown): Record<string, unknown> | null {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null;
}

function list(value: unknown, field: string): Record<string, unknown>[] {
    const items = record(value)?.[field];
    return Array.isArray(items)
        ? items.map(record).filter((item): item is Record<string, unknown> => item !== null)
        : [];
}

function text(value: unknown): string | null {
    return typeof value === 'string' && value !== '' ? value : null;
}

function errorCodeOf(answer: Answer): string | null {
    return answer.status >= 200 && answer.status < 300 ? null : text(record(answer.json)?.['error_code']);
}

function parsesWith(schema: z.ZodType, answer: Answer): ProbeResult['parses'] {
    const target = answer.status >= 200 && answer.status < 300 ? schema : QwilErrorBody;
    const parsed = target.safeParse(answer.json);
    if (parsed.success) return { ok: true };
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
}

/** Findings every call shares: the key is accepted, and an error answer names its code. */
function commonFindings(answer: Answer, keyUsed: string): Finding[] {
    if (answer.status === 0) return [finding('cannot tell', 'Qwil answers at this URL')];
    const code = errorCodeOf(answer);
    const keyRefused = code === 'RU001' || code === 'RU002';
    const findings = [holds(!keyRefused, `${keyUsed} is accepted`)];
    if (answer.status >= 300) findings.push(holds(code !== null, 'an error answer carries error_code'));
    return findings;
}

/** `fallback` says what the connector does when the field is missing, if it copes. */
function shapeFindings(items: readonly Record<string, unknown>[], where: string, fallback = ''): Finding[] {
    if (items.length === 0) return [finding('cannot tell', `${where} carry role and status (nothing listed)`)];
    return [
        holds(
            items.every((item) => ROLES.has(String(item['role']))),
            `${where} carry role as system_admin | user_admin | staff | client${fallback}`
        ),
        holds(
            items.every((item) => STATUSES.has(String(item['status']))),
            `${where} carry status as pending | active | suspended | deactivated${fallback}`
        )
    ];
}

function pagingFinding(answer: Answer): Finding[] {
    if (answer.status !== 200) return [];
    const cursor = record(answer.json)?.['next_cursor'];
    return [
        holds(
            cursor === null || typeof cursor === 'string',
            'lists page with next_cursor (without it the connector reads the first page only)'
        )
    ];
}

function limitFinding(answer: Answer): Finding[] {
    if (answer.status === 0 || errorCodeOf(answer) === 'RU001') return [];
    return [holds(answer.status === 200, 'a limit query parameter is accepted')];
}

/** Runs the probe: only GET requests, each one a read the connector makes. */
export async function runQwilProbe(options: ProbeOptions): Promise<ProbeResult[]> {
    const send = options.fetch ?? fetch;
    const base = options.baseUrl.replace(/\/+$/, '');
    const results: ProbeResult[] = [];

    /** Sends a declared GET call with the query values encoded as the connector encodes them. */
    async function get(
        call: QwilCallName,
        query: Record<string, string>,
        schema: z.ZodType,
        findings: (answer: Answer) => Finding[],
        onBehalfOf?: string
    ) {
        const { service, path } = QWIL_CALLS[call];
        requireDeclared(service, 'GET', path, query);
        const search = Object.entries(query)
            .map(([name, value]) => `${encodeQueryValue(name)}=${encodeQueryValue(value)}`)
            .join('&');
        const relative = `${SERVICE_PATHS[service]}/${path}${search ? `?${search}` : ''}`;
        const master = service === 'chat' ? options.masterCredentials : undefined;
        const headers: Record<string, string> = master
            ? {
                  'X-MASTER-USER-API-KEY': master.key,
                  'X-MASTER-USER-API-KEY-SECRET': master.secret,
                  Accept: 'application/json'
              }
            : {
                  'X-SYS-API-KEY': options.credentials.key,
                  'X-SYS-API-KEY-SECRET': options.credentials.secret,
                  Accept: 'application/json'
              };
        const keyUsed =
            service === 'system'
                ? 'the System API key'
                : `the ${master ? 'Master User' : 'System'} API key on chat-service (with on-behalf-of)`;
        if (onBehalfOf) headers['on-behalf-of'] = onBehalfOf;
        let answer: Answer;
        try {
            const response = await send(`${base}${relative}`, { method: 'GET', headers, redirect: 'error' });
            const body = await response.text();
            let json: unknown;
            try {
                json = JSON.parse(body);
            } catch {
                json = undefined;
            }
            answer = { status: response.status, json };
        } catch {
            answer = { status: 0, json: undefined };
        }
        results.push({
            call,
            method: 'GET',
            path: relative,
            status: answer.status,
            errorCode: errorCodeOf(answer),
            parses: answer.status === 0 ? { ok: false, problem: 'no answer' } : parsesWith(schema, answer),
            findings: [...commonFindings(answer, keyUsed), ...(answer.status === 0 ? [] : findings(answer))]
        });
        return answer;
    }

    await get('findMembership', { identifier: UNKNOWN_IDENTIFIER }, MembershipLookupResponse, (answer) => [
        holds(errorCodeOf(answer) === 'RN006', 'a lookup that finds no one answers RN006'),
        holds(
            answer.status < 300 || QwilErrorBody.safeParse(answer.json).success,
            'an error answer parses with the connector error schema'
        )
    ]);

    let staffUuid: string | null = null;
    if (options.staffEmail) {
        const found = await get(
            'findMembership',
            { primary_email: options.staffEmail },
            MembershipLookupResponse,
            (answer) =>
                answer.status === 200
                    ? shapeFindings([record(record(answer.json)?.['entity_membership']) ?? {}], 'memberships')
                    : []
        );
        staffUuid = text(record(record(found.json)?.['entity_membership'])?.['entity_user_xref_uuid']);
    }

    const people = await get('listMemberships', { limit: PAGE_LIMIT }, MembershipListResponse, (answer) => [
        ...limitFinding(answer),
        ...pagingFinding(answer),
        ...(answer.status === 200 ? shapeFindings(list(answer.json, 'entity_memberships'), 'listed memberships') : [])
    ]);
    const members = list(people.json, 'entity_memberships');
    const activeWithRole = (role: (value: unknown) => boolean) =>
        text(members.find((m) => role(m['role']) && m['status'] === 'active')?.['entity_user_xref_uuid']);
    staffUuid ??= activeWithRole((role) => role !== 'client' && ROLES.has(String(role)));
    const clientUuid = activeWithRole((role) => role === 'client');

    if (options.staffEmail) {
        await get('listTenancies', { primary_email: options.staffEmail }, TenancyListResponse, (answer) => [
            holds(answer.status === 200, "the tenancy lookup answers as Qwil's multi-organisation sample calls it"),
            ...(answer.status === 200
                ? shapeFindings(
                      list(answer.json, 'entity_memberships').map((tenancy) => record(tenancy['user']) ?? {}),
                      'tenancy users',
                      ' (without it the connector looks the membership up)'
                  )
                : [])
        ]);
    }

    const groups = await get('listGroups', { limit: PAGE_LIMIT }, GroupListResponse, (answer) => [
        holds(answer.status === 200, 'groups/list exists'),
        ...pagingFinding(answer)
    ]);
    const groupUuid = text(list(groups.json, 'groups')[0]?.['group_uuid']);
    if (staffUuid) {
        await get(
            'groupsOfMembership',
            { entity_user_xref_uuid: staffUuid, limit: PAGE_LIMIT },
            GroupListResponse,
            (answer) => [
                holds(answer.status === 200, 'group-memberships/list answers for a known membership'),
                ...pagingFinding(answer)
            ]
        );
    }
    if (groupUuid) {
        await get('groupMembers', { group_uuid: groupUuid, limit: PAGE_LIMIT }, GroupMembersResponse, (answer) => [
            holds(answer.status === 200, 'groups/group-members/list exists'),
            ...pagingFinding(answer)
        ]);
    }

    const chatOwner = clientUuid ?? staffUuid;
    let chat: { uuid: string; participant: string } | null = null;
    if (chatOwner) {
        const chats = await get(
            'listClientChats',
            { entity_user_xref_uuid: chatOwner, limit: '10' },
            ChatListResponse,
            (answer) => [
                holds(answer.status === 200, 'chats/list answers for a known membership'),
                ...pagingFinding(answer)
            ]
        );
        const first = list(chats.json, 'chats')[0];
        const uuid = text(first?.['chat_uuid']);
        if (uuid) chat = { uuid, participant: chatOwner };
    }
    if (staffUuid) {
        await get(
            'listOwnChats',
            { limit: PAGE_LIMIT },
            ChatListResponse,
            (answer) => pagingFinding(answer),
            staffUuid
        );
    }
    if (chat) {
        await get(
            'messageRange',
            { chat_uuid: chat.uuid, limit: '1' },
            MessageRangeResponse,
            (answer) => pagingFinding(answer),
            chat.participant
        );
    }

    await get('exportChatPdf', {}, z.unknown(), (answer) => {
        const code = errorCodeOf(answer);
        return [
            holds(
                code === 'QX001' || code === 'QX010',
                'a transcript export without chat_uuid answers QX001 (export allowed) or QX010 (not allowed)'
            )
        ];
    });
    return results;
}

/** True when every answer parsed and no assumption was refuted. */
export function probePassed(results: readonly ProbeResult[]): boolean {
    return results.every((result) => result.parses.ok && result.findings.every((f) => f.verdict !== 'refutes'));
}

/** The report an administrator reads; no secret ever appears in it. */
export function formatProbeReport(
    baseUrl: string,
    results: readonly ProbeResult[],
    secrets: readonly string[]
): string {
    const lines = [`Qwil probe of ${baseUrl} (read-only GET requests; key secrets are never printed)`, ''];
    for (const result of results) {
        const status =
            result.status === 0 ? 'no answer' : `${result.status}${result.errorCode ? ` ${result.errorCode}` : ''}`;
        const what = result.status >= 300 ? 'error body' : 'answer';
        const parses = result.parses.ok
            ? `${what} parses with the connector schema`
            : `${what} does NOT parse with the connector schema (${result.parses.problem})`;
        const { source, assumed } = QWIL_CALLS[result.call];
        lines.push(
            `${result.method} ${result.path}`,
            `  declared: ${result.call}, source ${source}; assumed: ${assumed}`,
            `  status: ${status}; ${parses}`
        );
        for (const { verdict, assumption } of result.findings) lines.push(`  ${verdict.padEnd(11)} ${assumption}`);
    }
    lines.push(
        '',
        probePassed(results)
            ? 'Result: every answer parsed and no assumption was refuted.'
            : 'Result: some answers do not fit the connector (see "does NOT parse" and "refutes" above).'
    );
    return secrets.reduce((report, secret) => report.split(secret).join('[secret]'), lines.join('\n'));
}
