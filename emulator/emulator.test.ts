import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, parseArgs } from './cli';
import { createEmulator, deniedIn } from './index';

/** A stand-in for dist/Code.js: plain script, top-level functions, services as globals. */
const SCRIPT = `
function onOpen(e) {
  var menu = SpreadsheetApp.getUi().createAddonMenu().addItem('Generate KPI summary', 'summarize');
  if (e && e.authMode !== ScriptApp.AuthMode.NONE) menu.addItem('Settings', 'settings');
  menu.addToUi();
}
function onOpenCatchingARefusal(e) {
  var language = 'en';
  try {
    language = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  } catch (error) {
    Logger.log('caught: ' + error.message);
  }
  SpreadsheetApp.getUi().createAddonMenu().addItem('Summary (' + language + ')', 'summarize').addToUi();
}
function onOpenWithTheUserLocale(e) {
  var locale = Session.getActiveUserLocale();
  Logger.log(Utilities.formatString('locale %s', locale));
  SpreadsheetApp.getUi().createAddonMenu().addItem('Summary (' + locale + ')', 'summarize').addToUi();
}
function openSidebar() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>'));
}
function writeWithoutFlush() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(100);
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('x');
  lock.releaseLock();
}
function writeThenFlush() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(100);
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('x');
  SpreadsheetApp.flush();
  lock.releaseLock();
}
function documentServices() {
  return [LockService.getDocumentLock(), PropertiesService.getDocumentProperties(), CacheService.getDocumentCache()]
    .map(function (service) { return service === null ? 'null' : 'ok'; });
}
function onOpenReadingTheDocument() {
  var name = SpreadsheetApp.getActiveSpreadsheet().getName();
  SpreadsheetApp.getUi().createMenu(name).addToUi();
}
function readSettings() {
  return PropertiesService.getDocumentProperties().getProperty('settings');
}
function summarize() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(100)) return 'busy';
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var data = ss.getSheetByName('deals').getDataRange().getValues();
  var total = 0;
  for (var i = 1; i < data.length; i++) total += data[i][1];
  var out = ss.getSheetByName('Summary') || ss.insertSheet('Summary');
  out.getRange(1, 1, 2, 2).setValues([['Rows', data.length - 1], ['Total', total]]);
  out.getRange('B2').setNumberFormat('#,##0');
  return { total: total, dateIsLocal: data[1][2] instanceof Date, arrayIsLocal: data instanceof Array };
}
`;

function dealsSheet(rows: number) {
  const values: unknown[][] = [['Deal', 'Amount', 'Close']];
  for (let i = 1; i <= rows; i++) {
    values.push([`D-${i}`, i % 10, new Date(Date.UTC(2025, 0, 1 + (i % 300), 5))]);
  }
  return { name: 'deals', values };
}

describe('running a script in a vm context', () => {
  it('hands the script arrays and Dates of its own realm', () => {
    const emulator = createEmulator({ sheets: [dealsSheet(3)] });
    emulator.load(SCRIPT);
    // Amounts 1, 2, 3.
    expect(emulator.run('summarize')).toEqual({ total: 6, dateIsLocal: true, arrayIsLocal: true });
    expect(emulator.workbook.sheet('Summary').snapshot().displayValues).toEqual([
      ['Rows', '3'],
      ['Total', '6'],
    ]);
    // The run ended: the lock it took is released.
    expect(emulator.locks.holder('document')).toBeNull();
  });
  it('lets a second execution see the lock held by another one', () => {
    const emulator = createEmulator({ sheets: [dealsSheet(3)] });
    emulator.load(SCRIPT);
    emulator.locks.holdByOther('document');
    expect(emulator.run('summarize')).toBe('busy');
    expect(emulator.spreadsheet.getSheetByName('Summary')).toBeNull();
  });
});

describe('call counting', () => {
  it('counts every service call by method, and resets', () => {
    const emulator = createEmulator({ sheets: [dealsSheet(3)] });
    emulator.load(SCRIPT);
    emulator.run('summarize');
    expect(emulator.calls.byMethod).toEqual({
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Range.getValues': 1,
      'Range.setNumberFormat': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheetByName': 2,
      'Spreadsheet.insertSheet': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(emulator.calls.total).toBe(12);
    expect(emulator.calls.spreadsheetTotal).toBe(10);
    expect(emulator.calls.byService).toEqual({ LockService: 2, SpreadsheetApp: 10 });
    expect(emulator.calls.sum('Range.')).toBe(3);
    expect(emulator.calls.get('Range.getValues')).toBe(1);
    expect(emulator.calls.log.slice(0, 3)).toEqual([
      'LockService.getDocumentLock',
      'Lock.tryLock',
      'SpreadsheetApp.getActiveSpreadsheet',
    ]);
    emulator.calls.reset();
    expect([emulator.calls.total, emulator.calls.byMethod]).toEqual([0, {}]);
  });
  it('costs the same calls for 1,000 and 100,000 rows when the script reads in one batch', () => {
    const counts = [1000, 100000].map((rows) => {
      const emulator = createEmulator({ sheets: [dealsSheet(rows)] });
      emulator.load(SCRIPT);
      const result = emulator.run('summarize') as { total: number };
      // Amounts cycle 1..9, 0: 4.5 per row on average.
      expect(result.total).toBe(rows * 4.5);
      return emulator.calls.byMethod;
    });
    expect(counts[1]).toEqual(counts[0]);
  });
  it('does not count what the emulator does internally or what tests inspect raw', () => {
    const emulator = createEmulator({ sheets: [dealsSheet(3)] });
    emulator.workbook.sheet('deals').snapshot();
    emulator.snapshot();
    emulator.toCsv('deals');
    expect(emulator.calls.total).toBe(0);
    emulator.spreadsheet.getSheets()[0].getRange('A1').getValue();
    expect(emulator.calls.byMethod).toEqual({
      'Range.getValue': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheets': 1,
    });
  });
  it('says which call the emulator does not implement', () => {
    const { spreadsheet } = createEmulator();
    const range = spreadsheet.getActiveSheet().getRange('A1');
    expect(() => range.getRichTextValue()).toThrow(
      'Range.getRichTextValue is not implemented by the emulator',
    );
  });
});

describe('authorization modes', () => {
  it('builds the add-on menu in AuthMode.NONE', () => {
    const emulator = createEmulator();
    emulator.load(SCRIPT);
    emulator.runAs('NONE', 'onOpen', emulator.openEvent('NONE'));
    expect(emulator.ui.addonMenu?.items).toEqual([
      { type: 'item', caption: 'Generate KPI summary', functionName: 'summarize' },
    ]);
    emulator.run('onOpen', emulator.openEvent('FULL'));
    expect(emulator.ui.addonMenu?.items).toHaveLength(2);
    expect(emulator.ui.menus).toHaveLength(1);
  });
  it('denies the document and the properties in AuthMode.NONE, like Apps Script', () => {
    const emulator = createEmulator();
    emulator.load(SCRIPT);
    expect(() => emulator.runAs('NONE', 'onOpenReadingTheDocument')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(() => emulator.runAs('NONE', 'readSettings')).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    // The mode is restored after runAs.
    expect(emulator.authMode).toBe('FULL');
    expect(emulator.run('readSettings')).toBeNull();
    emulator.setAuthMode('NONE');
    expect(() => emulator.globals.SpreadsheetApp.getActiveSheet()).toThrow('permission');
    expect(() => emulator.globals.SpreadsheetApp.getUi()).not.toThrow();
  });
  it('gives onOpen no source in NONE and the spreadsheet otherwise', () => {
    const emulator = createEmulator();
    expect(emulator.openEvent('NONE')).toEqual({
      authMode: emulator.globals.ScriptApp.AuthMode.NONE,
    });
    expect(emulator.openEvent('LIMITED').source?.getId()).toBe(emulator.workbook.id);
  });
  it('stops the menu in NONE after a refused call, even one the script caught', () => {
    const emulator = createEmulator();
    emulator.load(SCRIPT);
    emulator.runAs('NONE', 'onOpenCatchingARefusal', emulator.openEvent('NONE'));
    expect(emulator.refused).toEqual(['SpreadsheetApp.getActiveSpreadsheet']);
    expect(emulator.ui.addonMenu).toBeUndefined();
    // The same code in LIMITED may read the document: the menu is there.
    emulator.runAs('LIMITED', 'onOpenCatchingARefusal', emulator.openEvent('LIMITED'));
    expect(emulator.refused).toEqual([]);
    expect(emulator.ui.addonMenu?.items[0]).toMatchObject({ caption: 'Summary (en_US)' });
  });
  it('allows menus, Logger, Utilities and the user locale in NONE', () => {
    const emulator = createEmulator({ userLocale: 'fr' });
    emulator.load(SCRIPT);
    emulator.runAs('NONE', 'onOpenWithTheUserLocale', emulator.openEvent('NONE'));
    expect(emulator.refused).toEqual([]);
    expect(emulator.ui.addonMenu?.items[0]).toMatchObject({ caption: 'Summary (fr)' });
    expect(emulator.logs.map((l) => l.message)).toEqual(['locale fr']);
    for (const method of [
      'Session.getActiveUser',
      'Session.getScriptTimeZone',
      'CacheService.getDocumentCache',
      'LockService.getScriptLock',
      'HtmlService.createHtmlOutput',
      'ScriptApp.getProjectTriggers',
      'Ui.alert',
      'SpreadsheetApp.flush',
    ]) {
      expect([method, deniedIn('NONE', method)]).toEqual([method, expect.any(String)]);
    }
  });
  it('opens no sidebar or dialog in LIMITED, but builds menus', () => {
    const emulator = createEmulator();
    emulator.load(SCRIPT);
    expect(() => emulator.runAs('LIMITED', 'openSidebar')).toThrow(
      'You do not have permission to call Ui.showSidebar',
    );
    expect(emulator.ui.sidebars).toHaveLength(0);
    for (const method of ['Ui.showModalDialog', 'Ui.showModelessDialog', 'Ui.alert', 'Ui.prompt']) {
      expect(deniedIn('LIMITED', method)).toBeDefined();
    }
    expect(deniedIn('LIMITED', 'Session.getActiveUser')).toBeDefined();
    expect(deniedIn('LIMITED', 'Ui.createAddonMenu')).toBeUndefined();
    expect(deniedIn('LIMITED', 'Range.setValues')).toBeUndefined();
    emulator.run('openSidebar');
    expect(emulator.ui.sidebars).toHaveLength(1);
  });
  it('returns null for the document services outside a containing document', () => {
    const emulator = createEmulator({ documentServices: { lock: false } });
    emulator.load(SCRIPT);
    expect(emulator.run('documentServices')).toEqual(['null', 'ok', 'ok']);
    emulator.documentServices.properties = false;
    emulator.documentServices.cache = false;
    expect(emulator.run('documentServices')).toEqual(['null', 'null', 'null']);
  });
  it('fails an execution that releases a lock before flushing its changes', () => {
    const emulator = createEmulator();
    emulator.load(SCRIPT);
    expect(() => emulator.run('writeWithoutFlush')).toThrow(
      'call SpreadsheetApp.flush() before releaseLock()',
    );
    expect(() => emulator.run('writeThenFlush')).not.toThrow();
    const lenient = createEmulator({ requireFlushBeforeRelease: false });
    lenient.load(SCRIPT);
    lenient.execute(() => {
      lenient.globals.LockService.getDocumentLock().waitLock(10);
      lenient.spreadsheet.getSheets()[0].getRange('A1').setValue(1);
      lenient.globals.LockService.getDocumentLock().releaseLock(); // another Lock object
      expect(lenient.locks.unflushedReleases).toEqual([]);
    });
  });
  it('keeps custom functions read-only', () => {
    expect(deniedIn('CUSTOM_FUNCTION', 'Session.getActiveUserLocale')).toBeUndefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'Session.getScriptTimeZone')).toBeDefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'Session.getActiveUser')).toBeDefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'Spreadsheet.toast')).toBeDefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'Sheet.insertSheet')).toBeDefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'Cache.get')).toBeUndefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'CacheService.getDocumentCache')).toBeUndefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'Range.getValues')).toBeUndefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'Range.setValues')).toBeDefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'SpreadsheetApp.getUi')).toBeDefined();
    expect(deniedIn('CUSTOM_FUNCTION', 'Properties.getProperty')).toBeUndefined();
    expect(deniedIn('FULL', 'Range.setValues')).toBeUndefined();
  });
});

describe('headless CLI', () => {
  it('parses its arguments', () => {
    expect(
      parseArgs([
        'samples/fr',
        '--locale',
        'fr_FR',
        '--tz',
        'Europe/Paris',
        '--run',
        'onOpen',
        '--out',
        'x',
      ]),
    ).toEqual({
      folder: 'samples/fr',
      locale: 'fr_FR',
      timeZone: 'Europe/Paris',
      bundle: 'dist/Code.js',
      runs: ['onOpen'],
      out: 'x',
      authMode: 'FULL',
      raw: false,
    });
    expect(() => parseArgs(['--locale'])).toThrow('--locale needs a value');
  });
  it('runs a bundle on CSV tabs and writes them back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'deals.csv'), 'Deal;Amount\nD-1;1 234,50 €\n');
    writeFileSync(join(dir, 'Code.js'), SCRIPT);
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const code = main([
        data,
        '--locale',
        'fr_FR',
        '--tz',
        'Europe/Paris',
        '--bundle',
        join(dir, 'Code.js'),
        '--run',
        'onOpen',
        '--out',
        join(dir, 'out'),
      ]);
      expect(code).toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(readFileSync(join(dir, 'out', 'deals.csv'), 'utf8')).toBe(
      'Deal,Amount\nD-1,"1\u202f234,50 €"\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'out', 'workbook.json'), 'utf8')).locale).toBe(
      'fr_FR',
    );
  });
  it('never writes --out over the data folder or a folder of other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'deals.csv'), 'Deal,Amount\nD-1,"1,234.50"\n');
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'deals.csv'), 'my own file\n');
    expect(() => main([data, '--out', data])).toThrow(/this is the --data folder/);
    expect(() => main([data, '--out', mine])).toThrow(/this folder is not empty/);
    expect(readFileSync(join(data, 'deals.csv'), 'utf8')).toBe('Deal,Amount\nD-1,"1,234.50"\n');
    expect(readFileSync(join(mine, 'deals.csv'), 'utf8')).toBe('my own file\n');
    rmSync(dir, { recursive: true });
  });
});

describe('toCsv', () => {
  it('gives a text that would start a formula a leading apostrophe, and numbers none', () => {
    const emulator = createEmulator({
      locale: 'en_US',
      timeZone: 'UTC',
      sheets: [
        {
          name: 'deals',
          values: [
            ['Rep', 'Amount', 'Note'],
            ['=HYPERLINK("http://evil.example")', -5, '@SUM(1)'],
            ['+1', 0.25, '-x'],
            ['Ann', '', '\tTab'],
          ],
          numberFormats: [
            [null, null, null],
            [null, null, null],
            [null, '0%', null],
            [null, null, null],
          ],
        },
      ],
    });
    expect(emulator.toCsv('deals')).toBe(
      [
        'Rep,Amount,Note',
        `"'=HYPERLINK(""http://evil.example"")",-5,'@SUM(1)`,
        "'+1,25%,'-x",
        "Ann,,'\tTab",
        '',
      ].join('\n'),
    );
    expect(emulator.toCsv('deals', { display: false }).split('\n')[2]).toBe("'+1,0.25,'-x");
    expect(emulator.files()['deals.csv']).toBe(emulator.toCsv('deals'));
  });
});

describe('errors', () => {
  it('throws Errors of the script realm named Exception, as Apps Script does', () => {
    const emulator = createEmulator();
    const context = emulator.load(`
      function tryDuplicate() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        ss.insertSheet('X');
        try { ss.insertSheet('X'); } catch (e) {
          return { local: e instanceof Error, name: e.name, message: e.message };
        }
      }
    `);
    expect(context.tryDuplicate()).toEqual({
      local: true,
      name: 'Exception',
      message: 'A sheet with the name "X" already exists. Please enter another name.',
    });
  });
});
