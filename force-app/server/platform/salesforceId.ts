const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Apex `Id.to18()`: appends the case-safe suffix (one character per five, bit i set when character i is upper case). */
export function toId18(id: string): string {
    if (/^[a-zA-Z0-9]{18}$/.test(id)) return id;
    if (!/^[a-zA-Z0-9]{15}$/.test(id)) throw new Error(`Invalid id: "${id}" is not a 15 or 18 character Salesforce id`);
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const character = id.charAt(block * 5 + i);
            if (character >= 'A' && character <= 'Z') bits |= 1 << i;
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return id + suffix;
}

/** Apex `Id.valueOf` accepts it: 15 characters, or 18 carrying their own case-safe suffix. */
export function isValidId(text: string): boolean {
    if (/^[a-zA-Z0-9]{15}$/.test(text)) return true;
    return /^[a-zA-Z0-9]{18}$/.test(text) && toId18(text.slice(0, 15)) === text;
}
