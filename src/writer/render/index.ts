import type { Report } from '../../report/model';
import type { TabPlan } from '../plan';
import { renderContext } from '../plan';
import { renderActivities } from './activities';
import { renderCampaigns } from './campaigns';
import { renderFeedback } from './feedback';
import { renderFunnel } from './funnel';
import { renderOverview } from './overview';
import { renderQuality } from './quality';
import { renderReps } from './reps';
import { renderTrends } from './trends';

/**
 * Every tab the report fills, in tab-bar order: a tab whose entity (or field) is not
 * mapped is left out, and the overview says what that leaves out. Pure: nothing is
 * written until every tab has been computed, so a failure here writes nothing.
 */
export function planTabs(report: Report): TabPlan[] {
  const ctx = renderContext(report);
  const plans: TabPlan[] = [renderOverview(ctx)];
  if (report.reps) plans.push(renderReps(ctx, report.reps));
  plans.push(renderTrends(ctx));
  plans.push(renderFunnel(ctx, report.funnel));
  if (report.campaigns) plans.push(renderCampaigns(ctx, report.campaigns));
  if (report.activities) plans.push(renderActivities(ctx, report.activities));
  if (report.feedback) plans.push(renderFeedback(ctx, report.feedback));
  plans.push(renderQuality(ctx, report.quality));
  return plans;
}
