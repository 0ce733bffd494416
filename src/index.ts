/**
 * The add-on's entry file: only what Apps Script must see, each a one-line call into a
 * module. The build exposes every export as a top-level function of dist/Code.js, and
 * every registry function (under `formulas`) as a JSDoc'd custom function.
 */
import { asCustomFunction } from './functions/adapter';
import type { FunctionServices } from './functions/define';
import { FUNCTIONS } from './functions/registry';
import { showAboutDialog, showFunctionReferenceDialog } from './ui/dialogs';
import type { OpenEvent } from './ui/menu';
import { installMenu } from './ui/menu';
import * as mappingServer from './server/api';
import type { DraftMapping } from './server/types';
import type { EntityId } from './mapping/fields';
import { showMappingSidebar as openMappingSidebar } from './server/sidebar';
import * as summaryServer from './server/generate';
import { savedMappingForFormulas } from './server/mappingCache';
import { runSelfTest } from './selftest/selfTest';

/**
 * KPI_TABLE finds columns through the saved mapping, read only when it asks (rule 11),
 * from the document cache first (the properties only on a miss).
 */
const formulaServices: FunctionServices = {
  savedMapping: savedMappingForFormulas,
};

export const formulas: Record<string, (...args: unknown[]) => unknown> = {};
for (const definition of FUNCTIONS) {
  formulas[definition.name] = asCustomFunction(definition, formulaServices);
}

/** The add-on menu; `e.authMode` says what it may read (see installMenu). */
export function onOpen(e?: OpenEvent): void {
  installMenu(e);
}

/** As the add-on guide asks: onInstall calls onOpen, so the menu appears at once. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

export function showAbout(): void {
  showAboutDialog();
}

export function showFunctionReference(): void {
  showFunctionReferenceDialog();
}

// ——— Column mapping sidebar (menu item and google.script.run calls) ———

export function showMappingSidebar(): void {
  openMappingSidebar();
}

export function getMappingState() {
  return mappingServer.getMappingState();
}

export function previewMapping(draft: DraftMapping) {
  return mappingServer.previewMapping(draft);
}

export function matchSheet(entity: EntityId, sheet: string) {
  return mappingServer.matchSheet(entity, sheet);
}

export function saveMapping(mapping: DraftMapping) {
  return mappingServer.saveMapping(mapping);
}

export function resetMapping() {
  return mappingServer.resetMapping();
}

// ——— KPI summary tabs (menu item and the sidebar's Generate button) ———

export function generateSummaryFromMenu(): void {
  summaryServer.generateSummaryFromMenu();
}

export function generateSummary(options?: unknown) {
  return summaryServer.generateSummary(options);
}

// ——— Maintenance: run once from the Apps Script editor (README, "Self-test") ———

export function selfTest(): string {
  return runSelfTest();
}
