import { reduceErrors } from '../qwilLdsUtils';

describe('c/qwilLdsUtils reduceErrors', () => {
    it('reads the message of an Apex error', () => {
        const apexError = {
            status: 500,
            ok: false,
            statusText: 'Server Error',
            body: { message: 'Qwil Messenger is not configured, ask your administrator.' }
        };

        expect(reduceErrors(apexError)).toEqual(['Qwil Messenger is not configured, ask your administrator.']);
    });

    it('reads every message of a UI API read error, whose body is a list', () => {
        const readError = {
            status: 404,
            body: [
                { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
                { errorCode: 'INVALID_FIELD', message: 'No such column' }
            ]
        };

        expect(reduceErrors(readError)).toEqual(['The requested resource does not exist', 'No such column']);
    });

    it('reads page errors', () => {
        const error = { body: { pageErrors: [{ message: 'Record is locked' }], fieldErrors: {} } };

        expect(reduceErrors(error)).toEqual(['Record is locked']);
    });

    it('reads field errors of every field', () => {
        const error = {
            body: {
                pageErrors: [],
                fieldErrors: { Email: [{ message: 'Invalid email' }], Phone: [{ message: 'Invalid phone' }] }
            }
        };

        expect(reduceErrors(error)).toEqual(['Invalid email', 'Invalid phone']);
    });

    it('reads UI API write errors, page level before field level', () => {
        const pageLevel = { body: { output: { errors: [{ message: 'Duplicate record' }], fieldErrors: {} } } };
        const fieldLevel = { body: { output: { errors: [], fieldErrors: { Name: [{ message: 'Required' }] } } } };

        expect(reduceErrors(pageLevel)).toEqual(['Duplicate record']);
        expect(reduceErrors(fieldLevel)).toEqual(['Required']);
    });

    it('reads JavaScript errors and plain strings', () => {
        expect(reduceErrors(new TypeError('x is undefined'))).toEqual(['x is undefined']);
        expect(reduceErrors('Request timed out')).toEqual(['Request timed out']);
    });

    it('falls back to the HTTP status text for an unknown shape', () => {
        expect(reduceErrors({ status: 503, statusText: 'Service Unavailable', body: {} })).toEqual([
            'Service Unavailable'
        ]);
    });

    it('flattens a list of errors and drops empty messages', () => {
        const errors = [
            { body: { message: 'First' } },
            { body: { message: '' } },
            null,
            { body: [{ message: null }] },
            new Error('Second')
        ];

        expect(reduceErrors(errors)).toEqual(['First', 'Second']);
    });

    it('returns no messages when there is nothing to read', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors({})).toEqual([]);
    });
});
