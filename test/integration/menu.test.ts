/**
 * onOpen in each authorization mode, and the sidebar the menu opens, run from the
 * built dist/Code.js against the emulator.
 */
import { readFileSync } from 'node:fs';
import type { Emulator, MenuEntry } from '../../emulator/index';
import { execution, sampleEmulator, SIDEBAR_HTML } from './harness';

const MODES = ['NONE', 'LIMITED', 'FULL'] as const;

function items(emulator: Emulator): { caption: string; functionName: string }[] {
  const menu = emulator.ui.addonMenu;
  if (!menu) throw new Error('no add-on menu was added');
  return menu.items
    .filter((item): item is Extract<MenuEntry, { type: 'item' }> => item.type === 'item')
    .map(({ caption, functionName }) => ({ caption, functionName }));
}

describe.each([
  ['fr', 'Associer mes colonnes'],
  ['en', 'Map my columns'],
] as const)('onOpen, %s workbook', (sample, mapCaption) => {
  it.each(MODES)('adds the menu in AuthMode.%s', (mode) => {
    const emulator = sampleEmulator(sample);
    const run = execution(emulator);
    run.runAs(mode, 'onOpen', emulator.openEvent(mode));
    const menu = items(emulator);
    expect(menu[0]).toEqual({ caption: mapCaption, functionName: 'showMappingSidebar' });
    expect(typeof run.context.showMappingSidebar).toBe('function');
  });
});

it('builds the menu in English in AuthMode.NONE when even Session cannot be read', () => {
  const emulator = sampleEmulator('fr');
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error('Session is not available');
      },
    },
  );
  execution(emulator, { ...emulator.globals, Session: throwing }).runAs(
    'NONE',
    'onOpen',
    emulator.openEvent('NONE'),
  );
  expect(items(emulator)[0].caption).toBe('Map my columns');
});

it('builds the menu from the user locale (Session) in AuthMode.NONE', () => {
  const emulator = sampleEmulator('en', { userLocale: 'fr' });
  execution(emulator).runAs('NONE', 'onOpen', emulator.openEvent('NONE'));
  expect(items(emulator)[0].caption).toBe('Associer mes colonnes');
});

describe.each([
  ['fr', 'Sales KPI — association des colonnes'],
  ['en', 'Sales KPI — column mapping'],
] as const)('showMappingSidebar, %s workbook', (sample, title) => {
  it('opens dist/Sidebar.html titled in the spreadsheet language', () => {
    const emulator = sampleEmulator(sample);
    execution(emulator).run('showMappingSidebar');
    const sidebar = emulator.ui.sidebar;
    expect(sidebar?.title).toBe(title);
    expect(sidebar?.content).toBe(readFileSync(SIDEBAR_HTML, 'utf8'));
  });
});

describe('dist/Sidebar.html', () => {
  const html = readFileSync(SIDEBAR_HTML, 'utf8');

  it('is one self-contained file: styles and script inline, nothing loaded', () => {
    expect(html).toMatch(/<style>[\s\S]*\.sr-only[\s\S]*<\/style>/);
    expect(html).toMatch(/<script>[\s\S]*google[\s\S]*<\/script>/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toContain('/*__STYLES__*/');
    expect(html).not.toContain('/*__SCRIPT__*/');
    // One script element: no "</script" hides inside the bundle.
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });

  it('never turns text into markup', () => {
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('keeps the place of the "Generate summary" button, and ships no comments', () => {
    expect(html).toContain('id="summary-slot"');
    expect(html).not.toContain('<!--');
    // The stylesheet is minified: no /* … */ left in <style>.
    const styles = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    expect(styles).not.toContain('/*');
    expect(styles).not.toMatch(/\n\s*\n/);
  });
});
