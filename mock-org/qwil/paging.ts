import { PAGE_LIMIT_DEFAULT, type PageQuery } from '../../force-app/server/qwil/schemas';
import { validationError } from './errors';

/**
 * One paging shape for every list: `cursor` + `limit` in, `next_cursor` out (null on the last page).
 * Cursors are opaque: base64url of "<kind>:<position>". Lists page by offset; message ranges by sequence.
 */
type CursorKind = 'offset' | 'before-seq';

export interface Page<T> {
    items: T[];
    next_cursor: string | null;
}

export function encodeCursor(kind: CursorKind, position: number): string {
    return Buffer.from(`${kind}:${position}`, 'utf8').toString('base64url');
}

export function decodeCursor(kind: CursorKind, cursor: string): number {
    const [cursorKind, position, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
    if (cursorKind !== kind || position === undefined || rest.length > 0 || !/^\d+$/.test(position)) {
        throw validationError('cursor', 'not a cursor this list issued');
    }
    return Number(position);
}

export function pageLimit(query: PageQuery): number {
    return query.limit ?? PAGE_LIMIT_DEFAULT;
}

export function pageByOffset<T>(items: readonly T[], query: PageQuery): Page<T> {
    const start = query.cursor === undefined ? 0 : decodeCursor('offset', query.cursor);
    const end = start + pageLimit(query);
    return {
        items: items.slice(start, end),
        next_cursor: end < items.length ? encodeCursor('offset', end) : null
    };
}
