import { createElement } from 'lwc';
import QwilChatExport from '../qwilChatExport';
import exportChat from '@salesforce/apex/QwilChatsController.exportChat';
import { deferred, flushPromises, normalisedTextSeen } from 'jest-support/componentTesting';

jest.mock('@salesforce/apex/QwilChatsController.exportChat', () => ({ default: jest.fn() }), { virtual: true });

const RECORD_ID = '003Qw0000000002IAA';
const CHAT_UUID = '5e1f3a2b-9c8d-4e7f-a6b5-c4d3e2f1a0b9';
const mockExport = jest.mocked(exportChat);

function render(): HTMLElement {
    const element = createElement('c-qwil-chat-export', { is: QwilChatExport });
    Object.assign(element, { recordId: RECORD_ID, chatUuid: CHAT_UUID });
    document.body.appendChild(element);
    return element;
}

const button = (element: HTMLElement, format: 'pdf' | 'zip') =>
    element.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-format="${format}"]`)!;

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

    it('downloads the transcript as the PDF file Qwil made, named as Qwil names it', async () => {
        mockExport.mockResolvedValue({ fileName: 'chat-q3.pdf', contentType: 'application/pdf', base64: 'JVBERi0=' });
        const element = render();

        button(element, 'pdf').click();
        await flushPromises();

        expect(mockExport).toHaveBeenCalledWith({ recordId: RECORD_ID, chatUuid: CHAT_UUID, format: 'pdf' });
        expect(clicked.map((link) => [link.href, link.download])).toEqual([
            ['data:application/pdf;base64,JVBERi0=', 'chat-q3.pdf']
        ]);
        await expect(element).toBeAccessible();
    });

    it('asks for the attachments as a ZIP, and disables both buttons while it is prepared', async () => {
        const pending = deferred<{ fileName: string; contentType: string; base64: string }>();
        mockExport.mockReturnValue(pending.promise);
        const element = render();

        button(element, 'zip').click();
        button(element, 'zip').click();
        await flushPromises();

        expect(mockExport.mock.calls).toEqual([[{ recordId: RECORD_ID, chatUuid: CHAT_UUID, format: 'zip' }]]);
        expect([button(element, 'pdf').disabled, button(element, 'zip').disabled]).toEqual([true, true]);
        expect(normalisedTextSeen(element)).toContain('Preparing the download');
        await expect(element).toBeAccessible();

        pending.resolve({ fileName: 'chat.zip', contentType: 'application/zip', base64: 'UEsDBA==' });
        await flushPromises();
        expect(button(element, 'zip').disabled).toBe(false);
    });

    it('shows why an export failed, downloads nothing, and tries the same file again on Retry', async () => {
        mockExport.mockRejectedValueOnce({
            status: 500,
            body: { message: 'Exports are off: the key lacks the permission.' }
        });
        const element = render();

        button(element, 'zip').click();
        await flushPromises();

        expect(clicked).toEqual([]);
        expect(normalisedTextSeen(element)).toContain('Exports are off: the key lacks the permission.');
        await expect(element).toBeAccessible();

        mockExport.mockResolvedValueOnce({ fileName: 'chat.zip', contentType: 'application/zip', base64: 'UEsDBA==' });
        element.shadowRoot!.querySelector('c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(mockExport).toHaveBeenLastCalledWith({ recordId: RECORD_ID, chatUuid: CHAT_UUID, format: 'zip' });
        expect(clicked).toHaveLength(1);
    });
});
