// The `c/*` component the record page mounts; Rollup resolves it to the source in force-app.

declare module 'c/qwilChatTabsMenu' {
    const QwilChatTabsMenu: typeof import('../../force-app/main/default/lwc/qwilChatTabsMenu/qwilChatTabsMenu').default;
    export default QwilChatTabsMenu;
}
