import { LightningElement, api } from 'lwc';
import exportChat from '@salesforce/apex/QwilChatsController.exportChat';

type ExportFormat = 'pdf' | 'zip';

/**
 * Download buttons for one chat's transcript (PDF) and attachments (ZIP). Shown only when the
 * System API key may export; the server checks the same again and refuses otherwise.
 */
export default class QwilChatExport extends LightningElement {
    @api recordId?: string;
    @api chatUuid?: string;

    downloading: ExportFormat | null = null;
    errors?: unknown[];
    private lastFormat: ExportFormat = 'pdf';

    get isDownloading(): boolean {
        return this.downloading !== null;
    }

    handleDownload(event: Event): void {
        const format = (event.currentTarget as HTMLElement).dataset.format === 'zip' ? 'zip' : 'pdf';
        this.download(format);
    }

    handleRetry(): void {
        this.download(this.lastFormat);
    }

    private async download(format: ExportFormat): Promise<void> {
        if (!this.recordId || !this.chatUuid || this.downloading) return;
        this.downloading = format;
        this.lastFormat = format;
        this.errors = undefined;
        try {
            const file = await exportChat({ recordId: this.recordId, chatUuid: this.chatUuid, format });
            const link = document.createElement('a');
            link.href = `data:${file.contentType};base64,${file.base64}`;
            link.download = file.fileName;
            link.click();
        } catch (error) {
            this.errors = [error];
        } finally {
            this.downloading = null;
        }
    }
}
