// Runs axe-core in the page with the rule set the components' jest tests use (@sa11y), so the
// record page and the mounted components are held to one accessibility standard.
import { defaultRuleset } from '@sa11y/preset-rules';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

declare global {
    interface Window {
        axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
    }
}

/** One line per violation: the rule, what it asks for, and the offending elements. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
    // Rules such as target-size measure the rendered page: wait until its stylesheets and fonts have applied,
    // not only until the element a test waited for is in the DOM.
    await page.waitForLoadState('load');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    return page.evaluate(async (options) => {
        const { violations } = await window.axe.run(document, options);
        return violations.map(
            ({ id, help, nodes }) => `${id}: ${help} (${nodes.map(({ target }) => target.join(' ')).join(', ')})`
        );
    }, defaultRuleset as RunOptions);
}
