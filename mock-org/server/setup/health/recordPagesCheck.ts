import { readRecordPages } from '../recordPages';
import { fail, pass, warn, type CheckResult } from '../../../../force-app/server/health/checkResult';

const CLIENT_OBJECTS = new Set(['Contact', 'Account']);

export function recordPagesCheck(packageDir: string): CheckResult {
    const title = 'Client record pages carry qwilChatTabsMenu in a "Qwil Messenger" tab';
    const pages = readRecordPages(packageDir).filter((page) => CLIENT_OBJECTS.has(page.object));
    const ready = pages.filter((page) => page.componentInQwilTab);
    const fix =
        'Edit the client record page in the Lightning App Builder: add a tab named "Qwil Messenger" and drag qwilChatTabsMenu into it (guide, step 5).';
    if (ready.length === 0)
        return fail(
            'record-pages',
            title,
            `No Contact or Person Account record page has the component in a "Qwil Messenger" tab (${pages.length} record pages read).`,
            fix
        );
    const notReady = pages.filter((page) => !page.componentInQwilTab);
    const readyText = `Ready: ${ready.map((page) => `${page.label} (${page.object})`).join(', ')}.`;
    if (notReady.length > 0)
        return warn(
            'record-pages',
            title,
            `${readyText} Not ready: ${notReady.map((page) => page.label).join(', ')}.`,
            fix
        );
    return pass('record-pages', title, readyText);
}
