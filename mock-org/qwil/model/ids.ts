import { createHash } from 'node:crypto';

/** A version-4-shaped UUID derived from a label, so seeded and created ids are the same on every run. */
export function uuidFromLabel(label: string): string {
    const hex = createHash('sha256').update(label).digest('hex');
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The next id of something created after seeding; the counter lives in the state, so ids survive a restart. */
export function nextUuid(state: { sequence: number }): string {
    state.sequence += 1;
    return uuidFromLabel(`created:${state.sequence}`);
}
