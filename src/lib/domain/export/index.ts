// Export of client cards to CSV and XLSX (issue 5). Pure: the app and the bench call the same
// functions; the app builds the rows in chunks and writes the file in a worker.
export * from './client-data.js';
export * from './columns.js';
export * from './csv.js';
export * from './list-cell.js';
export * from './table.js';
export * from './xlsx.js';
