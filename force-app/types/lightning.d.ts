// Ambient declarations for the LWC module namespaces components import (`c/*`, `lightning/*`).
// The platform resolves them by namespace; these point tsc at the TypeScript source.

declare module 'c/qwilLdsUtils' {
    export const reduceErrors: typeof import('../main/default/lwc/qwilLdsUtils/qwilLdsUtils').reduceErrors;
}
