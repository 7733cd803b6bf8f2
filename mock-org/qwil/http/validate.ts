import type { z } from 'zod';
import { QwilError, validationError } from '../errors';

/** Parses with a shared schema; the first problem becomes a QX001 that names its field. */
export function parseOrThrow<S extends z.ZodType>(
    schema: S,
    value: unknown,
    wholeInputName: string,
    wholeInputRule?: string
): z.infer<S> {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    if (!issue) throw new QwilError('QX001', `${wholeInputName}: invalid`, wholeInputName);
    if (issue.code === 'unrecognized_keys') {
        const field = [...issue.path, issue.keys[0]].join('.');
        return fail(field, `unknown field (${issue.keys.join(', ')})`);
    }
    if (issue.path.length === 0) return fail(wholeInputName, wholeInputRule ?? issue.message);
    return fail(issue.path.join('.'), issue.message);
}

function fail(field: string, problem: string): never {
    throw validationError(field, problem);
}
