import { createEmulator } from './index';

describe('PropertiesService', () => {
  it('stores document, script and user properties separately', () => {
    const { globals, properties } = createEmulator();
    const doc = globals.PropertiesService.getDocumentProperties();
    doc.setProperty('mapping', '{"deals":"A:K"}');
    doc.setProperties({ a: '1', b: '2' });
    globals.PropertiesService.getUserProperties().setProperty('lang', 'fr');
    expect(globals.PropertiesService.getDocumentProperties().getProperty('a')).toBe('1');
    expect(doc.getKeys().sort()).toEqual(['a', 'b', 'mapping']);
    expect(doc.getProperty('missing')).toBeNull();
    expect(globals.PropertiesService.getScriptProperties().getProperties()).toEqual({});
    expect(properties.user.get('lang')).toBe('fr');
    doc.setProperties({ only: 'this' }, true);
    expect(doc.getProperties()).toEqual({ only: 'this' });
    doc.deleteProperty('only');
    expect(doc.getKeys()).toEqual([]);
    doc.setProperty('n', 5 as unknown as string);
    expect(doc.getProperty('n')).toBe('5');
    doc.deleteAllProperties();
    expect(doc.getProperties()).toEqual({});
  });
  it('refuses a value over 9 KB, like Apps Script', () => {
    const doc = createEmulator().globals.PropertiesService.getDocumentProperties();
    doc.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => doc.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    // 4,609 two-byte characters are 9,218 bytes: over the limit although shorter.
    expect(() => doc.setProperty('accents', 'é'.repeat(4609))).toThrow('Argument too large');
    expect(doc.getProperty('big')).toBeNull();
  });
  it('refuses to grow a store past 500 KB, all or nothing', () => {
    const doc = createEmulator().globals.PropertiesService.getDocumentProperties();
    const chunk = 'x'.repeat(9000);
    // 500 KB is 512,000 bytes. 56 × (3-byte key + 9,000) = 504,168 bytes fit;
    // a 57th would make 513,171.
    for (let i = 0; i < 56; i++) doc.setProperty(`k${String(i).padStart(2, '0')}`, chunk);
    expect(() => doc.setProperties({ k56: chunk, small: 'y' })).toThrow(
      'You have exceeded the property storage quota',
    );
    expect(doc.getProperty('small')).toBeNull();
    expect(doc.getKeys()).toHaveLength(56);
    doc.setProperty('small', 'y');
    expect(doc.getProperty('small')).toBe('y');
  });
});

describe('LockService', () => {
  it('gives the lock when free, and releases it', () => {
    const { globals, locks } = createEmulator();
    const lock = globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(locks.holder('document')).toBe('self');
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(locks.holder('document')).toBeNull();
  });
  it('fails tryLock and waitLock while another execution holds the lock', () => {
    const { globals, locks, clock } = createEmulator();
    locks.holdByOther('document');
    const lock = globals.LockService.getDocumentLock();
    const before = clock.now();
    expect(lock.tryLock(5000)).toBe(false);
    expect(clock.now() - before).toBeGreaterThanOrEqual(5000);
    expect(() => lock.waitLock(1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    // The script lock is another lock.
    expect(globals.LockService.getScriptLock().tryLock(0)).toBe(true);
    locks.releaseOther('document');
    expect(lock.tryLock(0)).toBe(true);
  });
  it('succeeds when the other execution releases within the timeout', () => {
    const { globals, locks } = createEmulator();
    locks.holdByOther('document', { releaseAfterMs: 3000 });
    const lock = globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    // 1 s already waited: 2 s more reach the release.
    expect(lock.tryLock(2000)).toBe(true);
  });
  it('releases this execution’s locks at its end', () => {
    const emulator = createEmulator();
    emulator.globals.LockService.getDocumentLock().waitLock(100);
    expect(emulator.locks.holder()).toBe('self');
    emulator.endExecution();
    expect(emulator.locks.holder()).toBeNull();
  });
});

describe('CacheService', () => {
  it('puts, gets and expires values on the virtual clock', () => {
    const { globals, clock } = createEmulator();
    const cache = globals.CacheService.getDocumentCache()!;
    cache.put('a', '1', 60);
    cache.putAll({ b: '2', c: '3' });
    expect(cache.get('a')).toBe('1');
    expect(cache.getAll(['a', 'b', 'zz'])).toEqual({ a: '1', b: '2' });
    clock.advance(61_000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('2');
    cache.remove('b');
    cache.removeAll(['c']);
    expect(cache.getAll(['b', 'c'])).toEqual({});
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large');
    expect(globals.CacheService.getScriptCache().get('a')).toBeNull();
  });
});

describe('HtmlService and the UI', () => {
  it('builds outputs from text and from the files given', () => {
    const { globals } = createEmulator({ files: { Sidebar: '<h1>KPI</h1>' } });
    const out = globals.HtmlService.createHtmlOutputFromFile('Sidebar')
      .setTitle('Sales KPI')
      .setWidth(300);
    expect([out.getContent(), out.getTitle(), out.getWidth()]).toEqual([
      '<h1>KPI</h1>',
      'Sales KPI',
      300,
    ]);
    expect(() => globals.HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
    const html = globals.HtmlService.createHtmlOutput('<p>a</p>').appendUntrusted('<b>');
    expect(html.getContent()).toBe('<p>a</p>&lt;b&gt;');
  });
  it('evaluates templates with scriptlets', () => {
    const { globals } = createEmulator({
      files: {
        'Dialog.html': '<? for (var i = 0; i < n; i++) { ?><i><?= label ?></i><? } ?><?!= raw ?>',
      },
    });
    const template = globals.HtmlService.createTemplateFromFile('Dialog');
    Object.assign(template, { n: 2, label: '<x>', raw: '<br>' });
    expect(template.evaluate().getContent()).toBe('<i>&lt;x&gt;</i><i>&lt;x&gt;</i><br>');
  });
  it('records menus, sidebars, dialogs and alerts', () => {
    const { globals, ui } = createEmulator();
    const sheetsUi = globals.SpreadsheetApp.getUi();
    sheetsUi
      .createAddonMenu()
      .addItem('Generate KPI summary', 'generateSummary')
      .addSeparator()
      .addSubMenu(sheetsUi.createMenu('Help').addItem('About', 'showAbout'))
      .addToUi();
    expect(ui.addonMenu).toEqual({
      caption: null,
      addon: true,
      items: [
        { type: 'item', caption: 'Generate KPI summary', functionName: 'generateSummary' },
        { type: 'separator' },
        {
          type: 'submenu',
          menu: {
            caption: 'Help',
            addon: false,
            items: [{ type: 'item', caption: 'About', functionName: 'showAbout' }],
          },
        },
      ],
    });
    sheetsUi.showSidebar(globals.HtmlService.createHtmlOutput('<p>x</p>').setTitle('KPI'));
    expect(ui.sidebar).toEqual({
      title: 'KPI',
      content: '<p>x</p>',
      width: null,
      height: null,
      metaTags: [],
    });
    // Meta tags written in the HTML are ignored; addMetaTag's are the page's.
    sheetsUi.showSidebar(
      globals.HtmlService.createHtmlOutput(
        '<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=1">\n</head>',
      ).addMetaTag('viewport', 'width=device-width'),
    );
    expect(ui.sidebar).toMatchObject({
      content: '<head>\n<meta charset="utf-8">\n</head>',
      metaTags: [{ name: 'viewport', content: 'width=device-width' }],
    });
    sheetsUi.showModalDialog(globals.HtmlService.createHtmlOutput('d'), 'Dialog');
    expect(ui.dialogs[0]).toMatchObject({ modal: true, title: 'Dialog' });
    expect(sheetsUi.alert('Done')).toBe(sheetsUi.Button.OK);
    ui.alertResponses.push('NO');
    expect(sheetsUi.alert('Sure?', 'Really?', sheetsUi.ButtonSet.YES_NO)).toBe(sheetsUi.Button.NO);
    expect(ui.alerts).toEqual([
      { title: null, prompt: 'Done', buttons: 'OK', response: 'OK' },
      { title: 'Sure?', prompt: 'Really?', buttons: 'YES_NO', response: 'NO' },
    ]);
  });
});

describe('Utilities, Session, ScriptApp, Logger', () => {
  it('formats dates in a time zone and makes UUIDs', () => {
    const { globals } = createEmulator();
    const date = new Date('2025-03-31T22:30:00Z');
    expect(globals.Utilities.formatDate(date, 'Europe/Paris', 'yyyy-MM-dd HH:mm')).toBe(
      '2025-04-01 00:30',
    );
    expect(globals.Utilities.formatDate(date, 'America/New_York', 'dd/MM/yyyy')).toBe('31/03/2025');
    expect(globals.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(globals.Utilities.formatString('%s has %d deals', 'Ana', 3.7)).toBe('Ana has 3 deals');
    expect(globals.Utilities.newBlob('héllo', 'text/plain', 'a.txt').getDataAsString()).toBe(
      'héllo',
    );
  });
  it('moves the virtual clock on sleep', () => {
    const { globals, clock } = createEmulator();
    const before = clock.now();
    globals.Utilities.sleep(2000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(2000);
  });
  it('answers Session and ScriptApp from the options', () => {
    const { globals } = createEmulator({ locale: 'fr_FR', timeZone: 'Europe/Paris' });
    expect(globals.Session.getActiveUserLocale()).toBe('fr');
    expect(globals.Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(String(globals.ScriptApp.AuthMode.NONE)).toBe('NONE');
    expect(globals.ScriptApp.AuthMode.FULL).not.toBe(globals.ScriptApp.AuthMode.LIMITED);
  });
  it('records Logger and console output', () => {
    const { globals, logs } = createEmulator();
    globals.Logger.log('rows: %s', 12);
    globals.console.warn('careful', { a: 1 });
    expect(logs).toEqual([
      { source: 'Logger', level: 'log', message: 'rows: 12' },
      { source: 'console', level: 'warn', message: 'careful {"a":1}' },
    ]);
    expect(globals.Logger.getLog()).toBe('rows: 12');
  });
});
