import { proposeStatuses, stageRank } from './statusProposal';

describe('proposeStatuses', () => {
  it('keeps the most frequent spelling of each status', () => {
    const p = proposeStatuses(['gagné', 'Gagné ', 'Gagné', ' Gagné', 'PERDU', 'Perdu', 'Perdu']);
    expect(p.won).toEqual(['Gagné']);
    expect(p.lost).toEqual(['Perdu']);
    expect(p.counts).toEqual({ Gagné: 4, Perdu: 3 });
    // A tie goes to the first spelling seen.
    expect(proposeStatuses(['LOST', 'Lost']).lost).toEqual(['LOST']);
  });

  it('orders typical stages, then won, then lost', () => {
    const p = proposeStatuses([
      'Closed Won',
      'Negotiation',
      'Lead',
      'Closed Lost',
      'Demo',
      'Discovery',
      'Proposal',
    ]);
    expect(p.stageOrder).toEqual([
      'Lead',
      'Discovery',
      'Demo',
      'Proposal',
      'Negotiation',
      'Closed Won',
      'Closed Lost',
    ]);
  });

  it('recognises won and lost words inside longer labels', () => {
    const p = proposeStatuses(['Closed Won - paid', 'Lost to competitor', 'Open']);
    expect(p.won).toEqual(['Closed Won - paid']);
    expect(p.lost).toEqual(['Lost to competitor']);
    expect(p.open).toEqual(['Open']);
  });

  it("reads HubSpot's internal stage ids of the default pipeline", () => {
    const proposal = proposeStatuses([
      'closedwon',
      'contractsent',
      'appointmentscheduled',
      'closedlost',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'closedwon',
    ]);
    expect(proposal.won).toEqual(['closedwon']);
    expect(proposal.lost).toEqual(['closedlost']);
    expect(proposal.open).toEqual([
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
    ]);
  });

  it('orders unknown stages by mean probability, else by first appearance', () => {
    const statuses = ['Stage C', 'Stage A', 'Stage B', 'won'];
    expect(proposeStatuses(statuses, [0.6, 0.1, 0.3, 1]).open).toEqual([
      'Stage A',
      'Stage B',
      'Stage C',
    ]);
    expect(proposeStatuses(statuses).open).toEqual(['Stage C', 'Stage A', 'Stage B']);
    // Keyword stages first when only some have one.
    expect(proposeStatuses(['Stage X', 'Devis', 'Prospect']).open).toEqual([
      'Prospect',
      'Devis',
      'Stage X',
    ]);
  });

  it('ranks stage keywords in both languages', () => {
    expect(stageRank('À qualifier')).toBeLessThan(stageRank('Qualification'));
    expect(stageRank('Rendez-vous pris')).toBeLessThan(stageRank('Devis envoyé'));
    expect(stageRank('Devis envoyé')).toBeLessThan(stageRank('Négociation'));
    expect(stageRank('Something else')).toBe(-1);
  });
});
