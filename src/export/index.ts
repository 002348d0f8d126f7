/**
 * Exports of a café: anonymous documents built from its state and contributions. Pure functions —
 * no I/O, no clock (`now` comes in) — so the adapter decides where they go.
 */
export { exportJson } from './model';
export type { CafeExport, StepExport, PollExport, PickExport, QuestionExport, BoardExport, VideoExport } from './model';
export { exportCsv, csvRows, csvField, csvLines, defuse, CSV_COLUMNS } from './csv';
export type { CsvRow } from './csv';
export { exportMarkdown, escapeMarkdown, parisDate } from './markdown';
export { networkReport, NETWORK_COLUMNS } from './network';
export type { NetworkInput, NetworkReport, NetworkFeature, NetworkProperties } from './network';
export { exportToken, verifyExportToken } from './token';
export { exportRoute } from './route';
export type { ExportAnswer } from './route';
