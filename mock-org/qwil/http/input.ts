import { validationError } from '../errors';

/** Query parameters as an object; a repeated parameter is a validation error. */
export function readQuery(request: Request): Record<string, string> {
    const query = Object.create(null) as Record<string, string>;
    for (const [name, value] of new URL(request.url).searchParams) {
        if (Object.hasOwn(query, name)) throw validationError(name, 'given more than once');
        query[name] = value;
    }
    return query;
}

export async function readBody(request: Request): Promise<unknown> {
    const text = await request.text();
    if (text.trim() === '') throw validationError('body', 'a JSON body is required');
    try {
        return JSON.parse(text) as unknown;
    } catch {
        throw validationError('body', 'is not valid JSON');
    }
}
