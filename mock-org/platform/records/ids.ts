const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Key prefixes of the objects the mock org knows. */
export const KEY_PREFIXES = {
    Account: '001',
    Contact: '003',
    User: '005',
    Profile: '00e',
    PermissionSet: '0PS',
    Qwil_Messenger__mdt: 'm00'
} as const;

/** Salesforce's case-safe suffix: one character per five characters, bit i set when char i is upper case. */
export function toId18(id: string): string {
    if (id.length === 18) return id;
    if (!/^[a-zA-Z0-9]{15}$/.test(id)) throw new Error(`Invalid id: "${id}" is not a 15 or 18 character Salesforce id`);
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const ch = id.charAt(block * 5 + i);
            if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return id + suffix;
}

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
