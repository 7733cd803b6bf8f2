const LINES_PER_PAGE = 50;
const WRAP_AT = 95;

/** A minimal, valid PDF (Helvetica, A4) showing the given lines; non-ASCII characters become "?". */
export function renderPdf(lines: readonly string[]): Uint8Array<ArrayBuffer> {
    const wrapped = lines.flatMap(wrap).map((line) => line.replace(/[^\x20-\x7e]/g, '?'));
    const pages: string[][] = [];
    for (let i = 0; i < Math.max(wrapped.length, 1); i += LINES_PER_PAGE)
        pages.push(wrapped.slice(i, i + LINES_PER_PAGE));

    // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
    const pageIds = pages.map((_, i) => 4 + i * 2);
    const objects: string[] = [
        '<< /Type /Catalog /Pages 2 0 R >>',
        `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
    ];
    pages.forEach((pageLines, i) => {
        const content = [
            'BT',
            '/F1 9 Tf',
            '40 800 Td',
            '12 TL',
            ...pageLines.map((l) => `(${escape(l)}) '`),
            'ET'
        ].join('\n');
        objects.push(
            `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`
        );
        objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    });

    let pdf = '%PDF-1.4\n';
    const offsets = objects.map((body, i) => {
        const offset = Buffer.byteLength(pdf, 'latin1');
        pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
        return offset;
    });
    const xrefAt = Buffer.byteLength(pdf, 'latin1');
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function wrap(line: string): string[] {
    if (line.length <= WRAP_AT) return [line];
    return [line.slice(0, WRAP_AT), ...wrap(`  ${line.slice(WRAP_AT)}`)];
}

function escape(text: string): string {
    return text.replace(/[\\()]/g, (c) => `\\${c}`);
}
