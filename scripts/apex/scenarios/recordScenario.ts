import type { SetupServer } from 'msw/node';
import type { ConnectorHarness } from '../../../mock-org/testing/connectorHarness';
import { personAccountFieldName } from '../../../force-app/server/services/clientRecord';

/** One Qwil request and its answer, with the path and query as sent after the named credential. */
export interface RecordedExchange {
    method: string;
    path: string;
    /** The JSON body sent, or null for none. */
    requestBody: unknown;
    /** Who the request acts as in Qwil (the `on-behalf-of` and `on-behalf-of-entity-uuid` headers), null where not sent. No other header is recorded: the key headers carry the credential. */
    onBehalfOf: { member: string | null; entity: string | null };
    status: number;
    /** The JSON answer, or its text when it is not JSON; null for a file. */
    responseBody: unknown;
    /** A file answer (e.g. a chat export): its bytes in base64 and its headers; null otherwise. */
    responseFile: { base64: string; contentType: string; contentDisposition: string | null } | null;
}

/** A call the page makes before the recorded one (a claim before a write, a first tab open before a warm one). */
export interface RecordedStep {
    className: string;
    methodName: string;
    params: unknown;
    result: unknown;
}

/** A client record other than the scenario's own that Qwil's answers name (by its id as Qwil identifier). */
export interface OtherRecord {
    /** Stands for the record's id everywhere in the scenario, e.g. `{{record1}}`. */
    placeholder: string;
    object: string;
    /** Whether the running user can read it; an Apex test replaces an unreadable one by an id nobody can read. */
    readable: boolean;
    fields: Record<string, unknown>;
}

/** Everything an Apex test needs to replay one server-method call and check its outcome. */
export interface RecordedScenario {
    name: string;
    className: string;
    methodName: string;
    params: unknown;
    /** The `Qwil_Messenger.Qwil` settings record's values by field API name. */
    settings: Record<string, unknown>;
    /** The running user's Staff ID field and value (the staff mapping reads it), locale (phone numbers are read in its country), and whether they hold Customize Application (administrators' server methods require it). */
    user: { staffIdField: string; staffId: unknown; locale: unknown; customizeApplication: boolean };
    /** The client record's object, the fields the settings map, and whether the running user can read it; null when the call names none. */
    record: { object: string; readable: boolean; fields: Record<string, unknown> } | null;
    otherRecords: OtherRecord[];
    /** Calls made first, in order; their Qwil exchanges come first in `exchanges`. */
    before: RecordedStep[];
    /** Every Qwil request and answer of `before` and the call, in request order. */
    exchanges: RecordedExchange[];
    /** The server method's result, or null when it failed. */
    result: unknown;
    /** The staff-facing message of a failed call, or null when it succeeded. */
    error: string | null;
}

export interface ScenarioStep {
    className: string;
    methodName: string;
    params: Record<string, unknown>;
    /** The org runs the Queueable jobs this call queued (and those they chain) before the next call, as `Test.stopTest()` runs them in Apex. */
    awaitJobs?: boolean;
}

export interface ScenarioCall extends Omit<ScenarioStep, 'params'> {
    name: string;
    /** The parameters, or how to take them from the results of `before` (e.g. a paging cursor). */
    params: Record<string, unknown> | ((earlierResults: unknown[]) => Record<string, unknown>);
    /** The client record the call is about, if any; its id becomes `{{recordId}}`. */
    recordId?: string;
    /** Calls to make first (their results are recorded too). */
    before?: ScenarioStep[];
    /** An exactly-once write: `beginWrite` is asked for a claim first, as the page does, and the write gets it as `claim` (`{{claim}}`). */
    claimFor?: { idempotencyKey: string; retry: boolean };
    /** Also arrange every client record holding an email the scenario names (the linking job finds records by email, not by id). */
    emailHolders?: boolean;
}

export const RECORD_ID_PLACEHOLDER = '{{recordId}}';
export const USER_ID_PLACEHOLDER = '{{userId}}';
export const CLAIM_PLACEHOLDER = '{{claim}}';
/** A run's job id (`jobId` of an earlier call's result), different in every org: `{{job1}}`, `{{job2}}`, ... */
const jobPlaceholder = (index: number): string => `{{job${index + 1}}}`;
const CLIENT_OBJECTS = ['Contact', 'Account'];

const RECORD_FIELD_SETTINGS = [
    'Client_First_Name_Field_API_Name__c',
    'Client_Last_Name_Field_API_Name__c',
    'Client_Email_API_Field_Name__c',
    'Client_Invitation_Phone_No_Field_Api_Name__c'
];

/**
 * Calls one server method through the harness as `runningUser`, capturing every Qwil request and
 * answer the msw `server` sees during the call, and returns the scenario with the record's and the
 * user's ids replaced by placeholders (an Apex test has its own ids).
 */
export async function recordScenario(
    harness: ConnectorHarness,
    server: SetupServer,
    runningUser: string,
    call: ScenarioCall
): Promise<RecordedScenario> {
    const settings = { ...(harness.org.customMetadata.getInstance('Qwil_Messenger__mdt', 'Qwil')?.values ?? {}) };
    const user = harness.org.requireUser(runningUser);
    const staffIdField = String(settings['Staff_ID_Field_API_Name__c'] ?? '');
    const exchanges = captureExchanges(server);
    harness.runAs(runningUser);
    const before: RecordedStep[] = [];
    for (const { awaitJobs, ...step } of call.before ?? []) {
        before.push({ ...step, result: await harness.callApex(step.className, step.methodName, step.params) });
        if (awaitJobs) await harness.org.asyncApex.whenIdle();
    }
    const params: Record<string, unknown> =
        typeof call.params === 'function' ? call.params(before.map((step) => step.result)) : { ...call.params };
    let claim: string | null = null;
    if (call.claimFor) {
        const step = { className: 'QwilConnectorController', methodName: 'beginWrite', params: call.claimFor };
        const granted = (await harness.callApex(step.className, step.methodName, step.params)) as {
            claim: string | null;
        };
        before.push({ ...step, result: granted });
        claim = granted.claim;
        params['claim'] = claim;
    }
    let result: unknown = null;
    let error: string | null = null;
    try {
        result = await harness.callApex(call.className, call.methodName, params);
    } catch (failure) {
        error = (failure as { body?: { message?: string } }).body?.message ?? String(failure);
    }
    const scenario: RecordedScenario = {
        name: call.name,
        className: call.className,
        methodName: call.methodName,
        params,
        settings,
        user: {
            staffIdField,
            staffId: user[staffIdField] ?? null,
            locale: user['LocaleSidKey'] ?? null,
            customizeApplication: harness.org.accessOf(user.Id).hasUserPermission('CustomizeApplication')
        },
        record: call.recordId ? recordOf(harness, user.Id, call.recordId, settings) : null,
        otherRecords: [],
        before,
        exchanges: await exchanges.stop(),
        result,
        error
    };
    const ids: [string, string][] = [[user.Id, USER_ID_PLACEHOLDER]];
    if (call.recordId) ids.push([call.recordId, RECORD_ID_PLACEHOLDER]);
    jobIdsOf(before).forEach((jobId, index) => ids.push([jobId, jobPlaceholder(index)]));
    const text = JSON.stringify(scenario);
    const lowerCaseText = text.toLowerCase();
    const holdsNamedEmail = (recordId: string): boolean => {
        const { object, fields } = recordOf(harness, user.Id, recordId, settings);
        const email = fields[emailFieldOf(object, settings)];
        return typeof email === 'string' && email !== '' && lowerCaseText.includes(JSON.stringify(email.toLowerCase()));
    };
    const others = CLIENT_OBJECTS.flatMap((object) => harness.org.records.all(object))
        .filter(
            (record) =>
                record.Id !== call.recordId &&
                (text.includes(record.Id) ||
                    text.includes(record.Id.slice(0, 15)) ||
                    (call.emailHolders === true && holdsNamedEmail(record.Id)))
        )
        .map((record, index): OtherRecord => {
            const { object, fields } = recordOf(harness, user.Id, record.Id, settings);
            ids.push([record.Id, `{{record${index + 1}}}`]);
            return {
                placeholder: `{{record${index + 1}}}`,
                object,
                readable: harness.org.recordVisibleTo(user.Id, record.Id) !== undefined,
                fields
            };
        });
    scenario.otherRecords = others;
    const withIds = withPlaceholders(scenario, ids);
    return claim ? withPlaceholder(withIds, claim, CLAIM_PLACEHOLDER) : withIds;
}

/** The job ids earlier calls answered (`{ jobId }`), in order. */
function jobIdsOf(before: readonly RecordedStep[]): string[] {
    return before.flatMap(({ result }) => {
        const jobId = (result as { jobId?: unknown } | null)?.jobId;
        return typeof jobId === 'string' ? [jobId] : [];
    });
}

function emailFieldOf(object: string, settings: Record<string, unknown>): string {
    const configured = String(settings['Client_Email_API_Field_Name__c'] ?? '');
    return object === 'Account' ? personAccountFieldName(configured) : configured;
}

function recordOf(
    harness: ConnectorHarness,
    userId: string,
    recordId: string,
    settings: Record<string, unknown>
): NonNullable<RecordedScenario['record']> {
    const record = harness.org.records.get(recordId);
    if (!record) throw new Error(`No record ${recordId}`);
    const fields: Record<string, unknown> = {};
    const isPersonAccount = record.attributes.type === 'Account';
    for (const setting of RECORD_FIELD_SETTINGS) {
        const configured = settings[setting];
        if (typeof configured !== 'string' || configured === '') continue;
        const field = isPersonAccount ? personAccountFieldName(configured) : configured;
        fields[field] = record[field] ?? null;
    }
    return {
        object: record.attributes.type,
        readable: harness.org.recordVisibleTo(userId, recordId) !== undefined,
        fields
    };
}

/** Records msw's requests and mocked answers, in request order, until `stop`. */
function captureExchanges(server: SetupServer): { stop: () => Promise<RecordedExchange[]> } {
    // The handler reads the request body, so it is copied when the request starts.
    const requestBodies = new Map<string, Promise<string>>();
    const exchanges = new Map<string, Promise<RecordedExchange>>();
    const onRequest = ({ request, requestId }: { request: Request; requestId: string }): void => {
        requestBodies.set(requestId, request.clone().text());
    };
    const onResponse = ({
        request,
        response,
        requestId
    }: {
        request: Request;
        response: Response;
        requestId: string;
    }): void => {
        exchanges.set(
            requestId,
            exchangeOf(request, requestBodies.get(requestId) ?? Promise.resolve(''), response.clone())
        );
    };
    server.events.on('request:start', onRequest);
    server.events.on('response:mocked', onResponse);
    return {
        stop: async () => {
            server.events.removeListener('request:start', onRequest);
            server.events.removeListener('response:mocked', onResponse);
            const answered = [...requestBodies.keys()].filter((requestId) => exchanges.has(requestId));
            return Promise.all(answered.map((requestId) => exchanges.get(requestId)!));
        }
    };
}

async function exchangeOf(
    request: Request,
    requestBody: Promise<string>,
    response: Response
): Promise<RecordedExchange> {
    const url = new URL(request.url);
    const requestText = await requestBody;
    const contentType = response.headers.get('content-type') ?? '';
    const isFile = response.ok && !/json|^text\//.test(contentType) && contentType !== '';
    const exchange = {
        method: request.method,
        path: `${url.pathname}${url.search}`,
        requestBody: requestText === '' ? null : parsedOrText(requestText),
        onBehalfOf: {
            member: request.headers.get('on-behalf-of'),
            entity: request.headers.get('on-behalf-of-entity-uuid')
        },
        status: response.status
    };
    if (isFile) {
        const base64 = Buffer.from(await response.arrayBuffer()).toString('base64');
        return {
            ...exchange,
            responseBody: null,
            responseFile: { base64, contentType, contentDisposition: response.headers.get('content-disposition') }
        };
    }
    return { ...exchange, responseBody: parsedOrText(await response.text()), responseFile: null };
}

function parsedOrText(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/** Replaces each id (18 characters, and its 15-character form) everywhere in the scenario. */
function withPlaceholders(scenario: RecordedScenario, ids: readonly [string, string][]): RecordedScenario {
    let json = JSON.stringify(scenario);
    for (const [id, placeholder] of ids) {
        json = json.split(id).join(placeholder).split(id.slice(0, 15)).join(placeholder);
    }
    return JSON.parse(json) as RecordedScenario;
}

function withPlaceholder(scenario: RecordedScenario, value: string, placeholder: string): RecordedScenario {
    return JSON.parse(JSON.stringify(scenario).split(value).join(placeholder)) as RecordedScenario;
}
