import { ClientState, GetClientStateParams } from '../contracts/clientState';
import { auraEnabled, type ApexClassDefinition } from '../platform/auraEnabled';
import { QwilClient } from '../qwil/qwilClient';
import { readClientRecord } from '../services/clientRecord';
import { lookUpClient } from '../services/clientLookup';
import { loadConnectorSettings } from '../settings/connectorSettings';

/** Server methods of the Qwil Messenger tab; thin: each one delegates to the services. */
export const QwilConnectorController: ApexClassDefinition = {
    name: 'QwilConnectorController',
    apiVersion: '67.0',
    sharing: 'with sharing',
    methods: {
        /** The Qwil state of the client behind a Contact or Person Account record. */
        getClientState: auraEnabled({
            cacheable: false,
            params: GetClientStateParams,
            result: ClientState,
            run: async ({ recordId }, context) => {
                const settings = loadConnectorSettings(context);
                const client = readClientRecord(context, settings, recordId);
                return lookUpClient(new QwilClient(context.http), settings, client);
            }
        })
    }
};
