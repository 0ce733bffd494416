import type { EntityDetection, SheetInfo, StatusValue } from '../server/types';
import { cueOf, draftToSend, headersOf, moveStage, reclassify, withHeaderRow } from './model';

const S = (label: string, cls: StatusValue['class']): StatusValue => ({
  label,
  count: 1,
  class: cls,
});
const STATUSES = [
  S('A', 'open'),
  S('B', 'open'),
  S('C', 'open'),
  S('Won', 'won'),
  S('Lost', 'lost'),
];

describe('reclassify', () => {
  it('moves a status to the end of its new class', () => {
    expect(reclassify(STATUSES, 'A', 'lost').map((s) => `${s.label}:${s.class}`)).toEqual([
      'B:open',
      'C:open',
      'Won:won',
      'Lost:lost',
      'A:lost',
    ]);
    expect(reclassify(STATUSES, 'Lost', 'open').map((s) => s.label)).toEqual([
      'A',
      'B',
      'C',
      'Lost',
      'Won',
    ]);
  });
});

describe('moveStage', () => {
  it('swaps open stages and stops at the ends', () => {
    expect(moveStage(STATUSES, 'B', -1).map((s) => s.label)).toEqual([
      'B',
      'A',
      'C',
      'Won',
      'Lost',
    ]);
    expect(moveStage(STATUSES, 'C', 1).map((s) => s.label)).toEqual(['A', 'B', 'C', 'Won', 'Lost']);
    expect(moveStage(STATUSES, 'A', -1).map((s) => s.label)).toEqual([
      'A',
      'B',
      'C',
      'Won',
      'Lost',
    ]);
  });
});

const SHEET: SheetInfo = {
  name: 'Deals',
  rowCount: 10,
  columnCount: 3,
  headerRow: 2,
  topRows: [
    ['Export 2025', '', ''],
    ['Stage', 'Amount', 'Owner'],
    ['Won', '10', 'Ann'],
  ],
};

describe('headers and cues', () => {
  const entity = {
    sheet: 'Deals',
    headerRow: 2,
    fields: { status: { header: 'Stage', index: 0 } },
  };
  const match: EntityDetection = {
    sheet: 'Deals',
    headerRow: 2,
    fields: {
      status: { column: 0, header: 'Stage', level: 'exact', confidence: 1 },
      amount: { column: 1, header: 'Amount', level: 'contains', confidence: 0.6 },
    },
    missing: [],
  };

  it('reads the header texts of the chosen row, and keeps columns when that row changes', () => {
    expect(headersOf([SHEET], entity)).toEqual(['Stage', 'Amount', 'Owner']);
    expect(withHeaderRow([SHEET], entity, 1).fields.status).toEqual({
      header: 'Export 2025',
      index: 0,
    });
  });

  it('says how sure detection was, or that the user chose', () => {
    expect(cueOf(entity, 'status', match)).toBe('high');
    expect(
      cueOf({ ...entity, fields: { amount: { header: 'Amount', index: 1 } } }, 'amount', match),
    ).toBe('medium');
    expect(cueOf(entity, 'amount', match)).toBe('none');
    expect(
      cueOf({ ...entity, fields: { status: { header: 'Owner', index: 2 } } }, 'status', match),
    ).toBe('manual');
    expect(cueOf({ ...entity, headerRow: 1 }, 'status', match)).toBe('manual');
  });

  it('sends the statuses as the saved form, and the scale only with feedback', () => {
    const draft = {
      entities: { deals: entity },
      status: { won: [], lost: [], open: [], stageOrder: [] },
      feedbackScale: '0-10' as const,
      settings: { period: 'month' as const, fiscalYearStartMonth: 1 },
    };
    const sent = draftToSend(draft, STATUSES);
    expect(sent.status.stageOrder).toEqual(['A', 'B', 'C', 'Won', 'Lost']);
    expect(sent.feedbackScale).toBeUndefined();
  });
});
