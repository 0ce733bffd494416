import { normalizeLabel } from '../core/labels';

/**
 * The entities and fields of data-model.md, declared once. The sidebar, detection,
 * KPI_TABLE and the summary engine all read these tables; synonym lists are a start
 * (extend them, never shrink them).
 */

export type Bilingual = { readonly en: string; readonly fr: string };
export type Synonyms = { readonly en: readonly string[]; readonly fr: readonly string[] };

export type EntityId = 'deals' | 'activities' | 'campaigns' | 'targets' | 'feedback';

/** How a field's values are read: drives value sampling in detection and parsing. */
export type FieldType = 'text' | 'label' | 'money' | 'date' | 'fraction' | 'number' | 'period';

export interface FieldSpec {
  readonly id: string;
  readonly required: boolean;
  readonly type: FieldType;
  readonly label: Bilingual;
  readonly synonyms: Synonyms;
}

export interface EntitySpec {
  readonly id: EntityId;
  /** Only deals is required for the add-on to do anything. */
  readonly required: boolean;
  readonly label: Bilingual;
  /** Sheet (tab) names that usually hold this entity. */
  readonly sheetSynonyms: Synonyms;
  readonly fields: readonly FieldSpec[];
}

function field(
  id: string,
  type: FieldType,
  label: Bilingual,
  en: readonly string[],
  fr: readonly string[],
  required = false,
): FieldSpec {
  return { id, required, type, label, synonyms: { en, fr } };
}

const DEALS: EntitySpec = {
  id: 'deals',
  required: true,
  label: { en: 'Deals', fr: 'Affaires' },
  sheetSynonyms: {
    en: ['deals', 'deal', 'opportunities', 'opportunity', 'sales', 'orders', 'pipeline', 'crm'],
    fr: [
      'affaires',
      'affaire',
      'opportunités',
      'opportunité',
      'ventes',
      'commandes',
      'suivi commercial',
      'suivi des affaires',
      'pipe',
    ],
  },
  fields: [
    field(
      'id',
      'text',
      { en: 'Deal ID', fr: 'Référence' },
      [
        'id',
        'deal id',
        'ref',
        'reference',
        'deal number',
        'deal no',
        'opportunity id',
        'record id',
      ],
      ['référence', 'réf', 'n°', 'numéro', 'no', 'num', 'identifiant', 'réf affaire'],
    ),
    field(
      'name',
      'text',
      { en: 'Deal name', fr: 'Affaire' },
      ['deal', 'deal name', 'opportunity', 'opportunity name', 'title', 'subject'],
      ['affaire', 'opportunité', "nom de l'affaire", 'nom affaire', 'intitulé', 'projet', 'objet'],
    ),
    field(
      'customer',
      'text',
      { en: 'Customer', fr: 'Client' },
      ['customer', 'client name', 'account', 'company', 'account name', 'company name', 'client'],
      [
        'client',
        'société',
        'compte',
        'entreprise',
        'raison sociale',
        'nom du client',
        'nom client',
        'prospect',
      ],
    ),
    field(
      'rep',
      'text',
      { en: 'Sales rep', fr: 'Commercial' },
      [
        'rep',
        'sales rep',
        'owner',
        'deal owner',
        'salesperson',
        'account manager',
        'account executive',
        'seller',
        'assigned to',
      ],
      [
        'commercial',
        'vendeur',
        'responsable',
        "chargé d'affaires",
        'commerciale',
        'vendeuse',
        'attaché commercial',
        'suivi par',
      ],
    ),
    field(
      'status',
      'label',
      { en: 'Status', fr: 'Statut' },
      ['status', 'stage', 'deal stage', 'pipeline stage', 'state', 'deal status'],
      ['étape', 'statut', 'phase', 'état', "statut de l'affaire", 'avancement', 'stade'],
      true,
    ),
    field(
      'amount',
      'money',
      { en: 'Amount', fr: 'Montant' },
      ['amount', 'value', 'deal value', 'revenue', 'deal amount', 'deal size', 'price', 'total'],
      [
        'montant',
        'montant ht',
        'valeur',
        'ca',
        "chiffre d'affaires",
        'montant total',
        'prix',
        'total ht',
        'ca ht',
        'prix de vente',
      ],
      true,
    ),
    field(
      'cost',
      'money',
      { en: 'Cost', fr: 'Coût' },
      ['cost', 'cogs', 'cost of goods', 'purchase cost'],
      ['coût', 'coût de revient', "prix d'achat", 'coût ht', 'coût total'],
    ),
    field(
      'created',
      'date',
      { en: 'Created date', fr: 'Date de création' },
      [
        'created',
        'created date',
        'create date',
        'creation date',
        'date created',
        'opened',
        'created on',
      ],
      ['date de création', 'création', "date d'ouverture", 'créé le', 'date création', 'ouverture'],
    ),
    field(
      'closed',
      'date',
      { en: 'Close date', fr: 'Date de signature' },
      [
        'close date',
        'closed date',
        'closing date',
        'closed',
        'date closed',
        'closed on',
        'won date',
        'signed date',
      ],
      [
        'date de signature',
        'date de clôture',
        'signature',
        'clôture',
        'date signature',
        'signé le',
        'date de fermeture',
      ],
    ),
    field(
      'source',
      'label',
      { en: 'Source', fr: 'Origine' },
      ['source', 'lead source', 'campaign', 'origin', 'channel', 'deal source'],
      ['origine', 'campagne', 'canal', 'provenance', 'source', 'apporteur'],
    ),
    field(
      'probability',
      'fraction',
      { en: 'Probability', fr: 'Probabilité' },
      ['probability', 'deal probability', 'win probability', 'likelihood', 'probability %'],
      ['probabilité', 'proba', 'probabilité de gain', '% de réussite', 'chance'],
    ),
    field(
      'region',
      'label',
      { en: 'Region', fr: 'Région' },
      ['region', 'team', 'territory', 'area', 'zone'],
      ['région', 'équipe', 'secteur', 'zone', 'agence', 'département'],
    ),
    field(
      'product',
      'label',
      { en: 'Product', fr: 'Produit' },
      ['product', 'product line', 'products', 'offer', 'service', 'category'],
      ['produit', 'gamme', 'offre', 'prestation', 'catégorie', 'famille'],
    ),
  ],
};

const ACTIVITIES: EntitySpec = {
  id: 'activities',
  required: false,
  label: { en: 'Activities', fr: 'Activités' },
  sheetSynonyms: {
    en: ['activities', 'activity', 'actions', 'calls', 'meetings', 'touchpoints', 'log'],
    fr: [
      'activités',
      'activité',
      'actions commerciales',
      'actions',
      'relances',
      'journal',
      'suivi',
    ],
  },
  fields: [
    field(
      'date',
      'date',
      { en: 'Date', fr: 'Date' },
      ['date', 'activity date', 'due date', 'completed', 'completed date'],
      ['date', "date de l'action", 'date action', 'date activité'],
      true,
    ),
    field(
      'rep',
      'text',
      { en: 'Sales rep', fr: 'Commercial' },
      ['rep', 'owner', 'sales rep', 'activity owner', 'assigned to', 'salesperson', 'user'],
      ['commercial', 'vendeur', 'commerciale', 'responsable', 'suivi par'],
    ),
    field(
      'type',
      'label',
      { en: 'Type', fr: 'Type' },
      ['type', 'activity type', 'activity', 'kind', 'action type'],
      ['type', 'action', 'nature', "type d'action", "type d'activité"],
      true,
    ),
    field(
      'customer',
      'text',
      { en: 'Customer', fr: 'Client' },
      ['customer', 'company', 'account', 'contact', 'client'],
      ['client', 'prospect', 'société', 'entreprise', 'compte', 'interlocuteur'],
    ),
    field(
      'outcome',
      'text',
      { en: 'Outcome', fr: 'Résultat' },
      ['outcome', 'result', 'notes', 'note', 'comment', 'summary'],
      ['résultat', 'issue', 'compte rendu', 'commentaire', 'remarque', 'cr', 'suite'],
    ),
  ],
};

const CAMPAIGNS: EntitySpec = {
  id: 'campaigns',
  required: false,
  label: { en: 'Campaigns', fr: 'Campagnes' },
  sheetSynonyms: {
    en: ['campaigns', 'campaign', 'marketing', 'events', 'trade shows', 'operations'],
    fr: [
      'campagnes',
      'campagne',
      'salons',
      'opérations',
      'marketing',
      'événements',
      'actions marketing',
    ],
  },
  fields: [
    field(
      'name',
      'label',
      { en: 'Campaign', fr: 'Campagne' },
      ['campaign', 'name', 'campaign name', 'event', 'trade show'],
      ['campagne', 'opération', 'nom', 'salon', 'nom de la campagne', 'événement'],
      true,
    ),
    field(
      'type',
      'label',
      { en: 'Type', fr: 'Type' },
      ['type', 'channel', 'campaign type', 'medium'],
      ['type', 'canal', 'support', 'média'],
    ),
    field(
      'cost',
      'money',
      { en: 'Cost', fr: 'Coût' },
      ['cost', 'budget', 'spend', 'amount', 'actual cost', 'total cost'],
      ['coût', 'budget', 'dépense', 'montant', 'coût total', 'dépenses'],
      true,
    ),
    field(
      'start',
      'date',
      { en: 'Start', fr: 'Début' },
      ['start', 'start date', 'from', 'begin'],
      ['début', 'date de début', 'du', 'date début'],
    ),
    field(
      'end',
      'date',
      { en: 'End', fr: 'Fin' },
      ['end', 'end date', 'to', 'until'],
      ['fin', 'date de fin', 'au', 'date fin'],
    ),
  ],
};

const TARGETS: EntitySpec = {
  id: 'targets',
  required: false,
  label: { en: 'Targets', fr: 'Objectifs' },
  sheetSynonyms: {
    en: ['targets', 'target', 'quotas', 'quota', 'goals', 'objectives'],
    fr: ['objectifs', 'objectif', 'quotas', 'objectifs commerciaux', 'budget'],
  },
  fields: [
    field(
      'rep',
      'text',
      { en: 'Sales rep', fr: 'Commercial' },
      ['rep', 'owner', 'sales rep', 'salesperson'],
      ['commercial', 'vendeur', 'commerciale', 'responsable'],
    ),
    field(
      'period',
      'period',
      { en: 'Period', fr: 'Période' },
      ['period', 'month', 'quarter', 'year', 'date'],
      ['période', 'mois', 'trimestre', 'année', 'date'],
      true,
    ),
    field(
      'target',
      'money',
      { en: 'Target', fr: 'Objectif' },
      ['target', 'quota', 'goal', 'revenue target', 'sales target', 'objective'],
      [
        'objectif',
        'objectif ca',
        'quota',
        "objectif de chiffre d'affaires",
        'objectif ht',
        'cible',
      ],
      true,
    ),
  ],
};

const FEEDBACK: EntitySpec = {
  id: 'feedback',
  required: false,
  label: { en: 'Rep feedback', fr: 'Ressenti des commerciaux' },
  sheetSynonyms: {
    en: ['feedback', 'mood', 'rep feedback', 'sentiment', 'morale', 'survey'],
    fr: ['ressenti', 'humeur', 'retours', 'moral', 'météo', 'ressenti commerciaux'],
  },
  fields: [
    field(
      'date',
      'date',
      { en: 'Date', fr: 'Date' },
      ['date', 'week', 'day'],
      ['date', 'semaine', 'jour'],
      true,
    ),
    field(
      'rep',
      'text',
      { en: 'Sales rep', fr: 'Commercial' },
      ['rep', 'owner', 'sales rep', 'salesperson', 'name'],
      ['commercial', 'vendeur', 'commerciale', 'nom'],
    ),
    field(
      'score',
      'number',
      { en: 'Score', fr: 'Note' },
      ['score', 'rating', 'mood', 'grade', 'mark'],
      ['note', 'humeur', 'satisfaction', 'score', 'moral'],
      true,
    ),
    field(
      'comment',
      'text',
      { en: 'Comment', fr: 'Commentaire' },
      ['comment', 'notes', 'comments', 'remarks', 'feedback'],
      ['commentaire', 'remarque', 'verbatim', 'commentaires', 'remarques', 'ressenti'],
    ),
  ],
};

/** Every entity, deals first (the order of the sidebar). */
export const ENTITIES: readonly EntitySpec[] = [DEALS, ACTIVITIES, CAMPAIGNS, TARGETS, FEEDBACK];

export const ENTITY_IDS: readonly EntityId[] = ENTITIES.map((e) => e.id);

export function entitySpec(id: EntityId): EntitySpec {
  const spec = ENTITIES.find((e) => e.id === id);
  if (!spec) throw new Error(`unknown entity ${id}`);
  return spec;
}

export function fieldSpec(entity: EntityId, fieldId: string): FieldSpec | undefined {
  return entitySpec(entity).fields.find((f) => f.id === fieldId);
}

/** Fields of the deals table, by id: the engine and KPI_TABLE read these. */
export type DealFieldId =
  | 'id'
  | 'name'
  | 'customer'
  | 'rep'
  | 'status'
  | 'amount'
  | 'cost'
  | 'created'
  | 'closed'
  | 'source'
  | 'probability'
  | 'region'
  | 'product';

/**
 * A header or sheet name as matching sees it: rule 4 of functions.md, then punctuation
 * dropped, so "Réf.", "N°", "Montant HT (€)" and "Chiffre d'affaires" compare cleanly.
 */
export function headerKey(raw: unknown): string {
  return normalizeLabel(raw)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** Every synonym of a list in both languages, as header keys, without duplicates. */
export function synonymKeys(synonyms: Synonyms): readonly string[] {
  const keys: string[] = [];
  for (const s of [...synonyms.en, ...synonyms.fr]) {
    const key = headerKey(s);
    if (key !== '' && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

// ——— Activity types ———

export type ActivityTypeId = 'call' | 'meeting' | 'visit' | 'email' | 'quote' | 'demo';

export interface ActivityTypeSpec {
  readonly id: ActivityTypeId;
  readonly label: Bilingual;
  readonly synonyms: Synonyms;
}

export const ACTIVITY_TYPES: readonly ActivityTypeSpec[] = [
  {
    id: 'call',
    label: { en: 'Calls', fr: 'Appels' },
    synonyms: {
      en: ['call', 'phone', 'phone call', 'calls', 'cold call', 'outbound call', 'inbound call'],
      fr: ['appel', 'téléphone', 'appels', 'appel téléphonique', 'tel', 'tél'],
    },
  },
  {
    id: 'meeting',
    label: { en: 'Meetings', fr: 'Rendez-vous' },
    synonyms: {
      en: ['meeting', 'appointment', 'meetings', 'video call', 'visio'],
      fr: ['rendez-vous', 'rdv', 'réunion', 'rendez vous', 'entretien', 'visioconférence'],
    },
  },
  {
    id: 'visit',
    label: { en: 'Visits', fr: 'Visites' },
    synonyms: {
      en: ['visit', 'site visit', 'visits', 'field visit'],
      fr: ['visite', 'visites', 'visite client', 'tournée'],
    },
  },
  {
    id: 'email',
    label: { en: 'Emails', fr: 'E-mails' },
    synonyms: {
      en: ['email', 'e-mail', 'mail', 'emails', 'mailing'],
      fr: ['courriel', 'mél', 'emailing', 'courrier'],
    },
  },
  {
    id: 'quote',
    label: { en: 'Quotes', fr: 'Devis' },
    synonyms: {
      en: ['quote', 'proposal', 'quotes', 'quotation', 'estimate'],
      fr: ['devis', 'proposition', 'proposition commerciale', 'offre', 'chiffrage'],
    },
  },
  {
    id: 'demo',
    label: { en: 'Demos', fr: 'Démos' },
    synonyms: {
      en: ['demo', 'demos', 'demonstration', 'product demo'],
      fr: ['démo', 'démonstration', 'démos', 'présentation produit'],
    },
  },
];

let activityIndex: Map<string, ActivityTypeId> | undefined;

/**
 * The canonical type of an activity cell ("RDV" → meeting), or undefined when the value
 * is blank or is none of the known types (it then keeps its own label).
 */
export function activityTypeOf(raw: unknown): ActivityTypeId | undefined {
  if (!activityIndex) {
    activityIndex = new Map();
    for (const type of ACTIVITY_TYPES) {
      for (const key of synonymKeys(type.synonyms)) activityIndex.set(key, type.id);
    }
  }
  return activityIndex.get(headerKey(raw));
}
