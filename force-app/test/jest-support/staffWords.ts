// The wording rule for what staff read: no raw Salesforce ids, Qwil codes, Qwil uuids or lower-case
// status values. Only the "Detail for administrators" part of a message may carry ids and codes.

const ADMINISTRATOR_DETAIL = /Detail for administrators:[^]*?(?:\.(?:\s|$)|$)/g;

const RULES: ReadonlyArray<{ what: string; pattern: RegExp }> = [
    // 15 or 18 characters after a key prefix such as 003 or a0B, with the digits ids are full of.
    {
        what: 'a Salesforce record id',
        pattern: /\b(?:0[0-9A-Za-z]{2}|[a-z][0-9][0-9A-Za-z])(?=[0-9A-Za-z]*\d{3})[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?\b/g
    },
    { what: 'a Qwil error code', pattern: /\b[A-Z]{2}\d{3}\b/g },
    { what: 'a Qwil uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi },
    {
        what: 'a lower-case Qwil status value',
        pattern: /\b(?:status (?:is )?(?:pending|active|suspended|deactivated)|not_invited)\b/g
    }
];

/** Each raw value staff would meet in `text`, outside its administrator detail, with what it is. */
export function staffWordProblems(text: string): string[] {
    const staffPart = text.replace(ADMINISTRATOR_DETAIL, ' ');
    return RULES.flatMap(({ what, pattern }) =>
        Array.from(staffPart.matchAll(pattern), (match) => `${what}: "${match[0]}"`)
    );
}
