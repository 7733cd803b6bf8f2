// What the component tests share: settling promises, controllable promises and reading the page as a user does.
import { TYPING_PAUSE_MS } from 'c/qwilDebouncedRequest';

/** Lets pending promises settle and components re-render. */
export function flushPromises(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}

export interface Deferred<T> {
    promise: Promise<T>;
    resolve: (value: T) => void;
    reject: (reason: unknown) => void;
}

/** A promise the test settles when it chooses, e.g. to look at a component while it waits. */
export function deferred<T>(): Deferred<T> {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

/** The text a user sees, read through every component's shadow tree and slot. */
export function textSeen(node: Node): string {
    if (node.nodeType === Node.TEXT_NODE) {
        return node.textContent ?? '';
    }
    if (node instanceof HTMLSlotElement) {
        return node.assignedNodes({ flatten: true }).map(textSeen).join(' ');
    }
    const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return Array.from(children, textSeen).join(' ');
}

export function normalisedTextSeen(node: Node): string {
    return textSeen(node).replace(/\s+/g, ' ').trim();
}

/** The first element matching `selector` in `host`'s shadow tree or, failing that, in any shadow tree below it. */
export function deepQuery<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
    const root = host.shadowRoot;
    if (!root) {
        return null;
    }
    const found = root.querySelector<T>(selector);
    if (found) {
        return found;
    }
    for (const child of Array.from(root.querySelectorAll('*'))) {
        const inner = deepQuery<T>(child, selector);
        if (inner) {
            return inner;
        }
    }
    return null;
}

/** Every element matching `selector` in `host`'s shadow tree and in every shadow tree below it, outermost first. */
export function deepQueryAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
    const root = host.shadowRoot;
    if (!root) return [];
    return [
        ...Array.from(root.querySelectorAll<T>(selector)),
        ...Array.from(root.querySelectorAll('*')).flatMap((child) => deepQueryAll<T>(child, selector))
    ];
}

/** An Apex rejection as the platform shapes it. */
export function apexError(message: string): { status: number; body: { message: string } } {
    return { status: 500, body: { message } };
}

/** A component's shadow root, which every LWC has. */
export function shadow(element: Element): ShadowRoot {
    if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
    return element.shadowRoot;
}

/** The first element matching `selector` in the component's own shadow tree. */
export function query<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
    return shadow(element).querySelector<T>(selector);
}

/** Fires the `change` event a lightning-input fires when the user types. */
export function typeInto(input: Element | null | undefined, value: string): void {
    input?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** Writes into a plain <textarea> as the user does: its value, then the `input` event. */
export function writeInto(textarea: HTMLTextAreaElement, value: string): void {
    textarea.value = value;
    textarea.dispatchEvent(new CustomEvent('input'));
}

/** Types into a search field, lets the typing pause pass on the fake clock and the answer render. */
export async function typeAndPause(input: Element | null | undefined, value: string): Promise<void> {
    typeInto(input, value);
    jest.advanceTimersByTime(TYPING_PAUSE_MS);
    await flushPromises();
}

/**
 * For components that wait for a typing pause: each test runs on a fake clock (setImmediate stays real,
 * so flushPromises still settles), and ends with the real clock, an empty page and cleared mocks.
 */
export function useFakeClockPerTest(): void {
    beforeEach(() => {
        jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    });
    afterEach(() => {
        jest.useRealTimers();
        document.body.replaceChildren();
        jest.clearAllMocks();
    });
}

/** The toasts the component shows (`lightning__showtoast`), heard during every test of the file. */
export function listenForToasts(): jest.Mock {
    const toasts = jest.fn();
    beforeEach(() => {
        document.addEventListener('lightning__showtoast', toasts);
    });
    afterEach(() => {
        document.removeEventListener('lightning__showtoast', toasts);
        toasts.mockClear();
    });
    return toasts;
}

export interface CapturedTimeout {
    readonly delayMs: number | undefined;
    /** Runs what the component scheduled, as the timer would. */
    run(): void;
}

/** A wait longer than any the test support itself uses (waitFor polls every few milliseconds). */
const COMPONENT_WAIT_MS = 1000;

/** Takes the component's next wait of a second or more out of the clock, so a test runs it when it chooses. */
export function captureNextTimeout(): CapturedTimeout {
    let scheduled: { callback: () => void; delayMs: number | undefined } | undefined;
    const realSetTimeout = globalThis.setTimeout;
    const spy = jest.spyOn(globalThis, 'setTimeout');
    spy.mockImplementation(((callback: () => void, delayMs?: number) => {
        if ((delayMs ?? 0) < COMPONENT_WAIT_MS) return realSetTimeout(callback, delayMs);
        scheduled = { callback, delayMs };
        // The clock is real again at once (the accessibility check refuses to run on a mocked one).
        spy.mockRestore();
        return 0;
    }) as unknown as typeof setTimeout);
    return {
        get delayMs() {
            return scheduled?.delayMs;
        },
        run: () => {
            if (!scheduled) throw new Error('Nothing was scheduled');
            scheduled.callback();
        }
    };
}

export type LightningButton = HTMLElement & { label?: string; disabled?: boolean; variant?: string };

/** A lightning-button by its label (a property, not an attribute), in any shadow tree below `host`. */
export function lightningButton(host: Element, label: string): LightningButton | undefined {
    return deepQueryAll<LightningButton>(host, 'lightning-button').find((button) => button.label === label);
}

/**
 * Watches every focus() call until `stop`, and answers the element focus was last sent to: a
 * lightning-button stub takes focus() without becoming the active element.
 */
export function watchFocus(): { lastFocused(): unknown; stop(): void } {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    return { lastFocused: () => focus.mock.contexts.at(-1), stop: () => focus.mockRestore() };
}
