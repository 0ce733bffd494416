import path from 'node:path';
import { loadCsvFolder } from '../../emulator/importCsv';
import { mappingFromDetection } from '../mapping/mappingFromDetection';
import { detectWorkbook } from '../mapping/detect';
import { DEFAULT_SETTINGS } from '../mapping/schema';
import { buildReport } from '../report/build';
import {
  smallMapping,
  smallTables,
  SMALL_CONTEXT,
  SMALL_TODAY,
} from '../report/testing/smallWorkbook';
import { planTabs } from '../writer/render';
import { chartPlansByKind, writerChartPlans } from './selfTest';

function optionKeys(plans: ReturnType<typeof chartPlansByKind>): Record<string, string[]> {
  const flat = (prefix: string, value: unknown): string[] =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.entries(value).flatMap(([k, v]) => flat(`${prefix}.${k}`, v))
      : [prefix];
  return Object.fromEntries(
    plans.map((plan) => [
      plan.kind,
      Object.entries(plan.options ?? {})
        .flatMap(([k, v]) => flat(k, v))
        .sort(),
    ]),
  );
}

describe("the self-test's chart: every option key the writer sets", () => {
  const tiny = optionKeys(writerChartPlans());

  it('draws each chart kind the writer draws for the report test workbook, with the same keys', () => {
    const small = buildReport({
      tables: smallTables(),
      mapping: smallMapping(),
      context: SMALL_CONTEXT,
      today: SMALL_TODAY,
    });
    expect(tiny).toEqual(optionKeys(chartPlansByKind(planTabs(small))));
  });

  for (const sample of ['en', 'fr']) {
    it(`covers every option key of the ${sample} sample's summary`, () => {
      const folder = path.join(__dirname, '..', '..', 'samples', sample);
      const locale = sample === 'fr' ? 'fr_FR' : 'en_US';
      const timeZone = sample === 'fr' ? 'Europe/Paris' : 'America/New_York';
      const sheets = loadCsvFolder(folder, { locale, timeZone });
      const context = { locale, timeZone };
      const mapping = mappingFromDetection(
        detectWorkbook(
          sheets.map((s) => ({ name: s.name, values: s.values })),
          context,
        ),
        DEFAULT_SETTINGS,
      )!;
      const tables = Object.fromEntries(
        Object.entries(mapping.entities).map(([id, entity]) => [
          id,
          sheets.find((s) => s.name === entity!.sheet)!.values,
        ]),
      );
      const report = buildReport({ tables, mapping, context, today: Date.UTC(2026, 10, 15) });
      const fromSample = optionKeys(chartPlansByKind(planTabs(report)));
      for (const [kind, keys] of Object.entries(fromSample)) {
        expect(tiny[kind]).toEqual(expect.arrayContaining(keys));
      }
    });
  }
});
