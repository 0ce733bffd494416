/**
 * The script's time zone (appsscript.json: the zone V8's local Date methods use in Apps
 * Script) is not the spreadsheet's. Custom functions must count days in the spreadsheet's
 * zone whatever the script's: the bundle runs here in a process whose local zone is the
 * script zone, with a spreadsheet elsewhere and Date cells at and around midnight in the
 * spreadsheet's zone (test/support/scriptZoneRun.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_ZONE = (
  JSON.parse(readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')) as { timeZone: string }
).timeZone;

interface Run {
  januaryOffset: number;
  activeWithDates: unknown;
  activeWithText: unknown;
  activeWithSerials: unknown;
  cycleDays: unknown;
}

function runIn(scriptZone: string, sheetZone: string): Run {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test', 'support', 'scriptZoneRun.ts'), sheetZone],
    { cwd: ROOT, env: { ...process.env, TZ: scriptZone }, encoding: 'utf8' },
  );
  return JSON.parse(output) as Run;
}

/** getTimezoneOffset() in January, minutes behind UTC. */
const JANUARY_OFFSET: Record<string, number> = {
  'Europe/Paris': -60,
  'Pacific/Kiritimati': -840,
  'America/Los_Angeles': 480,
};

describe.each([
  [MANIFEST_ZONE, 'America/Los_Angeles'],
  // Auckland's clocks go back on 2026-04-05: its midnight is on the UTC day before.
  [MANIFEST_ZONE, 'Pacific/Auckland'],
  ['Pacific/Kiritimati', 'America/New_York'],
  ['America/Los_Angeles', 'Asia/Tokyo'],
])('script in %s, spreadsheet in %s', (scriptZone, sheetZone) => {
  let run: Run;
  beforeAll(() => {
    run = runIn(scriptZone, sheetZone);
  });

  test('the bundle really runs in the script zone (local Date methods use it)', () => {
    expect(run.januaryOffset).toBe(JANUARY_OFFSET[scriptZone]);
  });

  test('Dates at midnight of the period bounds count in, 23:59 the day before does not', () => {
    // Period 2026-04-05 … 2026-04-06: Start, End and LastMinute are in it.
    expect(run.activeWithDates).toBe(3);
    // The same bounds as ISO text, and as serial numbers (46117 is 2026-04-05).
    expect(run.activeWithText).toBe(3);
    expect(run.activeWithSerials).toBe(3);
  });

  test('whole days between Dates at midnight, across daylight-saving changes', () => {
    // 2026-03-01 → 04-30: 60 days; 04-04 → 04-06: 2 (a 25-hour day in Auckland);
    // 10-20 → 11-03: 14 (US and European clocks go back in between).
    expect(run.cycleDays).toBeCloseTo((60 + 2 + 14) / 3, 9);
  });
});
