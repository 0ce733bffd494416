import { entitySpec, fieldSpec } from '../../mapping/fields';
import type { KpiId, QualitySection } from '../../report/model';
import { COUNT_FORMAT, unitFormat } from '../formats';
import { COLORS, Grid, header, num, text } from '../grid';
import { problemLabel, skipReasonLabel } from '../labels';
import type { RenderContext, TabPlan } from '../plan';
import { heading } from '../plan';

/** Rows listed in "first rows" cells. */
const FIRST_ROWS_SHOWN = 20;

/**
 * Data quality: what was read and used per table, the rows skipped and why, each value
 * that could not be read with its sheet row, statuses the mapping does not class, and
 * the fields and tables not mapped (with the KPIs they would add).
 */
export function renderQuality(ctx: RenderContext, quality: QualitySection): TabPlan {
  const { labels, language } = ctx;
  const entityName = (id: Parameters<typeof entitySpec>[0]) => entitySpec(id).label[language];
  const kpiNames = new Map<KpiId, string>();
  for (const row of ctx.report.overview) kpiNames.set(row.kpi, row.name);
  for (const row of ctx.report.lockedKpis) kpiNames.set(row.kpi, row.name);

  const grid = new Grid();
  heading(grid, ctx, labels.qualityTitle);
  grid.blank();

  grid.row(
    header(labels.table),
    header(labels.sheet),
    header(labels.rowsRead),
    header(labels.rowsUsed),
    header(labels.rowsSkipped),
  );
  for (const table of quality.tables) {
    const skipped = table.skipped.reduce((sum, s) => sum + s.count, 0);
    grid.row(
      text(entityName(table.entity)),
      text(table.sheet),
      num(table.rowsRead, COUNT_FORMAT),
      num(table.rowsUsed, COUNT_FORMAT),
      num(skipped, COUNT_FORMAT),
    );
  }

  if (quality.implausible.length > 0) {
    grid.blank();
    grid.row(header(labels.implausibleTitle));
    grid.row(
      header(labels.kpi),
      header(labels.rep),
      header(labels.value),
      header(labels.likelyCause),
    );
    for (const figure of quality.implausible) {
      const row = ctx.report.overview.find((r) => r.kpi === figure.kpi);
      grid.row(
        text(kpiNames.get(figure.kpi) ?? figure.kpi),
        text(figure.rep ?? ''),
        num(figure.value, unitFormat(row?.unit ?? 'percent', ctx.locale), COLORS.implausible),
        text(labels[figure.cause]),
      );
    }
  }

  const skippedRows = quality.tables.flatMap((table) =>
    table.skipped.filter((s) => s.count > 0).map((s) => ({ table, skipped: s })),
  );
  if (skippedRows.length > 0) {
    grid.blank();
    grid.row(header(labels.skippedTitle));
    grid.row(
      header(labels.table),
      header(labels.reason),
      header(labels.rows),
      header(labels.firstRows),
    );
    for (const { table, skipped } of skippedRows) {
      const shown = skipped.sheetRows.slice(0, FIRST_ROWS_SHOWN).join(', ');
      grid.row(
        text(entityName(table.entity)),
        text(skipReasonLabel(labels, skipped.reason)),
        num(skipped.count, COUNT_FORMAT),
        text(skipped.count > skipped.sheetRows.length ? `${shown}…` : shown),
      );
    }
  }

  grid.blank();
  grid.row(header(labels.problemsTitle));
  const problemCount = quality.tables.reduce((sum, t) => sum + t.problemCount, 0);
  if (problemCount === 0) {
    grid.row(text(labels.noProblems));
  } else {
    grid.row(
      header(labels.table),
      header(labels.sheet),
      header(labels.row),
      header(labels.column),
      header(labels.value),
      header(labels.problem),
    );
    for (const table of quality.tables) {
      for (const problem of table.problems) {
        grid.row(
          text(entityName(table.entity)),
          text(table.sheet),
          num(problem.sheetRow, '0'),
          text(problem.header),
          text(problem.value),
          text(problemLabel(labels, problem.reason)),
        );
      }
      const more = table.problemCount - table.problems.length;
      if (more > 0) {
        grid.row(
          text(entityName(table.entity)),
          text(table.sheet),
          text(labels.moreProblems.replace('{n}', String(more))),
        );
      }
    }
  }

  if (quality.unclassedStatuses.length > 0) {
    grid.blank();
    grid.row(header(labels.unclassedTitle));
    grid.row(header(labels.status), header(labels.deals));
    for (const status of quality.unclassedStatuses) {
      grid.row(text(status.label), num(status.count, COUNT_FORMAT));
    }
  }

  if (quality.unmappedFields.length > 0) {
    grid.blank();
    grid.row(header(labels.unmappedTitle));
    grid.row(header(labels.entity), header(labels.field), header(labels.unlocks));
    for (const field of quality.unmappedFields) {
      grid.row(
        text(entityName(field.entity)),
        text(fieldSpec(field.entity, field.field)?.label[language] ?? field.label),
        text(field.unlocks.map((id) => kpiNames.get(id) ?? id).join(', ')),
      );
    }
  }

  if (quality.unmappedEntities.length > 0) {
    grid.blank();
    grid.row(header(labels.unmappedEntitiesTitle));
    for (const entity of quality.unmappedEntities) grid.row(text(entityName(entity)));
  }

  return {
    id: 'quality',
    grid,
    charts: [],
    frozenRows: 0,
    widths: [
      { column: 1, count: 1, pixels: 200 },
      { column: 2, count: 5, pixels: 140 },
    ],
  };
}
