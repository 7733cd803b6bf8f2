export { renderMessagePage } from './messagePage';
export { renderRecordListPage } from './recordListPage';
export { renderRecordPage } from './recordPage';
export type * from './viewModels';
