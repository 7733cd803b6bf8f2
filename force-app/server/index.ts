import { QwilChatsController } from './classes/QwilChatsController';
import { QwilConnectorController } from './classes/QwilConnectorController';
import { QwilContactGroupsController } from './classes/QwilContactGroupsController';
import { QwilLinkClientsController } from './classes/QwilLinkClientsController';
import { QwilLinkClientsJob } from './jobs/QwilLinkClientsJob';
import type { ApexClassDefinition } from './platform/auraEnabled';
import type { QueueableDefinition } from './platform/context';

/** Every server class of the package, as an org registers them. */
export const apexClasses: readonly ApexClassDefinition[] = [
    QwilConnectorController,
    QwilContactGroupsController,
    QwilChatsController,
    QwilLinkClientsController
];

/** Every Queueable class of the package (asynchronous Apex). */
export const queueableClasses: readonly QueueableDefinition<unknown>[] = [
    QwilLinkClientsJob as QueueableDefinition<unknown>
];
