import { AuraHandledException } from '../../../force-app/server/platform/exceptions';

/** The body of a failed server-method call, as the platform sends it to the browser. */
export type ApexErrorBody =
    | { message: string }
    | { message: string; exceptionType: string; isUserDefinedException: boolean; stackTrace: string };

export interface ApexErrorResponse {
    readonly status: number;
    readonly statusText: string;
    readonly body: ApexErrorBody;
}

const SERVER_ERROR = { status: 500, statusText: 'Server Error' } as const;

/** Errors of the JavaScript runtime itself: Apex would have failed with one of its own system exceptions. */
const JAVASCRIPT_ERRORS = new Set([
    'Error',
    'TypeError',
    'RangeError',
    'ReferenceError',
    'SyntaxError',
    'EvalError',
    'URIError',
    'AggregateError'
]);

/** `System.QueryException` and the like are the platform's; `QwilApiError` and the like are the package's own classes. */
function exceptionTypeOf(exception: Error): { exceptionType: string; isUserDefinedException: boolean } {
    if (exception.name.includes('.')) return { exceptionType: exception.name, isUserDefinedException: false };
    if (JAVASCRIPT_ERRORS.has(exception.name))
        return { exceptionType: 'System.UnexpectedException', isUserDefinedException: false };
    return { exceptionType: exception.name, isUserDefinedException: true };
}

/** AuraHandledException: the message only, no stack trace. Anything else: the unhandled-exception shape. */
export function toApexErrorResponse(error: unknown, className: string, methodName: string): ApexErrorResponse {
    if (error instanceof AuraHandledException) return { ...SERVER_ERROR, body: { message: error.message } };
    const exception = error instanceof Error ? error : new Error(String(error));
    return {
        ...SERVER_ERROR,
        body: {
            ...exceptionTypeOf(exception),
            message: exception.message,
            stackTrace: `Class.${className}.${methodName}`
        }
    };
}

export function noClassAccess(className: string): ApexErrorResponse {
    return { ...SERVER_ERROR, body: { message: `You do not have access to the Apex class named '${className}'.` } };
}

export function unknownAction(className: string, methodName: string): ApexErrorResponse {
    return {
        status: 404,
        statusText: 'Not Found',
        body: { message: `Unable to find action '${methodName}' on the controller of ${className}` }
    };
}
