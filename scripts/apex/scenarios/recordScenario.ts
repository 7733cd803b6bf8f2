import type { SetupServer } from 'msw/node';
import type { ConnectorHarness } from '../../../mock-org/testing/connectorHarness';
import type { WriteClaim } from '../../../force-app/server/contracts/exactlyOnce';

/** One Qwil request and its answer, with the path and query as sent after the named credential. */
export interface RecordedExchange {
    method: string;
    path: string;
    /** The JSON body sent, or null for none. */
    requestBody: unknown;
    status: number;
    /** The JSON answer, or its text when it is not JSON. */
    responseBody: unknown;
}

/** Everything an Apex test needs to replay one server-method call and check its outcome. */
export interface RecordedScenario {
    name: string;
    className: string;
    methodName: string;
    params: unknown;
    /** The `Qwil_Messenger.Qwil` settings record's values by field API name. */
    settings: Record<string, unknown>;
    /** The running user's Staff ID field and value (the staff mapping reads it), and locale (phone numbers are read in its country). */
    user: { staffIdField: string; staffId: unknown; locale: unknown };
    /** The client record's object and the fields the settings map, or null when the call names none. */
    record: { object: string; fields: Record<string, unknown> } | null;
    exchanges: RecordedExchange[];
    /** The server method's result, or null when it failed. */
    result: unknown;
    /** The staff-facing message of a failed call, or null when it succeeded. */
    error: string | null;
}

export interface ScenarioCall {
    name: string;
    className: string;
    methodName: string;
    params: Record<string, unknown>;
    /** The client record the call is about, if any; its id becomes `{{recordId}}`. */
    recordId?: string;
}

export const RECORD_ID_PLACEHOLDER = '{{recordId}}';
export const USER_ID_PLACEHOLDER = '{{userId}}';
/** Stands for the claim an exactly-once write takes first (QwilConnectorController.beginWrite); each run gets its own. */
export const CLAIM_PLACEHOLDER = '{{claim}}';

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
    harness.runAs(runningUser);
    const params = await withClaim(harness, call.params);
    const exchanges = captureExchanges(server);
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
        params: call.params,
        settings,
        user: { staffIdField, staffId: user[staffIdField] ?? null, locale: user['LocaleSidKey'] ?? null },
        record: call.recordId ? recordOf(harness, call.recordId, settings) : null,
        exchanges: await exchanges.stop(),
        result,
        error
    };
    const ids: [string, string][] = [[user.Id, USER_ID_PLACEHOLDER]];
    if (call.recordId) ids.push([call.recordId, RECORD_ID_PLACEHOLDER]);
    return withPlaceholders(scenario, ids);
}

/** An exactly-once write runs under a claim taken first, as the page does; the scenario keeps the placeholder. */
async function withClaim(harness: ConnectorHarness, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (params['claim'] !== CLAIM_PLACEHOLDER) return params;
    const begun = (await harness.callApex('QwilConnectorController', 'beginWrite', { idempotencyKey: params['idempotencyKey'], retry: false })) as WriteClaim;
    return { ...params, claim: begun.claim };
}

function recordOf(harness: ConnectorHarness, recordId: string, settings: Record<string, unknown>): RecordedScenario['record'] {
    const record = harness.org.records.get(recordId);
    if (!record) throw new Error(`No record ${recordId}`);
    const fields: Record<string, unknown> = {};
    for (const setting of RECORD_FIELD_SETTINGS) {
        const field = settings[setting];
        if (typeof field === 'string' && field !== '') fields[field] = record[field] ?? null;
    }
    return { object: record.attributes.type, fields };
}

/** Records msw's requests and mocked answers, in request order, until `stop`. */
function captureExchanges(server: SetupServer): { stop: () => Promise<RecordedExchange[]> } {
    // The handler reads the request body, so it is copied when the request starts.
    const requestBodies = new Map<string, Promise<string>>();
    const exchanges = new Map<string, Promise<RecordedExchange>>();
    const onRequest = ({ request, requestId }: { request: Request; requestId: string }): void => {
        requestBodies.set(requestId, request.clone().text());
    };
    const onResponse = ({ request, response, requestId }: { request: Request; response: Response; requestId: string }): void => {
        exchanges.set(requestId, exchangeOf(request, requestBodies.get(requestId) ?? Promise.resolve(''), response.clone()));
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

async function exchangeOf(request: Request, requestBody: Promise<string>, response: Response): Promise<RecordedExchange> {
    const url = new URL(request.url);
    const requestText = await requestBody;
    return {
        method: request.method,
        path: `${url.pathname}${url.search}`,
        requestBody: requestText === '' ? null : parsedOrText(requestText),
        status: response.status,
        responseBody: parsedOrText(await response.text())
    };
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
