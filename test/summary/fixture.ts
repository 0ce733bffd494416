/**
 * A small workbook whose every figure is computed by hand in small.test.ts. Today is
 * 2026-11-15, so the summary covers October 2026 and compares it with September.
 */
export const SMALL = {
  Deals: `Deal ID,Company,Deal Owner,Deal Stage,Amount,Cost,Create Date,Close Date,Lead Source,Probability
D1,Acme,Alice,Closed Won,1000,600,2026-09-01,2026-10-05,Spring Fair,
D2,Beta,Alice,Closed Lost,500,300,2026-09-10,2026-10-10,Web,
D3,Gamma,Bob,Closed Won,3000,2000,2026-10-01,2026-10-21,Spring Fair,
D4,Delta,Bob,Proposal,2000,,2026-10-03,,,0.5
D5,Acme,Bob,Prospecting,800,,2026-10-12,,,0.25
D6,Beta,Alice,Closed Won,2000,1500,2026-08-01,2026-09-15,Web,
D7,Gamma,Bob,Closed Lost,700,,2026-08-20,2026-09-20,,
D8,Acme,Alice,Closed Won,1500,1000,2026-05-01,2026-06-10,Spring Fair,
`,
  Activities: `Activity Date,Owner,Activity Type,Company
2026-10-02,Alice,Call,Acme
2026-10-06,Alice,Call,Beta
2026-10-08,Alice,Meeting,Acme
2026-10-09,Bob,Call,Gamma
2026-10-20,Bob,Quote,Gamma
2026-09-03,Alice,Call,Beta
`,
  Campaigns: `Campaign,Channel,Cost,Start Date,End Date
Spring Fair,Trade show,500,2026-05-01,2026-05-03
Autumn Ads,Ads,310,2026-10-01,2026-10-31
`,
  Targets: `Rep,Month,Quota
Alice,2026-10,2000
Bob,2026-10,2500
Alice,2026-09,1500
Bob,2026-09,1500
`,
  Feedback: `Date,Rep,Score,Comment
2026-10-07,Alice,4,Busy month
2026-10-14,Bob,2,Prices too high
2026-09-10,Alice,3,Quiet
`,
};
