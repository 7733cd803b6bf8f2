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

/** AuraHandledException: the message only, no stack trace. Anything else: the unhandled-exception shape. */
export function toApexErrorResponse(error: unknown, className: string, methodName: string): ApexErrorResponse {
    if (error instanceof AuraHandledException) return { ...SERVER_ERROR, body: { message: error.message } };
    const exception = error instanceof Error ? error : new Error(String(error));
    const exceptionType = exception.name.includes('.') ? exception.name : 'System.UnexpectedException';
    return {
        ...SERVER_ERROR,
        body: {
            exceptionType,
            isUserDefinedException: false,
            message: exception.message,
            stackTrace: `Class.${className}.${methodName}`
        }
    };
}

export function noClassAccess(className: string): ApexErrorResponse {
    return { ...SERVER_ERROR, body: { message: `You do not have access to the Apex class named '${className}'.` } };
}

export function unknownAction(className: string, methodName: string): ApexErrorResponse {
    return { status: 404, statusText: 'Not Found', body: { message: `Unable to find action '${methodName}' on the controller of ${className}` } };
}
