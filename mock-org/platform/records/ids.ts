import { toId18 } from '../../../force-app/server/platform/salesforceId';

export { isValidId } from '../../../force-app/server/platform/salesforceId';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

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
