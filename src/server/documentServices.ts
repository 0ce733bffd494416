/**
 * The document-scoped services, which Apps Script gives only inside a containing
 * document: getDocumentLock() and getDocumentProperties() return null elsewhere (a run
 * from the script editor of a standalone project, for instance). Each getter here turns
 * that null into a MissingDocumentService the callers translate into one sentence.
 */

export type DocumentService = 'lock' | 'properties';

export class MissingDocumentService extends Error {
  constructor(readonly service: DocumentService) {
    super(
      service === 'lock'
        ? 'the document lock is not available here: open the spreadsheet and run Sales KPI from Extensions → Sales KPI'
        : 'the document properties are not available here: open the spreadsheet and run Sales KPI from Extensions → Sales KPI',
    );
    this.name = 'MissingDocumentService';
  }
}

export function documentLock(): GoogleAppsScript.Lock.Lock {
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) throw new MissingDocumentService('lock');
  return lock;
}

export function documentProperties(): GoogleAppsScript.Properties.Properties {
  const properties =
    PropertiesService.getDocumentProperties() as GoogleAppsScript.Properties.Properties | null;
  if (!properties) throw new MissingDocumentService('properties');
  return properties;
}

/**
 * Commits the spreadsheet changes, then releases the lock: "if you are working with a
 * spreadsheet, you should call SpreadsheetApp.flush() prior to releasing the lock, to
 * commit all pending changes to the spreadsheet while you still have exclusive access to
 * it." (developers.google.com/apps-script/reference/lock/lock#releaseLock())
 */
export function flushAndRelease(lock: GoogleAppsScript.Lock.Lock): void {
  try {
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}
