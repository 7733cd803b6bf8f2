// jsdom as sfdx-lwc-jest sets it up, plus the Node fetch globals that msw needs.
// jest-environment-jsdom 29 hides them, and msw/node must resolve with Node export conditions.
const LwcJsdomEnvironment = require('@lwc/jest-jsdom-test-env');

const NODE_GLOBALS = [
    'TextDecoder',
    'TextEncoder',
    'TextDecoderStream',
    'TextEncoderStream',
    'ReadableStream',
    'WritableStream',
    'TransformStream',
    'Blob',
    'File',
    'Headers',
    'FormData',
    'Request',
    'Response',
    'fetch',
    'AbortController',
    'AbortSignal',
    'structuredClone',
    'URL',
    'URLSearchParams',
    'BroadcastChannel',
    'setImmediate',
    'clearImmediate'
];

class LwcMswEnvironment extends LwcJsdomEnvironment {
    constructor(config, context) {
        super(config, context);
        this.customExportConditions = [''];
        for (const name of NODE_GLOBALS) {
            if (globalThis[name] !== undefined) {
                this.global[name] = globalThis[name];
            }
        }
    }
}

module.exports = LwcMswEnvironment;
