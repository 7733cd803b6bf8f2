import type { QwilState } from '../model/types';
import { demoState, emptyOrganisationState } from './demo';

export type SeedName = 'demo' | 'empty';

export const SEED_NAMES = ['demo', 'empty'] as const satisfies readonly SeedName[];

export function buildSeed(name: SeedName): QwilState {
    return name === 'demo' ? demoState() : emptyOrganisationState();
}
