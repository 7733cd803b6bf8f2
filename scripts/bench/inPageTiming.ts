// Runs in the page (as source text, so that nothing the TypeScript build adds reaches the browser).
// Clicks an element and waits, one animation frame at a time, until the content is in the page;
// the components use synthetic shadow DOM, so the search walks into every shadow root.

export interface ElementQuery {
    /** A CSS selector the element matches. */
    readonly selector: string;
    /** Text the element's text must include, if any. */
    readonly text?: string;
    /** Search only under the first light-DOM element matching this selector. */
    readonly within?: string;
}

export interface ClickTiming {
    /** performance.now() of the click, in the page. */
    readonly clickedAt: number;
    /** The first animation frame at which the content was in the page. */
    readonly contentAt: number;
    /** Server-method requests sent after the click, from the page's resource timing. */
    readonly requests: readonly { readonly path: string; readonly startTime: number; readonly responseEnd: number }[];
}

export interface ClickAndWait {
    readonly click: ElementQuery;
    readonly content: ElementQuery;
    readonly timeoutMs: number;
}

export const CLICK_AND_WAIT_SOURCE = String.raw`async ({ click, content, timeoutMs }) => {
    const find = ({ selector, text, within }) => {
        const root = within ? document.querySelector(within) : document;
        const stack = root ? [root] : [];
        while (stack.length > 0) {
            const node = stack.pop();
            if (node.nodeType === Node.ELEMENT_NODE && node.matches(selector) && (!text || (node.textContent || '').includes(text))) return node;
            if (node.shadowRoot) stack.push(...node.shadowRoot.childNodes);
            stack.push(...node.childNodes);
        }
        return null;
    };
    const target = find(click);
    if (!target) throw new Error('Nothing to click: ' + JSON.stringify(click));
    performance.clearResourceTimings();
    const clickedAt = performance.now();
    target.click();
    const contentAt = await new Promise((resolve, reject) => {
        const check = () => {
            if (find(content)) return resolve(performance.now());
            if (performance.now() - clickedAt > timeoutMs) return reject(new Error('No content within ' + timeoutMs + ' ms: ' + JSON.stringify(content)));
            requestAnimationFrame(check);
        };
        check();
    });
    const requests = performance.getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.startsWith('/apex/') && entry.startTime >= clickedAt)
        .map((entry) => ({ path: new URL(entry.name).pathname, startTime: entry.startTime, responseEnd: entry.responseEnd }));
    return { clickedAt, contentAt, requests };
}`;
