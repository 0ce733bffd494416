import type { ImplausibleCause, ImplausibleFigure, KpiId, OverviewRow, RepSection } from './model';

/**
 * Figures no business produces (summary.md, "Plausible or flagged"): an attainment above
 * 1,000 % (an unrelated table taken for targets, or targets in another unit), a margin
 * above revenue (negative costs), a negative sales cycle (close dates before created
 * dates). They are marked where they show and their likely cause is named on the
 * data-quality tab.
 */

/** Attainment above this (1,000 %) is taken for a mapping or unit error. */
export const MAX_PLAUSIBLE_ATTAINMENT = 10;

function causeOf(
  kpi: KpiId,
  value: number,
  row: (id: KpiId) => number | null,
): ImplausibleCause | null {
  switch (kpi) {
    case 'quotaAttainment':
      return value > MAX_PLAUSIBLE_ATTAINMENT ? 'attainmentTooHigh' : null;
    case 'margin': {
      const revenue = row('revenue');
      return revenue !== null && value > revenue ? 'marginAboveRevenue' : null;
    }
    case 'marginRate':
      return value > 1 ? 'marginAboveRevenue' : null;
    case 'salesCycle':
      return value < 0 ? 'negativeCycle' : null;
    default:
      return null;
  }
}

/** The overview rows marked, the per-rep rows marked, and the list for the data-quality tab. */
export function checkPlausibility(
  overview: readonly OverviewRow[],
  reps: RepSection | null,
): { overview: OverviewRow[]; reps: RepSection | null; implausible: ImplausibleFigure[] } {
  const implausible: ImplausibleFigure[] = [];
  const current = (id: KpiId) => overview.find((r) => r.kpi === id)?.current ?? null;
  const marked = overview.map((row) => {
    const cause = row.current === null ? null : causeOf(row.kpi, row.current, current);
    if (!cause) return row;
    implausible.push({ kpi: row.kpi, rep: null, value: row.current!, cause });
    return { ...row, implausible: true };
  });
  let repSection = reps;
  if (reps) {
    const rows = reps.rows.map((rep) => {
      if (rep.attainment === null || rep.attainment <= MAX_PLAUSIBLE_ATTAINMENT) return rep;
      implausible.push({
        kpi: 'quotaAttainment',
        rep: rep.rep,
        value: rep.attainment,
        cause: 'attainmentTooHigh',
      });
      return { ...rep, implausible: true };
    });
    const total = reps.total;
    const totalFlag = total.attainment !== null && total.attainment > MAX_PLAUSIBLE_ATTAINMENT;
    repSection = { rows, total: totalFlag ? { ...total, implausible: true } : total };
  }
  return { overview: marked, reps: repSection, implausible };
}
