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
export type FieldType =
  | 'text'
  | 'label'
  | 'money'
  | 'date'
  | 'fraction'
  | 'number'
  | 'period'
  /** Yes/no: TRUE/FALSE, 1/0, yes/no, or a time that is set when the answer is yes. */
  | 'flag';

export interface FieldSpec {
  readonly id: string;
  readonly required: boolean;
  readonly type: FieldType;
  readonly label: Bilingual;
  readonly synonyms: Synonyms;
  /**
   * Synonyms preferred when several columns match (as header keys): a sales cycle starts
   * on the engage or open date rather than on the day the record was created.
   */
  readonly preferred?: readonly string[];
  /** Words that rule a header out, whatever else it says ("weighted value" is no amount). */
  readonly excluded?: readonly string[];
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
  extra: { preferred?: readonly string[]; excluded?: readonly string[] } = {},
): FieldSpec {
  return { id, required, type, label, synonyms: { en, fr }, ...extra };
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
        'deal record id',
        'hs object id',
        'opportunity number',
      ],
      [
        'référence',
        'réf',
        'n°',
        'numéro',
        'no',
        'num',
        'identifiant',
        'réf affaire',
        "numéro d'affaire",
      ],
    ),
    field(
      'name',
      'text',
      { en: 'Deal name', fr: 'Affaire' },
      [
        'deal',
        'deal name',
        'opportunity',
        'opportunity name',
        'title',
        'subject',
        'name',
        'dealname',
        'deal title',
        'opportunity title',
        'potential name',
      ],
      [
        'affaire',
        'opportunité',
        "nom de l'affaire",
        'nom affaire',
        'intitulé',
        'projet',
        'objet',
        "nom de l'opportunité",
        "titre de l'affaire",
        'titre',
      ],
    ),
    field(
      'customer',
      'text',
      { en: 'Customer', fr: 'Client' },
      [
        'customer',
        'client name',
        'account',
        'company',
        'account name',
        'company name',
        'client',
        'customer name',
        'account id',
        'accountid',
        'organization',
        'organisation',
        'organization name',
        'partner',
        'partner name',
        'partner id',
        'associated company',
        'associated company primary',
      ],
      [
        'client',
        'société',
        'compte',
        'entreprise',
        'raison sociale',
        'nom du client',
        'nom client',
        'prospect',
        'nom du compte',
        'organisation',
        'nom de la société',
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
        'owner id',
        'ownerid',
        'opportunity owner',
        'sales agent',
        'agent',
        'user',
        'user id',
        'salesman',
        'sales person',
        'hubspot owner',
        'hubspot owner id',
        'assigned user',
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
        'propriétaire',
        "propriétaire de l'affaire",
        "propriétaire de l'opportunité",
        'utilisateur',
      ],
    ),
    field(
      'status',
      'label',
      { en: 'Status', fr: 'Statut' },
      [
        'status',
        'stage',
        'deal stage',
        'pipeline stage',
        'state',
        'deal status',
        'stage name',
        'stagename',
        'dealstage',
        'sales stage',
        'opportunity stage',
      ],
      [
        'étape',
        'statut',
        'phase',
        'état',
        "statut de l'affaire",
        'avancement',
        'stade',
        'phase de vente',
        'étape de vente',
        "étape de l'affaire",
      ],
      true,
    ),
    field(
      'amount',
      'money',
      { en: 'Amount', fr: 'Montant' },
      [
        'amount',
        'value',
        'deal value',
        'revenue',
        'deal amount',
        'deal size',
        'price',
        'total',
        'close value',
        'opportunity amount',
        'planned revenue',
      ],
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
        'revenu espéré',
        "montant de l'affaire",
      ],
      true,
      // Probability-weighted and converted figures stand beside the amount in CRM exports.
      { excluded: ['weighted', 'prorated', 'pondéré', 'proratisé', 'forecast', 'projected'] },
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
        'createdate',
        'createddate',
        'created time',
        'created at',
        'deal created',
        'engage date',
        'engaged date',
        'engaged on',
        'open date',
        'opened date',
        'date opened',
        'opened on',
      ],
      [
        'date de création',
        'création',
        "date d'ouverture",
        'créé le',
        'date création',
        'ouverture',
        'ouvert le',
        'créée le',
      ],
      false,
      {
        // A sales cycle starts when the deal is engaged or opened, not when the record
        // was created (a bulk import date, often).
        preferred: [
          'engage date',
          'engaged date',
          'engaged on',
          'open date',
          'opened date',
          'date opened',
          'opened on',
          'opened',
          'date d ouverture',
          'ouverture',
          'ouvert le',
        ],
      },
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
        'closedate',
        'close time',
        'deal closed on',
        'closing',
      ],
      [
        'date de signature',
        'date de clôture',
        'signature',
        'clôture',
        'date signature',
        'signé le',
        'date de fermeture',
        'clos le',
        'clôturée le',
        'fermée le',
      ],
    ),
    field(
      'source',
      'label',
      { en: 'Source', fr: 'Origine' },
      [
        'source',
        'lead source',
        'campaign',
        'origin',
        'channel',
        'deal source',
        'original source',
        'leadsource',
      ],
      ['origine', 'campagne', 'canal', 'provenance', 'source', 'apporteur', 'origine du prospect'],
    ),
    field(
      'probability',
      'fraction',
      { en: 'Probability', fr: 'Probabilité' },
      [
        'probability',
        'deal probability',
        'win probability',
        'likelihood',
        'probability %',
        'deal stage probability',
      ],
      ['probabilité', 'proba', 'probabilité de gain', '% de réussite', 'chance'],
    ),
    field(
      'region',
      'label',
      { en: 'Region', fr: 'Région' },
      ['region', 'team', 'territory', 'area', 'zone', 'sales team', 'regional office'],
      ['région', 'équipe', 'secteur', 'zone', 'agence', 'département', 'équipe commerciale'],
    ),
    field(
      'product',
      'label',
      { en: 'Product', fr: 'Produit' },
      ['product', 'product line', 'products', 'offer', 'service', 'category'],
      ['produit', 'gamme', 'offre', 'prestation', 'catégorie', 'famille'],
    ),
    // Status flags: CRMs that keep the outcome in flags rather than in a status column.
    field(
      'isWon',
      'flag',
      { en: 'Won (flag)', fr: 'Gagnée (indicateur)' },
      ['is won', 'iswon', 'won', 'is closed won', 'hs is closed won', 'won time', 'closed won'],
      ['gagnée', 'gagné', 'est gagnée', 'date de gain', 'gagnée le'],
    ),
    field(
      'isLost',
      'flag',
      { en: 'Lost (flag)', fr: 'Perdue (indicateur)' },
      ['is lost', 'lost', 'is closed lost', 'lost time', 'closed lost'],
      ['perdue', 'perdu', 'est perdue', 'date de perte', 'perdue le'],
    ),
    field(
      'isClosed',
      'flag',
      { en: 'Closed (flag)', fr: 'Close (indicateur)' },
      ['is closed', 'isclosed', 'closed', 'is deal closed', 'hs is closed', 'deal closed'],
      ['clos', 'est close', 'fermée', 'clôturée'],
    ),
    field(
      'active',
      'flag',
      { en: 'Active (not archived)', fr: 'Active (non archivée)' },
      ['active', 'is active'],
      ['active', 'actif', 'est active'],
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
  | 'product'
  | 'isWon'
  | 'isLost'
  | 'isClosed'
  | 'active';

/** The flag fields of the deals, which give a status when there is no status column. */
export const STATUS_FLAG_FIELDS: readonly DealFieldId[] = ['isWon', 'isLost', 'isClosed', 'active'];

/**
 * The flags mapped tell won, lost and open apart without a status column: a won flag
 * (IsWon, a won time) with a closed or a lost one (IsClosed, a lost time).
 */
export function flagsGiveStatus(has: (field: string) => boolean): boolean {
  return has('isWon') && (has('isClosed') || has('isLost'));
}

/**
 * The required fields of an entity that `has` lacks. The deals' status may come from
 * flags instead of a column (flagsGiveStatus).
 */
export function missingRequired(entity: EntityId, has: (field: string) => boolean): string[] {
  const missing: string[] = [];
  for (const f of entitySpec(entity).fields) {
    if (!f.required || has(f.id)) continue;
    if (entity === 'deals' && f.id === 'status' && flagsGiveStatus(has)) continue;
    missing.push(f.id);
  }
  return missing;
}

/**
 * A header or sheet name as matching sees it: rule 4 of functions.md, then punctuation
 * dropped, so "Réf.", "N°", "Montant HT (€)" and "Chiffre d'affaires" compare cleanly.
 */
export function headerKey(raw: unknown): string {
  return normalizeLabel(splitWords(raw))
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/**
 * A header with its words apart: camelCase and PascalCase split ("CloseDate" → "Close
 * Date", "OwnerId" → "Owner Id", "IsWon" → "Is Won"), byte-order marks and zero-width
 * characters dropped. snake_case is split by rule 4 already.
 */
function splitWords(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  let text = raw;
  if (/[\ufeff\u200b-\u200d\u2060]/.test(text))
    text = text.replace(/[\ufeff\u200b-\u200d\u2060]/g, '');
  if (!/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}{2}/u.test(text)) return text;
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll}{2})/gu, '$1 $2');
}

/** Object prefixes of CRM exports: "Deal - Value", "Opportunity.Amount", "Account.Name". */
const EXPORT_PREFIX =
  /^\s*(?:deal|deals|opportunity|opportunities|affaire|opportunit[ée]|account|compte|lead|organization|organisation|person|contact|owner)\s*(?:\s-\s|\.|:|›|>|\/)\s*(.+)$/i;
/** A trailing parenthesised note: "(%)", "(Primary)", "(EUR)", "(HT)". */
const EXPORT_SUFFIX = /^(.+?)\s*\([^()]*\)\s*$/;

/**
 * The header keys a header is matched by: its own key first, then the key without an
 * export prefix or a trailing note ("Deal - Value" → "value", "Associated Company
 * (Primary)" → "associated company"). Each distinct key once.
 */
export function headerForms(raw: unknown): string[] {
  const full = headerKey(raw);
  const forms = [full];
  if (typeof raw !== 'string' || full === '') return forms;
  let text = raw.replace(/[\ufeff\u200b-\u200d\u2060]/g, '').trim();
  for (let i = 0; i < 2; i++) {
    const prefix = EXPORT_PREFIX.exec(text);
    const suffix = EXPORT_SUFFIX.exec(text);
    const next = prefix ? prefix[1] : suffix ? suffix[1] : undefined;
    if (next === undefined) break;
    text = next;
    const key = headerKey(text);
    if (key !== '' && !forms.includes(key)) forms.push(key);
  }
  return forms;
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
