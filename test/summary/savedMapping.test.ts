/**
 * A saved mapping meets a sheet that changed since: columns are found by their saved
 * header, a header no longer found is reported (summary warnings, sidebar notice) and
 * its figures are left out, never read from whatever column took its place.
 */
import { SMALL } from './fixture';
import type { Loaded } from './support';
import { generate, shown, workbook } from './support';

interface State {
  draft: {
    entities: Record<string, { fields: Record<string, { header: string; index: number }> }>;
  };
  notices: { kind: string; message: string }[];
}

function savedSmall(): Loaded {
  const loaded = workbook({ Deals: SMALL.Deals });
  const state = loaded.emulator.run('getMappingState') as State;
  loaded.emulator.run('saveMapping', state.draft);
  return loaded;
}

/** The overview's first value of a KPI row, or undefined when the row is not there. */
function kpi(loaded: Loaded, label: string): string | undefined {
  return shown(loaded, 'KPI Overview').find((row) => row[0] === label)?.[1];
}

test('a deleted amount column: revenue is left out, not summed from the cost column', () => {
  const loaded = savedSmall();
  // Deal ID, Company, Deal Owner, Deal Stage, Amount (E), Cost (F)…: delete Amount.
  loaded.emulator.workbook.sheet('Deals').deleteColumns(5, 1);
  const result = generate(loaded);
  expect(result.ok).toBe(true);
  expect(result.warnings).toContain(
    'Deals: the column “Amount” (Amount) is no longer in “Deals” (deleted, renamed or moved out of the table). The figures that need it are left out until you choose its column again with “Map my columns”.',
  );
  // October's won deals cost 600 + 2,000: that sum must not show as revenue.
  expect(shown(loaded, 'KPI Overview').flat()).not.toContain('$2,600.00');
  // Margin needs the amount too: left out rather than −cost.
  expect(kpi(loaded, 'Margin')).toBe('Map Deals › Amount to see this KPI.');
  expect(kpi(loaded, 'Revenue')).toBe('Map Deals › Amount to see this KPI.');
  // The deals are still counted: status and dates are where they were found.
  expect(kpi(loaded, 'Orders / won deals')).toBe('2');

  const state = loaded.emulator.run('getMappingState') as State;
  expect(state.notices.map((n) => n.kind)).toContain('missingColumn');
  // The sidebar shows Amount unmapped, and Cost where it now stands (E).
  expect(state.draft.entities.deals.fields.amount).toBeUndefined();
  expect(state.draft.entities.deals.fields.cost).toEqual({ header: 'Cost', index: 4 });
});

test('a moved column is read where it now stands, with no warning', () => {
  const loaded = savedSmall();
  const sheet = loaded.emulator.workbook.sheet('Deals');
  // Amount (E) moved to the far right: delete it and write it again after the last column.
  const values = sheet.getDataRange().getValues() as unknown[][];
  const amounts = values.map((row) => [row[4]]);
  sheet.deleteColumns(5, 1);
  const width = values[0].length - 1;
  sheet.getRange(1, width + 1, amounts.length, 1).setValues(amounts);
  const result = generate(loaded);
  expect(result.warnings.filter((w) => w.includes('no longer'))).toEqual([]);
  expect(kpi(loaded, 'Revenue')).toBe('$4,000.00');
});
