// Ambient declarations for the `c/*` modules components import. The platform resolves them by
// namespace; these point tsc at the TypeScript source. Components import no `lightning/*` module
// in code (base components are used in templates only), so none is declared here.

declare module 'c/qwilLdsUtils' {
    export const reduceErrors: typeof import('../main/default/lwc/qwilLdsUtils/qwilLdsUtils').reduceErrors;
}
