// Mounts the connector's component into the Qwil Messenger tab the first time that tab opens;
// Lightning also creates a tab's components only when the tab is first shown. The component's
// code may be loaded before that (preload), so that opening the tab creates the component, and
// sends its server request, at once rather than after the module has been fetched and run.

const LOAD_FAILED_MESSAGE = 'The Qwil Messenger component could not be loaded. Reload the page to try again.';

/** Creates the component for a record; what the panel gets once the component's code has loaded. */
export type CreateMessenger = (recordId: string | undefined, objectApiName: string | undefined) => HTMLElement;

export interface QwilMessengerPanel {
    /** Loads the component's code once; renders nothing. Rejects when it cannot be loaded (a later call tries again). */
    preload(): Promise<void>;
    /** Puts the component into the tab's host once. Synchronous when the code is already loaded. */
    mount(host: HTMLElement): Promise<void>;
}

function showLoadFailure(host: HTMLElement): void {
    const message = document.createElement('p');
    message.className = 'slds-text-color_error slds-p-around_medium';
    message.setAttribute('role', 'alert');
    message.textContent = LOAD_FAILED_MESSAGE;
    host.replaceChildren(message);
}

export function createQwilMessengerPanel(loadComponent: () => Promise<CreateMessenger>): QwilMessengerPanel {
    let loaded: CreateMessenger | undefined;
    let loading: Promise<CreateMessenger> | undefined;

    const load = (): Promise<CreateMessenger> => {
        loading ??= loadComponent().then(
            (create) => (loaded = create),
            (error: unknown) => {
                loading = undefined;
                throw error;
            }
        );
        return loading;
    };

    const render = (host: HTMLElement, create: CreateMessenger) =>
        host.replaceChildren(create(host.dataset['recordId'], host.dataset['objectApiName']));

    return {
        async preload() {
            await load();
        },
        async mount(host) {
            if (host.dataset['mounted'] !== undefined) return;
            host.dataset['mounted'] = '';
            if (loaded) {
                render(host, loaded);
                return;
            }
            host.setAttribute('aria-busy', 'true');
            try {
                render(host, await load());
            } catch (error) {
                console.error(error);
                showLoadFailure(host);
            } finally {
                host.removeAttribute('aria-busy');
            }
        }
    };
}
