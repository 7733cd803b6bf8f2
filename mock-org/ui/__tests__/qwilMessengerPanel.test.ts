/**
 * @jest-environment jsdom
 */
import { createQwilMessengerPanel, type CreateMessenger } from '../qwilMessengerPanel';

function tabHost(): HTMLElement {
    const host = document.createElement('div');
    host.dataset['qwilMessengerPanel'] = '';
    host.dataset['recordId'] = '003000000000001AAA';
    host.dataset['objectApiName'] = 'Contact';
    document.body.append(host);
    return host;
}

const createMessenger = jest.fn<HTMLElement, Parameters<CreateMessenger>>(() =>
    document.createElement('c-qwil-chat-tabs-menu')
);

afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
    jest.restoreAllMocks();
});

describe('the record page’s Qwil Messenger tab', () => {
    it('renders nothing while its code is loaded in advance', async () => {
        const panel = createQwilMessengerPanel(async () => createMessenger);
        const host = tabHost();

        await panel.preload();

        expect(createMessenger).not.toHaveBeenCalled();
        expect(host.childNodes).toHaveLength(0);
    });

    it('creates the component for its record the moment the tab opens once the code is loaded', async () => {
        const panel = createQwilMessengerPanel(async () => createMessenger);
        const host = tabHost();
        await panel.preload();

        // Not awaited: the component, and so its request for the tab, must not wait for another turn.
        void panel.mount(host);

        expect(createMessenger).toHaveBeenCalledWith('003000000000001AAA', 'Contact');
        expect(host.querySelector('c-qwil-chat-tabs-menu')).not.toBeNull();
    });

    it('creates the component once however often the tab opens', async () => {
        const panel = createQwilMessengerPanel(async () => createMessenger);
        const host = tabHost();

        await Promise.all([panel.mount(host), panel.mount(host)]);
        await panel.mount(host);

        expect(createMessenger).toHaveBeenCalledTimes(1);
        expect(host.querySelectorAll('c-qwil-chat-tabs-menu')).toHaveLength(1);
    });

    it('loads the code again when the tab opens after loading it in advance failed', async () => {
        const loadComponent = jest
            .fn<Promise<CreateMessenger>, []>()
            .mockRejectedValueOnce(new Error('chunk failed'))
            .mockResolvedValue(createMessenger);
        const panel = createQwilMessengerPanel(loadComponent);
        const host = tabHost();

        await expect(panel.preload()).rejects.toThrow('chunk failed');
        await panel.mount(host);

        expect(loadComponent).toHaveBeenCalledTimes(2);
        expect(host.querySelector('c-qwil-chat-tabs-menu')).not.toBeNull();
        expect(host.hasAttribute('aria-busy')).toBe(false);
    });

    it('says in the tab when the code cannot be loaded', async () => {
        jest.spyOn(console, 'error').mockImplementation(() => undefined);
        const panel = createQwilMessengerPanel(() => Promise.reject(new Error('chunk failed')));
        const host = tabHost();

        await panel.mount(host);

        expect(host.querySelector('[role="alert"]')?.textContent).toBe(
            'The Qwil Messenger component could not be loaded. Reload the page to try again.'
        );
        expect(host.hasAttribute('aria-busy')).toBe(false);
    });
});
