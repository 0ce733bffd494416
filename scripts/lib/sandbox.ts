/**
 * What the built bundle may find in its global scope, shared by the build (which loads
 * the fresh bundle to list its exports), the bundle tests and the benchmark.
 */

/** Apps Script services (global objects). None may be touched while the bundle loads. */
export const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'PropertiesService',
  'Utilities',
  'HtmlService',
  'ScriptApp',
  'CacheService',
  'LockService',
  'Session',
  'UrlFetchApp',
  'DriveApp',
  'DocumentApp',
  'GmailApp',
  'MailApp',
  'CalendarApp',
  'CardService',
  'ContentService',
  'Charts',
  'Logger',
  'Browser',
] as const;

/** The name esbuild gives the bundle's namespace (`var SalesKpi = (() => {...})()`). */
export const GLOBAL_NAME = 'SalesKpi';

/**
 * A service whose every property read throws: loading the bundle with these proves it
 * calls no service at global scope (Apps Script runs every file's top level on every
 * call, before the function, and services there may be denied or slow).
 */
export function throwingService(name: string): object {
  return new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(
          `${name}.${String(property)} was used, and these globals allow no service (global scope must call none)`,
        );
      },
    },
  );
}

/** Every Apps Script service as a throwing proxy, keyed by its global name. */
export function throwingServices(): Record<string, unknown> {
  const globals: Record<string, unknown> = {};
  for (const name of APPS_SCRIPT_SERVICES) globals[name] = throwingService(name);
  return globals;
}
