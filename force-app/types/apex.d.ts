// Types of the server methods as components import them. Each method's contract is declared
// once, as zod schemas in force-app/server/contracts; these declarations only point at it.

declare module '@salesforce/apex/QwilConnectorController.getClientState' {
    type Contract = typeof import('../server/contracts/clientState');
    const getClientState: (
        params: import('zod').input<Contract['GetClientStateParams']>
    ) => Promise<import('zod').output<Contract['ClientState']>>;
    export default getClientState;
}
