export { default as ClientsList } from './ClientsList.svelte';
export { COLUMNS, type ColumnDef, type CellContext } from './columns';
export { newClientParams, readListUrl, writeListUrl } from './query-url';
