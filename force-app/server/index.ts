import { QwilChatsController } from './classes/QwilChatsController';
import { QwilConnectorController } from './classes/QwilConnectorController';
import { QwilContactGroupsController } from './classes/QwilContactGroupsController';
import { QwilLinkClientsController } from './classes/QwilLinkClientsController';
import type { ApexClassDefinition } from './platform/auraEnabled';

/** Every server class of the package, as an org registers them. */
export const apexClasses: readonly ApexClassDefinition[] = [
    QwilConnectorController,
    QwilContactGroupsController,
    QwilChatsController,
    QwilLinkClientsController
];
