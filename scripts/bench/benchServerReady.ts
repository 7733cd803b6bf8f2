// The one line benchServer.ts prints when it listens: READY_PREFIX and this JSON.
export const READY_PREFIX = 'bench-server-ready ';

export interface DevServerReady {
    readonly url: string;
    readonly contacts: readonly { readonly id: string; readonly name: string }[];
    readonly users: readonly { readonly id: string; readonly username: string }[];
}
