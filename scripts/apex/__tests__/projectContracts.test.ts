import { REPOSITORY_ROOT } from '../../testing/projectFixture';
import { contractNames, lwcApexImports, typeScriptControllers } from '../projectContracts';

/** Controllers no LWC calls: the Setup page "Link existing Qwil clients" calls this one. */
const SETUP_ONLY_CONTROLLERS = new Set(['QwilLinkClientsController']);

describe('what the parity check reads from the repository', () => {
    it('finds the Apex methods the LWCs import, all declared by the TypeScript controllers', () => {
        const imports = lwcApexImports(REPOSITORY_ROOT);
        const declared = typeScriptControllers(REPOSITORY_ROOT)
            .filter((controller) => !SETUP_ONLY_CONTROLLERS.has(controller.name))
            .flatMap((controller) => Object.keys(controller.methods).map((method) => `${controller.name}.${method}`));
        expect(imports).toEqual(
            expect.arrayContaining(['QwilConnectorController.loadTab', 'QwilChatsController.sendMessage'])
        );
        expect(new Set(imports).size).toBe(imports.length);
        expect(declared.sort()).toEqual([...imports].sort());
    });

    it('names each exported contract shape after its export, in the Apex contract class of its file', () => {
        const names = [...contractNames(REPOSITORY_ROOT).values()].map(({ apexClass, name }) => `${apexClass}.${name}`);
        expect(names).toEqual(
            expect.arrayContaining([
                'QwilTabContract.TabState',
                'QwilTabContract.ClientState',
                'QwilTabContract.ClientProfile',
                'QwilContactGroupsContract.ContactGroupsChange',
                'QwilChatsContract.ChatMessage'
            ])
        );
        expect(names).not.toContain('QwilTabContract.SalesforceId');
    });
});
