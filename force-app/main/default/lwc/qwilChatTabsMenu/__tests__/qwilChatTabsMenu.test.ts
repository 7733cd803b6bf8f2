import { createElement } from 'lwc';
import QwilChatTabsMenu from '../qwilChatTabsMenu';
import getClientState from '@salesforce/apex/QwilConnectorController.getClientState';
import type { ClientState } from '../../../../../server/contracts/clientState';
import { activeClient, notInvitedByEmail } from '../../qwilClientDetails/__tests__/data/clientStates';

jest.mock('@salesforce/apex/QwilConnectorController.getClientState', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('lightning/verticalNavigation', () => jest.requireActual('./stubs/verticalNavigation/verticalNavigation'));

const mockGetClientState = jest.mocked(getClientState);

const RECORD_ID = '003000000000001AAA';
const NOT_CONFIGURED_ERROR = {
    status: 500,
    ok: false,
    statusText: 'Server Error',
    headers: {},
    body: { message: 'Qwil Messenger is not configured, ask your administrator.' }
};

type NavigationStub = HTMLElement & { selectedItem?: string };
type SpinnerStub = HTMLElement & { alternativeText?: string };

/** Lets the pending Apex promise settle and the component re-render. */
function flushPromises(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

function renderMenu({ recordId }: { recordId?: string } = { recordId: RECORD_ID }): HTMLElement & { recordId?: string } {
    const element = createElement('c-qwil-chat-tabs-menu', { is: QwilChatTabsMenu });
    Object.assign(element, { recordId, objectApiName: 'Contact' });
    document.body.appendChild(element);
    return element;
}

/** The text a user sees, read through every component's shadow tree and slot. */
function textSeen(node: Node): string {
    if (node.nodeType === Node.TEXT_NODE) {
        return node.textContent ?? '';
    }
    if (node instanceof HTMLSlotElement) {
        return node.assignedNodes({ flatten: true }).map(textSeen).join(' ');
    }
    const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return Array.from(children, textSeen).join(' ');
}

function normalisedTextSeen(element: HTMLElement): string {
    return textSeen(element).replace(/\s+/g, ' ').trim();
}

function query<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot!.querySelector<T>(selector);
}

function pageHeading(element: HTMLElement): string | undefined {
    return query(element, '[data-id="page"] h2')?.textContent ?? undefined;
}

async function selectPage(element: HTMLElement, name: string): Promise<void> {
    query(element, 'lightning-vertical-navigation')!.dispatchEvent(new CustomEvent('select', { detail: { name } }));
    await flushPromises();
}

describe('c-qwil-chat-tabs-menu', () => {
    afterEach(() => {
        document.body.replaceChildren();
        jest.clearAllMocks();
    });

    it('shows a spinner while the client state loads', async () => {
        mockGetClientState.mockReturnValue(deferred<ClientState>().promise);

        const element = renderMenu();
        await flushPromises();

        expect(query<SpinnerStub>(element, 'lightning-spinner')?.alternativeText).toBe('Loading Qwil Messenger');
        expect(query(element, 'lightning-vertical-navigation')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for the client state of its record once', async () => {
        mockGetClientState.mockResolvedValue(activeClient);

        const element = renderMenu();
        await flushPromises();
        element.recordId = RECORD_ID;
        await flushPromises();

        expect(mockGetClientState).toHaveBeenCalledTimes(1);
        expect(mockGetClientState).toHaveBeenCalledWith({ recordId: RECORD_ID });
        await expect(element).toBeAccessible();
    });

    it('waits for a record id before asking', async () => {
        const element = renderMenu({});
        await flushPromises();

        expect(mockGetClientState).not.toHaveBeenCalled();
        expect(query(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers the three pages in a labelled navigation and opens Client Details first', async () => {
        mockGetClientState.mockResolvedValue(activeClient);

        const element = renderMenu();
        await flushPromises();

        const navigation = query<NavigationStub>(element, 'lightning-vertical-navigation')!;
        expect(navigation.shadowRoot?.querySelector('nav')?.getAttribute('aria-label')).toBe('Qwil Messenger pages');
        const section = query<HTMLElement & { label?: string }>(element, 'lightning-vertical-navigation-section');
        expect(section?.label).toBe('Qwil Messenger');
        expect(navigation.selectedItem).toBe('client_details');
        const items = Array.from(
            element.shadowRoot!.querySelectorAll<HTMLElement & { label?: string; name?: string }>(
                'lightning-vertical-navigation-item'
            ),
            (item) => [item.label, item.name]
        );
        expect(items).toEqual([
            ['Client Details', 'client_details'],
            ['Chats', 'chats'],
            ['Contact Groups', 'contact_groups']
        ]);
        expect(pageHeading(element)).toBe('Client Details');
        expect(query(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("shows an active client's status and Qwil profile on Client Details", async () => {
        mockGetClientState.mockResolvedValue(activeClient);

        const element = renderMenu();
        await flushPromises();

        const text = normalisedTextSeen(element);
        expect(text).toContain('Active');
        expect(text).toContain('The client has joined and can message your firm securely.');
        expect(text).toContain('Amelia Hart');
        expect(text).toContain('amelia.hart@example.com');
        await expect(element).toBeAccessible();
    });

    it('says on Client Details when the client is not on Qwil', async () => {
        mockGetClientState.mockResolvedValue(notInvitedByEmail);

        const element = renderMenu();
        await flushPromises();

        const text = normalisedTextSeen(element);
        expect(text).toContain('Not invited');
        expect(text).toContain('This client is not on Qwil Messenger');
        expect(text).toContain('No Qwil client was found for the email address li.wei@example.com.');
        await expect(element).toBeAccessible();
    });

    it.each([
        ['chats', 'Chats', 'Chats are not available in this version of the Qwil Messenger connector yet.'],
        [
            'contact_groups',
            'Contact Groups',
            'Contact groups are not available in this version of the Qwil Messenger connector yet.'
        ]
    ])('shows the %s page with the status summary and an honest notice', async (name, heading, notice) => {
        mockGetClientState.mockResolvedValue(activeClient);
        const element = renderMenu();
        await flushPromises();

        await selectPage(element, name);

        expect(pageHeading(element)).toBe(heading);
        expect(query<NavigationStub>(element, 'lightning-vertical-navigation')?.selectedItem).toBe(name);
        const text = normalisedTextSeen(element);
        expect(text).toContain(notice);
        expect(text).toContain('The client has joined and can message your firm securely.');
        expect(text).not.toContain('Amelia Hart');
        await expect(element).toBeAccessible();
    });

    it('goes back to Client Details when it is selected again', async () => {
        mockGetClientState.mockResolvedValue(activeClient);
        const element = renderMenu();
        await flushPromises();

        await selectPage(element, 'chats');
        await selectPage(element, 'client_details');

        expect(pageHeading(element)).toBe('Client Details');
        expect(normalisedTextSeen(element)).toContain('Amelia Hart');
        await expect(element).toBeAccessible();
    });

    it('stays on the current page when an unknown page is selected', async () => {
        mockGetClientState.mockResolvedValue(activeClient);
        const element = renderMenu();
        await flushPromises();

        await selectPage(element, 'chats');
        await selectPage(element, 'invoices');

        expect(pageHeading(element)).toBe('Chats');
        await expect(element).toBeAccessible();
    });

    it('shows the server message in an error panel when loading fails', async () => {
        mockGetClientState.mockRejectedValue(NOT_CONFIGURED_ERROR);

        const element = renderMenu();
        await flushPromises();

        const errorPanel = query(element, 'c-qwil-error-panel');
        expect(errorPanel).not.toBeNull();
        expect(normalisedTextSeen(element)).toContain('Qwil Messenger is not configured, ask your administrator.');
        expect(query(element, 'lightning-spinner')).toBeNull();
        expect(query(element, 'lightning-vertical-navigation')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks again on Retry and shows the pages once that succeeds', async () => {
        mockGetClientState.mockRejectedValueOnce(NOT_CONFIGURED_ERROR);
        const retried = deferred<ClientState>();
        mockGetClientState.mockReturnValueOnce(retried.promise);
        const element = renderMenu();
        await flushPromises();

        query(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(mockGetClientState).toHaveBeenCalledTimes(2);
        expect(mockGetClientState).toHaveBeenLastCalledWith({ recordId: RECORD_ID });
        expect(query(element, 'lightning-spinner')).not.toBeNull();
        expect(query(element, 'c-qwil-error-panel')).toBeNull();

        retried.resolve(activeClient);
        await flushPromises();

        expect(query(element, 'c-qwil-error-panel')).toBeNull();
        expect(normalisedTextSeen(element)).toContain('Amelia Hart');
        await expect(element).toBeAccessible();
    });

    it('shows the error panel even when the call fails without a reason', async () => {
        mockGetClientState.mockRejectedValue(undefined);

        const element = renderMenu();
        await flushPromises();

        expect(normalisedTextSeen(element)).toContain(
            'Something went wrong. Try again, or ask your administrator if it keeps happening.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows the newest record when the record changes while loading', async () => {
        const first = deferred<ClientState>();
        mockGetClientState.mockReturnValueOnce(first.promise).mockResolvedValueOnce(notInvitedByEmail);
        const element = renderMenu();

        element.recordId = '003000000000002AAA';
        await flushPromises();
        first.resolve(activeClient);
        await flushPromises();

        expect(mockGetClientState).toHaveBeenLastCalledWith({ recordId: '003000000000002AAA' });
        const text = normalisedTextSeen(element);
        expect(text).toContain('This client is not on Qwil Messenger');
        expect(text).not.toContain('Amelia Hart');
        await expect(element).toBeAccessible();
    });
});
