/**
 * Every server function the sidebar may call through google.script.run: the sidebar's
 * typed client is typed by this module, and the build checks each export is a
 * top-level function of Code.js.
 */
export * from './api';
export { generateSummary } from './generate';
