import type { IncomingMessage } from 'node:http';
import { ClientError } from './httpErrors';

const bodies = new WeakMap<IncomingMessage, Promise<Buffer>>();

async function readLimited(request: IncomingMessage, limit: number): Promise<Buffer> {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) throw new ClientError(413, `The request body is over ${limit} bytes.`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > limit) throw new ClientError(413, `The request body is over ${limit} bytes.`);
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
}

/**
 * The request body, read at most once and never past `limit` bytes (413 beyond): the guard that
 * checks a form's token and the route that reads the form get the same bytes.
 */
export function readBodyOnce(request: IncomingMessage, limit: number): Promise<Buffer> {
    let body = bodies.get(request);
    if (!body) {
        body = readLimited(request, limit);
        bodies.set(request, body);
    }
    return body;
}

/** Setup forms and "log in as" are small; the largest field is a CIDR list. */
const MAX_FORM_BYTES = 100_000;

export type FormInput = Readonly<Record<string, string | undefined>>;

/** A URL-encoded form body; a repeated name keeps its first value. */
export async function readForm(request: IncomingMessage): Promise<FormInput> {
    const form: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, value] of new URLSearchParams((await readBodyOnce(request, MAX_FORM_BYTES)).toString('utf8')))
        if (!(name in form)) form[name] = value;
    return form;
}
