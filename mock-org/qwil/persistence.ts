import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { QwilState } from './model/types';

/** The state file of the dev server: written whole after every change, via a rename so it is never half-written. */
export function loadState(path: string): QwilState | null {
    if (!existsSync(path)) return null;
    const state = JSON.parse(readFileSync(path, 'utf8')) as QwilState;
    if (state.version !== 1) throw new Error(`${path}: unsupported mock Qwil state version ${String(state.version)}`);
    return state;
}

export function saveState(path: string, state: QwilState): void {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, path);
}
