import type { SheetAnalysis } from './analyzeSheet';
import type { EntityId } from './fields';
import type { FieldMatch } from './matchFields';

/**
 * Whether a sheet whose columns match an optional entity looks like one: a wrong table
 * is worse than none (an accounts table read as targets makes a quota attainment of
 * millions of percent). The deals need no such check: their status and amount say it.
 */

/** Why a table that has the columns of an entity is still not taken for it. */
export type MisfitReason =
  /** Targets: no period column by its header, or no target column by its header. */
  | 'noTargetColumns'
  /** Feedback: no score column by its header, or scores outside 0–10. */
  | 'noScores'
  /** Activities: no date by its header, or the type column holds no activity types. */
  | 'noActivityTypes'
  /** Campaigns: the names are not names (numbers, dates, or the same few repeated). */
  | 'noCampaignNames';

export interface Misfit {
  readonly reason: MisfitReason;
  /** The required fields that do not fit. */
  readonly fields: readonly string[];
}

/** Share of a column's sampled values of one kind. */
function share(
  analysis: SheetAnalysis,
  match: FieldMatch | undefined,
  count: 'date' | 'number' | 'text' | 'activityHits',
): number {
  if (!match) return 0;
  const p = analysis.profiles[match.column];
  return p.total === 0 ? 0 : p[count] / p.total;
}

const byHeader = (match: FieldMatch | undefined) => match !== undefined && match.level !== 'type';

/**
 * The misfit of a complete guess, or undefined when the table fits. `namedLikeIt`: the
 * sheet is named like the entity ("Activités"), which vouches for its own labels.
 */
export function misfitOf(
  analysis: SheetAnalysis,
  entity: EntityId,
  fields: Readonly<Record<string, FieldMatch>>,
  namedLikeIt: boolean,
): Misfit | undefined {
  switch (entity) {
    case 'targets': {
      const bad: string[] = [];
      const period = fields.period;
      const p = period && analysis.profiles[period.column];
      const periodFit = p && p.total > 0 ? (p.date + p.period + p.yearish) / p.total : 0;
      if (!byHeader(period) || periodFit < 0.8) bad.push('period');
      if (!byHeader(fields.target) || share(analysis, fields.target, 'number') < 0.8)
        bad.push('target');
      return bad.length > 0 ? { reason: 'noTargetColumns', fields: bad } : undefined;
    }
    case 'feedback': {
      const score = fields.score;
      const p = score && analysis.profiles[score.column];
      const inScale =
        p !== undefined &&
        p.total > 0 &&
        p.number === p.total &&
        p.percentish === p.total &&
        p.scoreMax <= 10;
      return byHeader(score) && inScale ? undefined : { reason: 'noScores', fields: ['score'] };
    }
    case 'activities': {
      const bad: string[] = [];
      if (!byHeader(fields.date) || share(analysis, fields.date, 'date') < 0.8) bad.push('date');
      if (!namedLikeIt && share(analysis, fields.type, 'activityHits') < 0.3) bad.push('type');
      return bad.length > 0 ? { reason: 'noActivityTypes', fields: bad } : undefined;
    }
    case 'campaigns': {
      const name = fields.name;
      const p = name && analysis.profiles[name.column];
      // A sheet named like campaigns vouches for names Sheets would read otherwise ("May 2026").
      const names =
        p !== undefined &&
        p.total > 0 &&
        (namedLikeIt || (p.text / p.total >= 0.8 && p.distinct / p.total >= 0.8));
      return byHeader(name) && names ? undefined : { reason: 'noCampaignNames', fields: ['name'] };
    }
    default:
      return undefined;
  }
}
