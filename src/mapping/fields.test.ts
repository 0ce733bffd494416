import type { EntityId } from './fields';
import { activityTypeOf, ENTITIES, entitySpec, fieldSpec, headerKey, synonymKeys } from './fields';

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

  it('never gives one header to two fields of the same entity', () => {
    for (const entity of ENTITIES) {
      const seen = new Map<string, string>();
      for (const field of entity.fields) {
        for (const key of synonymKeys(field.synonyms)) {
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
