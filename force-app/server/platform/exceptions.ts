/** Apex `AuraHandledException`: its message reaches the component as `error.body.message`, without a stack trace. */
export class AuraHandledException extends Error {
    override readonly name = 'AuraHandledException';
}

/** Apex `System.QueryException`, e.g. a user-mode query naming a field the running user cannot read. */
export class QueryException extends Error {
    override readonly name = 'System.QueryException';
}
