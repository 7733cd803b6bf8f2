/** `System.DmlException`: the first failing row's status code and message, as Apex reports it. */
export class DmlException extends Error {
    override readonly name = 'System.DmlException';
}

/** `System.SObjectException`: a field the object does not have, or one no code can write. */
export class SObjectException extends Error {
    override readonly name = 'System.SObjectException';
}

type StatusCode =
    | 'INSUFFICIENT_ACCESS_OR_READONLY'
    | 'INVALID_CROSS_REFERENCE_KEY'
    | 'INVALID_FIELD_FOR_INSERT_UPDATE'
    | 'STRING_TOO_LONG'
    | 'UNABLE_TO_LOCK_ROW';

export function updateFailed(
    recordId: string,
    statusCode: StatusCode,
    message: string,
    fields: readonly string[] = []
): DmlException {
    return new DmlException(
        `Update failed. First exception on row 0 with id ${recordId}; first error: ${statusCode}, ${message}: [${fields.join(', ')}]`
    );
}

export function fieldsNotWritable(recordId: string, fields: readonly string[]): DmlException {
    return updateFailed(
        recordId,
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        fields
    );
}

export function insufficientAccess(recordId: string): DmlException {
    return updateFailed(recordId, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
}
