import type { Language } from '../core/context';

const EN = {
  menuMapColumns: 'Map my columns',
  menuGenerateSummary: 'Generate KPI summary',
  menuFunctionReference: 'Function reference',
  menuAbout: 'About',
  sidebarTitle: 'Sales KPI — column mapping',
  referenceTitle: 'Sales KPI — functions',
  aboutTitle: 'About Sales KPI',
  aboutText:
    'Sales KPI adds sales formulas (WIN_RATE, REVENUE, KPI_TABLE…), maps your columns to deals, activities, campaigns, targets and feedback, and writes summary tabs with charts. It reads only this spreadsheet and sends nothing anywhere.',
  // Column mapping (src/server): {name} placeholders are filled by src/server/messages.ts.
  mappingNoticeInvalidJson:
    'The saved mapping could not be read (it is not valid JSON), so the sidebar shows what detection found. Save to replace it.',
  mappingNoticeUnknownVersion:
    'The saved mapping was written by another version of Sales KPI, so the sidebar shows what detection found. Save to replace it.',
  mappingNoticeInvalid:
    'The saved mapping is not valid, so the sidebar shows what detection found. Save to replace it.',
  mappingNoticeIncomplete:
    'The saved mapping is incomplete (a save was probably interrupted), so the sidebar shows what detection found. Save again.',
  mappingNoticeUnreadable:
    'The saved mapping could not be read, so the sidebar shows what detection found.',
  mappingNoticeMissingSheet:
    '{entity}: the saved mapping uses the sheet “{sheet}”, which no longer exists. Choose another sheet.',
  mappingNoticeNoDeals: 'No sheet of deals was found. Choose the sheet that holds your deals.',
  mappingNotSaved: 'The mapping was not saved: {reason}.',
  mappingNotReset: 'The mapping was not reset: {reason}.',
  mappingErrorInput: 'the sidebar sent an unexpected value ({detail})',
  mappingErrorNoDeals: 'choose the sheet that holds your deals',
  mappingErrorNoSheet: '{entity}: there is no sheet named “{sheet}”',
  mappingErrorHeaderRow: '{entity}: row {row} is below the last row of “{sheet}”',
  mappingErrorRequired: '{entity}: choose a column for {field}',
  mappingErrorUnknownField: '{entity}: unknown field “{field}”',
  mappingErrorColumn: '{entity}: the column chosen for {field} is outside “{sheet}”',
  mappingErrorSameColumn: '{entity}: {field} and {other} use the same column ({column})',
  mappingErrorWonAndLost: 'the status “{status}” cannot be both won and lost',
  mappingErrorTooLarge: 'the mapping is too large to store ({size} KB, the limit is {limit} KB)',
  mappingErrorBusy:
    'another execution holds the document (a save, a reset or a summary being generated); try again in a moment',
  errorNoDocumentLock:
    'the document lock is not available here (open the spreadsheet and use Extensions → Sales KPI, not the script editor)',
  errorNoDocumentProperties:
    'the document properties are not available here (open the spreadsheet and use Extensions → Sales KPI, not the script editor)',
  // KPI summary (src/server/generate.ts).
  summaryTitle: 'KPI summary',
  summaryDone: 'KPI summary written: {tabs} tabs · rows read: {read} · rows skipped: {skipped}.',
  summaryFailed: 'The KPI summary was not written: {reason}',
  summaryPartial:
    'The KPI summary was written only in part: writing “{tab}” failed ({detail}). {changes} Try again.',
  summaryPartialUndone:
    'The KPI summary was not written: writing “{tab}” failed ({detail}). {changes} Try again.',
  summaryPartialRewritten: 'Rewritten before the failure: {tabs}.',
  summaryPartialIncomplete: '“{tab}” may be incomplete.',
  summaryPartialRemoved: 'The tabs this run had added were removed: {tabs}.',
  summaryPartialKept: 'Added by this run and still there: {tabs}.',
  summaryPartialNothing: 'No other tab was changed.',
  summaryBusy:
    'A summary is already being generated. Wait until it is finished, then try again. Nothing was changed.',
  summaryNoDeals:
    'no sheet of deals was found. Open “Map my columns” and choose the sheet that holds your deals.',
  summaryDealsSheetMissing:
    'the sheet “{sheet}” that held your deals no longer exists. Open “Map my columns” and choose another one.',
  summaryOptions: 'the sidebar sent an unexpected value ({detail}).',
  summaryUnexpected:
    'something went wrong while writing the summary ({detail}). Try again; if it happens again, check your column mapping.',
  summaryDetected:
    'No column mapping is saved yet, so the columns were detected automatically. Check them with “Map my columns”.',
  summaryMappingIgnored:
    'The saved column mapping could not be used ({reason}), so the columns were detected again. Check them with “Map my columns”.',
  summarySheetMissing:
    '{entity}: the sheet “{sheet}” no longer exists, so this table was left out. Choose another sheet with “Map my columns”.',
  summaryProblems:
    'Values that could not be read: {count}. The “{tab}” tab lists them with their row.',
  summaryUnclassed:
    'Statuses not classed as won, lost or open (counted as open): {count}. See the “{tab}” tab.',
  // Detection and saved mappings meeting real data (src/server/state.ts, generate.ts).
  unfitTable:
    '“{sheet}” was not taken as {entity}: {reason}. If it is one, choose it with “Map my columns”.',
  unfitNoTargetColumns: 'it has no period column and target column named as such',
  unfitNoScores: 'it has no score column on a 1–5 or 0–10 scale',
  unfitNoActivityTypes: 'it has no dated column of activity types (calls, meetings…)',
  unfitNoCampaignNames: 'it has no column of campaign names',
  missingColumn:
    '{entity}: the column “{header}” ({field}) is no longer in “{sheet}” (deleted, renamed or moved out of the table). The figures that need it are left out until you choose its column again with “Map my columns”.',
  statusFromFlags: 'Deal status: read from the columns {columns} (there is no status column).',
  statusWithFlags:
    'Deal status: the columns {columns} decide won and lost; “{status}” gives the stages.',
  idColumn:
    '{field}: the column “{header}” holds record IDs (like {example}), not names; figures by {field} show these IDs.',
  createdChoice:
    'Created date: “{chosen}” rather than “{other}”, since a sales cycle starts there.',
};

const FR: Record<keyof typeof EN, string> = {
  menuMapColumns: 'Associer mes colonnes',
  menuGenerateSummary: 'Générer la synthèse KPI',
  menuFunctionReference: 'Référence des fonctions',
  menuAbout: 'À propos',
  sidebarTitle: 'Sales KPI — association des colonnes',
  referenceTitle: 'Sales KPI — fonctions',
  aboutTitle: 'À propos de Sales KPI',
  aboutText:
    'Sales KPI ajoute des formules commerciales (WIN_RATE, REVENUE, KPI_TABLE…), associe vos colonnes aux affaires, activités, campagnes, objectifs et ressentis, et écrit des onglets de synthèse avec graphiques. Il ne lit que ce classeur et n’envoie rien nulle part.',
  mappingNoticeInvalidJson:
    'L’association enregistrée est illisible (JSON non valide) : la barre latérale montre ce que la détection a trouvé. Enregistrez pour la remplacer.',
  mappingNoticeUnknownVersion:
    'L’association enregistrée vient d’une autre version de Sales KPI : la barre latérale montre ce que la détection a trouvé. Enregistrez pour la remplacer.',
  mappingNoticeInvalid:
    'L’association enregistrée n’est pas valide : la barre latérale montre ce que la détection a trouvé. Enregistrez pour la remplacer.',
  mappingNoticeIncomplete:
    'L’association enregistrée est incomplète (un enregistrement interrompu ?) : la barre latérale montre ce que la détection a trouvé. Enregistrez à nouveau.',
  mappingNoticeUnreadable:
    'L’association enregistrée n’a pas pu être lue : la barre latérale montre ce que la détection a trouvé.',
  mappingNoticeMissingSheet:
    '{entity} : l’association enregistrée utilise la feuille « {sheet} », qui n’existe plus. Choisissez une autre feuille.',
  mappingNoticeNoDeals:
    'Aucune feuille d’affaires n’a été trouvée. Choisissez la feuille qui contient vos affaires.',
  mappingNotSaved: 'L’association n’a pas été enregistrée : {reason}.',
  mappingNotReset: 'L’association n’a pas été réinitialisée : {reason}.',
  mappingErrorInput: 'la barre latérale a envoyé une valeur inattendue ({detail})',
  mappingErrorNoDeals: 'choisissez la feuille qui contient vos affaires',
  mappingErrorNoSheet: '{entity} : il n’y a pas de feuille nommée « {sheet} »',
  mappingErrorHeaderRow:
    '{entity} : la ligne {row} est au-delà de la dernière ligne de « {sheet} »',
  mappingErrorRequired: '{entity} : choisissez une colonne pour {field}',
  mappingErrorUnknownField: '{entity} : champ inconnu « {field} »',
  mappingErrorColumn: '{entity} : la colonne choisie pour {field} est hors de « {sheet} »',
  mappingErrorSameColumn: '{entity} : {field} et {other} utilisent la même colonne ({column})',
  mappingErrorWonAndLost: 'le statut « {status} » ne peut pas être à la fois gagné et perdu',
  mappingErrorTooLarge:
    'l’association est trop volumineuse pour être enregistrée ({size} Ko, la limite est de {limit} Ko)',
  mappingErrorBusy:
    'une autre exécution occupe le document (un enregistrement, une réinitialisation ou une synthèse en cours) ; réessayez dans un instant',
  errorNoDocumentLock:
    'le verrou du document n’est pas disponible ici (ouvrez la feuille de calcul et passez par Extensions → Sales KPI, pas par l’éditeur de script)',
  errorNoDocumentProperties:
    'les propriétés du document ne sont pas disponibles ici (ouvrez la feuille de calcul et passez par Extensions → Sales KPI, pas par l’éditeur de script)',
  summaryTitle: 'Synthèse KPI',
  summaryDone:
    'Synthèse KPI écrite : {tabs} onglets · lignes lues : {read} · lignes ignorées : {skipped}.',
  summaryFailed: 'La synthèse KPI n’a pas été écrite : {reason}',
  summaryPartial:
    'La synthèse KPI n’a été écrite qu’en partie : l’écriture de « {tab} » a échoué ({detail}). {changes} Réessayez.',
  summaryPartialUndone:
    'La synthèse KPI n’a pas été écrite : l’écriture de « {tab} » a échoué ({detail}). {changes} Réessayez.',
  summaryPartialRewritten: 'Réécrits avant l’échec : {tabs}.',
  summaryPartialIncomplete: '« {tab} » est peut-être incomplet.',
  summaryPartialRemoved: 'Les onglets ajoutés par cette exécution ont été supprimés : {tabs}.',
  summaryPartialKept: 'Ajoutés par cette exécution et toujours présents : {tabs}.',
  summaryPartialNothing: 'Aucun autre onglet n’a été modifié.',
  summaryBusy:
    'Une synthèse est déjà en cours de génération. Attendez qu’elle soit terminée, puis réessayez. Rien n’a été modifié.',
  summaryNoDeals:
    'aucune feuille d’affaires n’a été trouvée. Ouvrez « Associer mes colonnes » et choisissez la feuille qui contient vos affaires.',
  summaryDealsSheetMissing:
    'la feuille « {sheet} » qui contenait vos affaires n’existe plus. Ouvrez « Associer mes colonnes » et choisissez-en une autre.',
  summaryOptions: 'la barre latérale a envoyé une valeur inattendue ({detail}).',
  summaryUnexpected:
    'un problème est survenu pendant l’écriture de la synthèse ({detail}). Réessayez ; si cela se reproduit, vérifiez l’association des colonnes.',
  summaryDetected:
    'Aucune association de colonnes n’est enregistrée : les colonnes ont été détectées automatiquement. Vérifiez-les avec « Associer mes colonnes ».',
  summaryMappingIgnored:
    'L’association de colonnes enregistrée n’a pas pu être utilisée ({reason}) : les colonnes ont été détectées à nouveau. Vérifiez-les avec « Associer mes colonnes ».',
  summarySheetMissing:
    '{entity} : la feuille « {sheet} » n’existe plus, cette table a donc été laissée de côté. Choisissez une autre feuille avec « Associer mes colonnes ».',
  summaryProblems: 'Valeurs illisibles : {count}. L’onglet « {tab} » les liste avec leur ligne.',
  summaryUnclassed:
    'Statuts classés ni gagnés, ni perdus, ni en cours (comptés en cours) : {count}. Voir l’onglet « {tab} ».',
  unfitTable:
    '« {sheet} » n’a pas été prise pour {entity} : {reason}. Si c’en est, choisissez-la avec « Associer mes colonnes ».',
  unfitNoTargetColumns: 'elle n’a pas de colonne de période et d’objectif nommées ainsi',
  unfitNoScores: 'elle n’a pas de colonne de notes sur une échelle de 1 à 5 ou de 0 à 10',
  unfitNoActivityTypes: 'elle n’a pas de colonne datée de types d’action (appels, rendez-vous…)',
  unfitNoCampaignNames: 'elle n’a pas de colonne de noms de campagnes',
  missingColumn:
    '{entity} : la colonne « {header} » ({field}) n’est plus dans « {sheet} » (supprimée, renommée ou sortie du tableau). Les chiffres qui en ont besoin sont laissés de côté jusqu’à ce que vous choisissiez à nouveau sa colonne avec « Associer mes colonnes ».',
  statusFromFlags:
    'Statut des affaires : lu dans les colonnes {columns} (il n’y a pas de colonne de statut).',
  statusWithFlags:
    'Statut des affaires : les colonnes {columns} décident de gagné et perdu ; « {status} » donne les étapes.',
  idColumn:
    '{field} : la colonne « {header} » contient des identifiants (comme {example}), pas des noms ; les chiffres par {field} montrent ces identifiants.',
  createdChoice:
    'Date de création : « {chosen} » plutôt que « {other} », car le cycle de vente commence là.',
};

export type UiStrings = Record<keyof typeof EN, string>;

/** Every text the add-on's menus, dialogs and sidebar show. */
export const UI_STRINGS: Record<Language, UiStrings> = { en: EN, fr: FR };

export function uiStrings(language: Language): UiStrings {
  return UI_STRINGS[language];
}
