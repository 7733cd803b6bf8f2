import type { LinkPlanRow } from '../../../force-app/server/contracts/QwilLinkClientsController';

/** A spreadsheet cell: quoted, and text a spreadsheet would run as a formula is kept as text. */
function csvCell(value: string | null): string {
    const text = value ?? '';
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
}

const COLUMNS = [
    'Client',
    'Qwil email',
    'Qwil membership',
    'Qwil identifier now',
    'Outcome',
    'Reason',
    'Salesforce record id',
    'Why'
];

/** A linking run's plan as CSV (RFC 4180 line ends), one row per client listed. */
export function planCsv(rows: readonly LinkPlanRow[]): string {
    const lines = [
        COLUMNS,
        ...rows.map((row) => [
            row.clientName,
            row.primaryEmail,
            row.membershipUuid,
            row.currentIdentifier,
            row.outcome,
            row.reason,
            row.recordId,
            row.explanation
        ])
    ];
    return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
