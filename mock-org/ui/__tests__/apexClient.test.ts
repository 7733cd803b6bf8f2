import { createApexMethod, type ApexFetchError } from '../apexClient';

let fetchMock: jest.SpiedFunction<typeof fetch>;

beforeEach(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch');
});

afterEach(() => {
    jest.restoreAllMocks();
});

function jsonResponse(status: number, body: unknown, statusText = ''): Response {
    return new Response(JSON.stringify(body), { status, statusText, headers: { 'content-type': 'application/json' } });
}

const loadTab = createApexMethod('QwilConnectorController', 'loadTab');

describe('calling a server method imperatively', () => {
    it('POSTs the parameters as JSON to /apex/<Class>/<method> and resolves with the result', async () => {
        fetchMock.mockResolvedValue(jsonResponse(200, { status: 'active' }));

        await expect(loadTab({ recordId: '003000000000001AAA' })).resolves.toEqual({ status: 'active' });

        const [url, init] = fetchMock.mock.calls[0]!;
        expect(url).toBe('/apex/QwilConnectorController/loadTab');
        expect(init).toMatchObject({
            method: 'POST',
            credentials: 'same-origin',
            body: '{"recordId":"003000000000001AAA"}'
        });
        expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
    });

    it('sends the page’s anti-forgery token in a header, as Aura sends its token with every action', async () => {
        fetchMock.mockResolvedValue(jsonResponse(200, null));
        const tokenMeta = { getAttribute: (name: string) => (name === 'content' ? 'page-token' : null) };
        const page = {
            querySelector: (selector: string) => (selector === 'meta[name="csrf-token"]' ? tokenMeta : null)
        };
        Object.assign(globalThis, { document: page });
        try {
            await loadTab({ recordId: '003000000000001AAA' });
        } finally {
            Reflect.deleteProperty(globalThis, 'document');
        }
        expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({ 'X-CSRF-Token': 'page-token' });
    });

    it('rejects with the platform error shape, keeping the server’s JSON error body', async () => {
        const body = { message: 'You do not have access to this record.', pageErrors: [] };
        fetchMock.mockResolvedValue(jsonResponse(400, body, 'Bad Request'));

        await expect(loadTab({ recordId: 'x' })).rejects.toEqual<ApexFetchError>({
            ok: false,
            status: 400,
            statusText: 'Bad Request',
            headers: {},
            body,
            errorType: 'fetchResponse'
        });
    });

    it('gives a message when the server’s error is not JSON', async () => {
        fetchMock.mockResolvedValue(
            new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })
        );

        await expect(loadTab()).rejects.toMatchObject({
            status: 502,
            body: { message: 'QwilConnectorController.loadTab failed: 502 Bad Gateway' }
        });
    });

    it('rejects with status 0 and a message the user can act on when the server cannot be reached', async () => {
        fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

        await expect(loadTab()).rejects.toMatchObject({
            ok: false,
            status: 0,
            body: { message: expect.stringMatching(/^Could not reach the server/) },
            errorType: 'fetchResponse'
        });
    });
});

describe('the wire adapter', () => {
    function deferred(): { promise: Promise<Response>; resolve(response: Response): void } {
        let resolve!: (response: Response) => void;
        const promise = new Promise<Response>((settle) => (resolve = settle));
        return { promise, resolve };
    }

    const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

    it('provisions data, or the error, for the latest configuration only', async () => {
        const slow = deferred();
        fetchMock
            .mockReturnValueOnce(slow.promise)
            .mockResolvedValueOnce(jsonResponse(500, { message: 'Qwil is unavailable' }));
        const provisioned = jest.fn();
        const adapter = new loadTab.adapter(provisioned);

        adapter.update({ recordId: 'first' });
        adapter.connect();
        adapter.update({ recordId: 'second' });
        slow.resolve(jsonResponse(200, { status: 'active' }));
        await flush();

        expect(provisioned).toHaveBeenCalledTimes(1);
        expect(provisioned).toHaveBeenCalledWith({
            data: undefined,
            error: expect.objectContaining({ status: 500, body: { message: 'Qwil is unavailable' } })
        });
    });

    it('waits while a parameter is undefined and stops provisioning once disconnected', async () => {
        fetchMock.mockResolvedValue(jsonResponse(200, { status: 'active' }));
        const provisioned = jest.fn();
        const adapter = new loadTab.adapter(provisioned);

        adapter.connect();
        adapter.update({ recordId: undefined });
        expect(fetchMock).not.toHaveBeenCalled();

        adapter.update({ recordId: '003000000000001AAA' });
        adapter.disconnect();
        await flush();
        expect(fetchMock).toHaveBeenCalledTimes(1);
        expect(provisioned).not.toHaveBeenCalled();
    });
});
