import { reconcileStatuses } from './statuses';
import { statusMappingOf } from './statusOrder';

const CELLS = ['Lead', 'Won', 'lead ', 'Proposal', 'Lost', 'Won', '', 'Negotiation', 'Gagné'];

describe('reconcileStatuses', () => {
  it('proposes classes and a stage order from the values alone', () => {
    expect(reconcileStatuses(CELLS)).toEqual([
      { label: 'Lead', count: 2, class: 'open' },
      { label: 'Proposal', count: 1, class: 'open' },
      { label: 'Negotiation', count: 1, class: 'open' },
      { label: 'Won', count: 2, class: 'won' },
      { label: 'Gagné', count: 1, class: 'won' },
      { label: 'Lost', count: 1, class: 'lost' },
    ]);
  });

  it('keeps the saved classes and order, compares labels normalised, adds new ones last', () => {
    const saved = {
      won: ['won'],
      lost: ['LOST', 'negotiation', 'Dormant'],
      open: ['Proposal', 'Lead'],
      stageOrder: ['Proposal', 'Lead', 'won', 'LOST', 'negotiation', 'Dormant'],
    };
    expect(reconcileStatuses(CELLS, saved)).toEqual([
      { label: 'Proposal', count: 1, class: 'open' },
      { label: 'Lead', count: 2, class: 'open' },
      { label: 'Won', count: 2, class: 'won' },
      { label: 'Gagné', count: 1, class: 'won' },
      { label: 'Lost', count: 1, class: 'lost' },
      { label: 'Negotiation', count: 1, class: 'lost' },
      { label: 'Dormant', count: 0, class: 'lost' },
    ]);
  });

  it('counts a label saved both won and lost as won', () => {
    const saved = { won: ['Won'], lost: ['won'], open: [], stageOrder: [] };
    expect(reconcileStatuses(['Won'], saved)).toEqual([{ label: 'Won', count: 1, class: 'won' }]);
  });

  it('counts statuses named like object keys as any other', () => {
    expect(reconcileStatuses(['__proto__', 'constructor', '__proto__', 'toString'])).toEqual([
      { label: '__proto__', count: 2, class: 'open' },
      { label: 'constructor', count: 1, class: 'open' },
      { label: 'toString', count: 1, class: 'open' },
    ]);
  });
});

describe('statusMappingOf', () => {
  it('orders the funnel open, won, lost', () => {
    expect(
      statusMappingOf([
        { label: 'Won', count: 1, class: 'won' },
        { label: 'B', count: 1, class: 'open' },
        { label: 'Lost', count: 1, class: 'lost' },
        { label: 'A', count: 1, class: 'open' },
      ]),
    ).toEqual({
      won: ['Won'],
      lost: ['Lost'],
      open: ['B', 'A'],
      stageOrder: ['B', 'A', 'Won', 'Lost'],
    });
  });
});
