/**
 * Turns the errors the platform hands to a component (Apex and UI API rejections, wire
 * errors, JavaScript errors) into the messages a user should read.
 */

type UnknownRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null;

const messageOf = (entry: unknown): unknown => (isRecord(entry) ? entry.message : undefined);

const messagesOfList = (list: unknown): unknown[] | undefined =>
    Array.isArray(list) && list.length > 0 ? list.map(messageOf) : undefined;

/** Field errors are keyed by field name, each holding a list of errors. */
const messagesOfFieldErrors = (fieldErrors: unknown): unknown[] | undefined => {
    if (!isRecord(fieldErrors)) {
        return undefined;
    }
    const lists = Object.values(fieldErrors);
    return lists.length > 0 ? lists.flatMap((list) => (Array.isArray(list) ? list.map(messageOf) : [])) : undefined;
};

/** The error shapes the platform uses, most specific first; the first that matches wins. */
const MESSAGE_READERS: ReadonlyArray<(error: UnknownRecord, body: UnknownRecord) => unknown> = [
    (error) => (Array.isArray(error.body) ? error.body.map(messageOf) : undefined), // UI API reads
    (_error, body) => messagesOfList(body.pageErrors),
    (_error, body) => messagesOfFieldErrors(body.fieldErrors),
    (_error, body) => (isRecord(body.output) ? messagesOfList(body.output.errors) : undefined), // UI API writes
    (_error, body) => (isRecord(body.output) ? messagesOfFieldErrors(body.output.fieldErrors) : undefined),
    (_error, body) => (typeof body.message === 'string' ? body.message : undefined), // Apex, UI API, network
    (error) => (typeof error.message === 'string' ? error.message : undefined), // JavaScript errors
    (error) => error.statusText // unknown shape: the HTTP status text is all there is
];

const messagesOfOne = (error: unknown): unknown[] => {
    if (typeof error === 'string') {
        return [error];
    }
    if (!isRecord(error)) {
        return [];
    }
    const body = isRecord(error.body) ? error.body : {};
    for (const read of MESSAGE_READERS) {
        const found = read(error, body);
        if (found !== undefined) {
            return Array.isArray(found) ? found : [found];
        }
    }
    return [];
};

/** One error or a list of errors in, the non-empty messages out. */
export function reduceErrors(errors: unknown): string[] {
    const list: unknown[] = Array.isArray(errors) ? errors : [errors];
    return list
        .flatMap(messagesOfOne)
        .filter((message): message is string => typeof message === 'string' && message.length > 0);
}
