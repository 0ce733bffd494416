/**
 * Child process for test/bundle/timeZones.test.ts: V8 reads the local time zone (the
 * script's, in Apps Script) from TZ at start-up, so each script zone needs its own
 * process. Runs the bundle with a spreadsheet in argv[2]'s zone and prints the results as
 * JSON: `TZ=Europe/Paris node --import tsx test/support/scriptZoneRun.ts Pacific/Auckland`.
 */
import { column, evaluate, fakeAppsScript, formula, loadBundle, makeDate } from './loadBundle';

const sheetZone = process.argv[2];
const context = loadBundle({
  globals: fakeAppsScript({ locale: 'en_GB', timeZone: sheetZone }).globals,
});
const at = (month: number, day: number, hours = 0, minutes = 0) =>
  makeDate(context, 2026, month, day, sheetZone, hours, minutes);
const active = formula(context, 'ACTIVE_CUSTOMERS');
const customers = column(context, 'Before', 'Start', 'End', 'LastMinute', 'After');
const dates = column(
  context,
  at(4, 4, 23, 59), // 23:59 the day before the period: out
  at(4, 5), // midnight of the first day: in
  at(4, 6), // midnight of the last day: in
  at(4, 6, 23, 59), // 23:59 of the last day: in
  at(4, 7), // midnight the day after: out
);
const created = column(context, at(3, 1), at(4, 4), at(10, 20));
const closed = column(context, at(4, 30), at(4, 6), at(11, 3));

process.stdout.write(
  JSON.stringify({
    januaryOffset: evaluate(context, 'new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()'),
    activeWithDates: active(customers, dates, at(4, 5), at(4, 6)),
    activeWithText: active(customers, dates, '2026-04-05', '2026-04-06'),
    activeWithSerials: active(customers, dates, 46117, 46118),
    cycleDays: formula(context, 'SALES_CYCLE_DAYS')(created, closed),
  }),
);
