import type { EntityId } from './fields';
import {
  activityTypeOf,
  ENTITIES,
  entitySpec,
  fieldSpec,
  headerForms,
  headerKey,
  synonymKeys,
} from './fields';

/** data-model.md, verbatim: the lists may grow, never shrink. */
const DATA_MODEL: Record<EntityId, Record<string, [boolean, string, string[]]>> = {
  deals: {
    id: [false, 'text', ['id', 'deal id', 'ref', 'référence', 'réf', 'n°', 'numéro']],
    name: [
      false,
      'text',
      ['deal', 'deal name', 'opportunity', 'affaire', 'opportunité', "nom de l'affaire"],
    ],
    customer: [
      false,
      'text',
      [
        'customer',
        'client name',
        'account',
        'company',
        'client',
        'société',
        'compte',
        'entreprise',
        'raison sociale',
      ],
    ],
    rep: [
      false,
      'text',
      [
        'rep',
        'sales rep',
        'owner',
        'deal owner',
        'salesperson',
        'commercial',
        'vendeur',
        'responsable',
        "chargé d'affaires",
      ],
    ],
    status: [true, 'label', ['status', 'stage', 'deal stage', 'étape', 'statut', 'phase', 'état']],
    amount: [
      true,
      'money',
      [
        'amount',
        'value',
        'deal value',
        'revenue',
        'montant',
        'montant ht',
        'valeur',
        'ca',
        "chiffre d'affaires",
      ],
    ],
    cost: [false, 'money', ['cost', 'cogs', 'coût', 'coût de revient', "prix d'achat"]],
    created: [
      false,
      'date',
      [
        'created',
        'created date',
        'create date',
        'date de création',
        'création',
        "date d'ouverture",
      ],
    ],
    closed: [
      false,
      'date',
      [
        'close date',
        'closed date',
        'closing date',
        'date de signature',
        'date de clôture',
        'signature',
      ],
    ],
    source: [
      false,
      'label',
      ['source', 'lead source', 'campaign', 'origin', 'origine', 'campagne', 'canal', 'provenance'],
    ],
    probability: [false, 'fraction', ['probability', 'probabilité', 'proba']],
    region: [false, 'label', ['region', 'team', 'territory', 'région', 'équipe', 'secteur']],
    product: [false, 'label', ['product', 'product line', 'produit', 'gamme', 'offre']],
    isWon: [false, 'flag', ['is won', 'is closed won', 'won time']],
    isLost: [false, 'flag', ['lost time']],
    isClosed: [false, 'flag', ['is closed']],
    active: [false, 'flag', ['active']],
  },
  activities: {
    date: [true, 'date', ['date', 'activity date', "date de l'action"]],
    rep: [false, 'text', ['rep', 'owner', 'commercial', 'vendeur']],
    type: [true, 'label', ['type', 'activity type', 'activity', 'action', 'nature']],
    customer: [false, 'text', ['customer', 'company', 'account', 'client', 'prospect', 'société']],
    outcome: [false, 'text', ['outcome', 'result', 'résultat', 'issue', 'compte rendu']],
  },
  campaigns: {
    name: [true, 'label', ['campaign', 'name', 'campagne', 'opération', 'nom', 'salon']],
    type: [false, 'label', ['type', 'channel', 'canal']],
    cost: [true, 'money', ['cost', 'budget', 'spend', 'coût', 'dépense']],
    start: [false, 'date', ['start', 'start date', 'début', 'date de début']],
    end: [false, 'date', ['end', 'end date', 'fin', 'date de fin']],
  },
  targets: {
    rep: [false, 'text', ['rep', 'owner', 'commercial']],
    period: [true, 'period', ['period', 'month', 'quarter', 'période', 'mois', 'trimestre']],
    target: [true, 'money', ['target', 'quota', 'goal', 'objectif', 'objectif ca']],
  },
  feedback: {
    date: [true, 'date', ['date']],
    rep: [false, 'text', ['rep', 'commercial']],
    score: [true, 'number', ['score', 'rating', 'mood', 'note', 'humeur', 'satisfaction']],
    comment: [false, 'text', ['comment', 'notes', 'commentaire', 'remarque', 'verbatim']],
  },
};

describe('the fields of data-model.md', () => {
  it('declares every entity and field with its required flag and type', () => {
    expect(ENTITIES.map((e) => e.id)).toEqual(Object.keys(DATA_MODEL));
    for (const entity of ENTITIES) {
      expect(entity.fields.map((f) => f.id)).toEqual(Object.keys(DATA_MODEL[entity.id]));
      for (const field of entity.fields) {
        const [required, type] = DATA_MODEL[entity.id][field.id];
        expect([entity.id, field.id, field.required, field.type]).toEqual([
          entity.id,
          field.id,
          required,
          type,
        ]);
        expect(field.label.en).not.toBe('');
        expect(field.label.fr).not.toBe('');
      }
    }
    expect(ENTITIES.filter((e) => e.required).map((e) => e.id)).toEqual(['deals']);
  });

  it('keeps every synonym of data-model.md', () => {
    for (const entity of ENTITIES) {
      for (const field of entity.fields) {
        const keys = synonymKeys(field.synonyms);
        for (const synonym of DATA_MODEL[entity.id][field.id][2]) {
          expect([entity.id, field.id, keys.includes(headerKey(synonym))]).toEqual([
            entity.id,
            field.id,
            true,
          ]);
        }
      }
    }
  });

  it('gives each entity its sheet names', () => {
    const names = (id: EntityId) => synonymKeys(entitySpec(id).sheetSynonyms);
    for (const name of ['affaires', 'opportunites', 'ventes', 'commandes', 'deals']) {
      expect(names('deals')).toContain(name);
    }
    expect(names('activities')).toEqual(
      expect.arrayContaining(['activites', 'actions commerciales']),
    );
    expect(names('campaigns')).toEqual(
      expect.arrayContaining(['campagnes', 'salons', 'operations']),
    );
    expect(names('targets')).toContain('objectifs');
    expect(names('feedback')).toContain('ressenti');
  });

  it('never gives one header to two fields of the same entity, but for values to decide', () => {
    // Salesforce labels IsClosed "Closed": a column of TRUE/FALSE is no close date.
    const byValues = new Set(['deals closed']);
    for (const entity of ENTITIES) {
      const seen = new Map<string, string>();
      for (const field of entity.fields) {
        for (const key of synonymKeys(field.synonyms)) {
          if (byValues.has(`${entity.id} ${key}`)) continue;
          expect([entity.id, key, seen.get(key) ?? field.id]).toEqual([entity.id, key, field.id]);
          seen.set(key, field.id);
        }
      }
    }
  });

  it('finds a field by entity and id', () => {
    expect(fieldSpec('deals', 'amount')?.type).toBe('money');
    expect(fieldSpec('deals', 'nope')).toBeUndefined();
  });
});

describe('headerKey', () => {
  it('applies rule 4 and drops punctuation', () => {
    expect(headerKey('  Réf. ')).toBe('ref');
    expect(headerKey('N°')).toBe('n');
    expect(headerKey('Montant HT (€)')).toBe('montant ht');
    expect(headerKey("Chiffre d'affaires")).toBe('chiffre d affaires');
    expect(headerKey('Deal_Stage')).toBe('deal stage');
    expect(headerKey(null)).toBe('');
  });

  it('splits camelCase, PascalCase and snake_case, and drops a byte-order mark', () => {
    expect(headerKey('CloseDate')).toBe('close date');
    expect(headerKey('OwnerId')).toBe('owner id');
    expect(headerKey('IsWon')).toBe('is won');
    expect(headerKey('closeDate')).toBe('close date');
    expect(headerKey('hs_is_closed_won')).toBe('hs is closed won');
    expect(headerKey('MontantHT')).toBe('montant ht');
    expect(headerKey('HTMLExport')).toBe('html export');
    expect(headerKey('\ufeffId')).toBe('id');
    expect(headerKey('CA HT')).toBe('ca ht');
  });
});

describe('headerForms', () => {
  it('adds the header without its export prefix or trailing note', () => {
    expect(headerForms('Deal - Value')).toEqual(['deal value', 'value']);
    expect(headerForms('Deal - Won time')).toEqual(['deal won time', 'won time']);
    expect(headerForms('Account.Name')).toEqual(['account name', 'name']);
    expect(headerForms('Probability (%)')).toEqual(['probability']);
    expect(headerForms('Associated Company (Primary)')).toEqual([
      'associated company primary',
      'associated company',
    ]);
    expect(headerForms('Deal - Amount (EUR)')).toEqual(['deal amount eur', 'amount eur', 'amount']);
    expect(headerForms('\ufeffName')).toEqual(['name']);
    expect(headerForms('Montant')).toEqual(['montant']);
  });
});

describe('activityTypeOf', () => {
  it('recognises the activity types in both languages', () => {
    const cases: [string, string][] = [
      ['Call', 'call'],
      ['Appel', 'call'],
      ['téléphone', 'call'],
      ['RDV', 'meeting'],
      ['Rendez-vous', 'meeting'],
      ['réunion', 'meeting'],
      ['Visite', 'visit'],
      ['E-mail', 'email'],
      ['Courriel', 'email'],
      ['Devis', 'quote'],
      ['Proposal', 'quote'],
      ['Démo', 'demo'],
      ['démonstration', 'demo'],
    ];
    for (const [raw, type] of cases) expect([raw, activityTypeOf(raw)]).toEqual([raw, type]);
  });

  it('leaves other values to keep their own label', () => {
    expect(activityTypeOf('Relance')).toBeUndefined();
    expect(activityTypeOf('')).toBeUndefined();
  });
});
