import type { FunctionDefinition } from './define';
import { WIN_RATE } from './winRate';
import { CONVERSION_RATE } from './conversionRate';
import { RETENTION_RATE } from './retentionRate';
import { CHURN_RATE } from './churnRate';
import { REPEAT_CUSTOMER_RATE } from './repeatCustomerRate';
import { MARGIN_RATE } from './marginRate';
import { MARKUP_RATE } from './markupRate';
import { QUOTA_ATTAINMENT } from './quotaAttainment';
import { GROWTH_RATE } from './growthRate';
import { NPS } from './nps';
import { NEW_CUSTOMERS } from './newCustomers';
import { ACTIVE_CUSTOMERS } from './activeCustomers';
import { REVENUE } from './revenue';
import { AVERAGE_DEAL_SIZE } from './averageDealSize';
import { PIPELINE_VALUE } from './pipelineValue';
import { SALES_CYCLE_DAYS } from './salesCycleDays';
import { SALES_VELOCITY } from './salesVelocity';
import { MARGIN } from './margin';
import { REVENUE_PER_REP } from './revenuePerRep';
import { ROI } from './roi';
import { CAC } from './cac';
import { CAMPAIGN_ROI } from './campaignRoi';
import { KPI_TABLE } from './kpiTable';

/**
 * Every custom function of the add-on, in the order of the reference documentation.
 * The build turns this list into JSDoc'd top-level stubs; scripts/docs.ts into
 * docs/FUNCTIONS.md.
 */
export const FUNCTIONS: readonly FunctionDefinition[] = [
  WIN_RATE,
  CONVERSION_RATE,
  RETENTION_RATE,
  CHURN_RATE,
  REPEAT_CUSTOMER_RATE,
  MARGIN_RATE,
  MARKUP_RATE,
  QUOTA_ATTAINMENT,
  GROWTH_RATE,
  NPS,
  NEW_CUSTOMERS,
  ACTIVE_CUSTOMERS,
  REVENUE,
  AVERAGE_DEAL_SIZE,
  PIPELINE_VALUE,
  SALES_CYCLE_DAYS,
  SALES_VELOCITY,
  MARGIN,
  REVENUE_PER_REP,
  ROI,
  CAC,
  CAMPAIGN_ROI,
  KPI_TABLE,
];
