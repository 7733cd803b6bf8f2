import { exportFileName } from '../chatsExport';

// Downloads are named `<chat title> – <date>.pdf|zip` with characters every file system accepts.
describe('exportFileName', () => {
    const at = '2025-10-08T09:12:00.000Z';

    it('names the file after the chat title and the date of its newest message', () => {
        expect(exportFileName({ title: 'Q3 portfolio review', last_message_at: at }, 'pdf')).toBe(
            'Q3 portfolio review – 2025-10-08.pdf'
        );
        expect(exportFileName({ title: 'Q3 portfolio review', last_message_at: at }, 'zip')).toBe(
            'Q3 portfolio review – 2025-10-08.zip'
        );
    });

    it('replaces the characters file systems refuse, and never starts or ends the name with a dot', () => {
        expect(exportFileName({ title: '..Fees: 2025/26 <draft>?\n"final"|*\\', last_message_at: at }, 'pdf')).toBe(
            'Fees 2025 26 draft final – 2025-10-08.pdf'
        );
    });

    it('names an untitled chat "Chat" and shortens a long title', () => {
        expect(exportFileName({ title: ' / ', last_message_at: at }, 'pdf')).toBe('Chat – 2025-10-08.pdf');
        expect(exportFileName({ title: 'x'.repeat(300), last_message_at: at }, 'pdf')).toBe(
            `${'x'.repeat(100)} – 2025-10-08.pdf`
        );
    });

    it("uses today's date (UTC) for a chat without messages", () => {
        expect(exportFileName({ title: 'New chat', last_message_at: null }, 'pdf')).toBe(
            `New chat – ${new Date().toISOString().slice(0, 10)}.pdf`
        );
    });
});
