export { renderApiKeys, renderCreatedKey } from './apiKeysPage';
export { renderFormPage } from './formPage';
export { renderHealthCheck } from './healthCheckPage';
export { renderMetadataRecords } from './metadataRecordsPage';
export { renderRecordPages } from './recordPagesPage';
export { renderSetupHome } from './setupHomePage';
export { SETUP_PATHS } from './setupLayout';
export type * from './setupViewModels';
