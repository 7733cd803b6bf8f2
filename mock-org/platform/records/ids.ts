import { toId18 } from '../../../force-app/server/platform/salesforceId';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** True when the text is a well-formed 15 or 18 character id (an 18 character id must carry its own checksum). */
export function isValidId(text: string): boolean {
    if (/^[a-zA-Z0-9]{15}$/.test(text)) return true;
    return /^[a-zA-Z0-9]{18}$/.test(text) && toId18(text.slice(0, 15)) === text;
}

/** Deterministic id generator: prefix + pod marker + base-62 sequence, so seeded ids are stable across runs. */
export function makeId(prefix: string, sequence: number): string {
    let digits = '';
    let rest = sequence;
    do {
        digits = BASE62.charAt(rest % 62) + digits;
        rest = Math.floor(rest / 62);
    } while (rest > 0);
    return toId18(`${prefix}Qw${digits.padStart(10, '0')}`);
}
