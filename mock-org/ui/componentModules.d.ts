// The `c/*` component the record page mounts; Rollup resolves it to the source in force-app.

declare module 'c/qwilChatTabsMenu' {
    export { default } from '../../force-app/main/default/lwc/qwilChatTabsMenu/qwilChatTabsMenu';
}
