import { LightningElement, api } from 'lwc';
import exportChat from '@salesforce/apex/QwilChatsController.exportChat';

type ExportFormat = 'pdf' | 'zip';

/**
 * Download buttons for one chat's transcript (PDF) and attachments (ZIP). Shown only when the chat
 * may be downloaded; when the server finds downloads turned off at the moment of the download, the
 * buttons give way to the reason, since trying again cannot succeed.
 */
export default class QwilChatExport extends LightningElement {
    @api recordId?: string;
    @api chatUuid?: string;

    downloading: ExportFormat | null = null;
    errors?: unknown[];
    /** Why downloads are no longer offered, in staff words; set when a download was refused. */
    refusedReason?: string;
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
            const { file, exportAvailability } = await exportChat({
                recordId: this.recordId,
                chatUuid: this.chatUuid,
                format
            });
            if (!file) {
                this.refusedReason = exportAvailability.reason ?? undefined;
                return;
            }
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
