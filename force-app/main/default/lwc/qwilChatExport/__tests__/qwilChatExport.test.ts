import { createElement } from 'lwc';
import QwilChatExport from '../qwilChatExport';
import exportChat from '@salesforce/apex/QwilChatsController.exportChat';
import { deferred, flushPromises, normalisedTextSeen } from 'jest-support/componentTesting';

jest.mock('@salesforce/apex/QwilChatsController.exportChat', () => ({ default: jest.fn() }), { virtual: true });

const RECORD_ID = '003Qw0000000002IAA';
const CHAT_UUID = '5e1f3a2b-9c8d-4e7f-a6b5-c4d3e2f1a0b9';
const mockExport = jest.mocked(exportChat);
const ALLOWED = { allowed: true, reason: null };
const fileResult = (fileName: string, contentType: string, base64: string) => ({
    file: { fileName, contentType, base64 },
    exportAvailability: ALLOWED
});

function render(): HTMLElement {
    const element = createElement('c-qwil-chat-export', { is: QwilChatExport });
    Object.assign(element, { recordId: RECORD_ID, chatUuid: CHAT_UUID });
    document.body.appendChild(element);
    return element;
}

const button = (element: HTMLElement, format: 'pdf' | 'zip') =>
    element.shadowRoot!.querySelector<HTMLButtonElement>(`lightning-button[data-format="${format}"]`)!;

describe('c-qwil-chat-export', () => {
    let clicked: HTMLAnchorElement[];

    beforeEach(() => {
        clicked = [];
        jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
            clicked.push(this);
        });
    });
    afterEach(() => {
        document.body.replaceChildren();
        jest.restoreAllMocks();
        mockExport.mockReset();
    });

    it('downloads the transcript as the PDF file Qwil made, under the name the server gives it', async () => {
        mockExport.mockResolvedValue(fileResult('Q3 review – 2025-10-08.pdf', 'application/pdf', 'JVBERi0='));
        const element = render();

        button(element, 'pdf').click();
        await flushPromises();

        expect(mockExport).toHaveBeenCalledWith({ recordId: RECORD_ID, chatUuid: CHAT_UUID, format: 'pdf' });
        expect(clicked.map((link) => [link.href, link.download])).toEqual([
            ['data:application/pdf;base64,JVBERi0=', 'Q3 review – 2025-10-08.pdf']
        ]);
        await expect(element).toBeAccessible();
    });

    it('asks for the attachments as a ZIP, and disables both buttons while it is prepared', async () => {
        const pending = deferred<ReturnType<typeof fileResult>>();
        mockExport.mockReturnValue(pending.promise);
        const element = render();

        button(element, 'zip').click();
        button(element, 'zip').click();
        await flushPromises();

        expect(mockExport.mock.calls).toEqual([[{ recordId: RECORD_ID, chatUuid: CHAT_UUID, format: 'zip' }]]);
        expect([button(element, 'pdf').disabled, button(element, 'zip').disabled]).toEqual([true, true]);
        expect(normalisedTextSeen(element)).toContain('Preparing the download');
        await expect(element).toBeAccessible();

        pending.resolve(fileResult('chat.zip', 'application/zip', 'UEsDBA=='));
        await flushPromises();
        expect(button(element, 'zip').disabled).toBe(false);
    });

    it('hides the buttons and says downloads are turned off when the server refuses the download, with no Retry', async () => {
        const reason =
            'Downloads of chats are turned off by your Qwil administrator. Ask them if you need a transcript or the attachments.';
        mockExport.mockResolvedValue({ file: null, exportAvailability: { allowed: false, reason } });
        const element = render();

        button(element, 'pdf').click();
        await flushPromises();

        expect(clicked).toEqual([]);
        expect(element.shadowRoot!.querySelector('button')).toBeNull();
        expect(element.shadowRoot!.querySelector('c-qwil-error-panel')).toBeNull();
        expect(normalisedTextSeen(element)).toBe(reason);
        await expect(element).toBeAccessible();
    });

    it('shows why an export failed, downloads nothing, and tries the same file again on Retry', async () => {
        mockExport.mockRejectedValueOnce({
            status: 500,
            body: { message: 'Qwil did not answer in time. Try again in a moment.' }
        });
        const element = render();

        button(element, 'zip').click();
        await flushPromises();

        expect(clicked).toEqual([]);
        expect(normalisedTextSeen(element)).toContain('Qwil did not answer in time. Try again in a moment.');
        await expect(element).toBeAccessible();

        mockExport.mockResolvedValueOnce(fileResult('chat.zip', 'application/zip', 'UEsDBA=='));
        element.shadowRoot!.querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(mockExport).toHaveBeenLastCalledWith({ recordId: RECORD_ID, chatUuid: CHAT_UUID, format: 'zip' });
        expect(clicked).toHaveLength(1);
    });
});
