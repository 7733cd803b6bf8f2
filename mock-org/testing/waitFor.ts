/** All text a user sees in an element, across the shadow roots of nested components. */
export function visibleText(node: Node): string {
    const parts: string[] = [];
    const walk = (current: Node) => {
        if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
        const shadow = (current as Element).shadowRoot;
        if (shadow) shadow.childNodes.forEach(walk);
        current.childNodes.forEach(walk);
    };
    walk(node);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Waits until the condition holds: integration calls cross real async layers (runtime, fetch, msw). */
export async function waitFor(condition: () => boolean, timeoutMs = 4000): Promise<void> {
    const started = Date.now();
    while (!condition()) {
        if (Date.now() - started > timeoutMs) throw new Error(`Condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}
