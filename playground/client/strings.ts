/** The page's own words (the add-on's come from the bundle), in the workbook's language. */
export const STRINGS = {
  en: {
    menus: ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help'],
    addOns: 'Add-ons',
    appsScript: 'Apps Script',
    running: 'Running script',
    finished: 'Finished script',
    failed: 'Script error',
    badge: (locale: string, zone: string) => `Playground · ${locale} · ${zone}`,
    drop: 'Drop CSV, TSV or TXT files to add them as tabs',
    imported: (name: string) => `Imported as the tab “${name}”.`,
    notTable: (name: string) =>
      `${name}: only .csv, .tsv and .txt files are read here (save an .xlsx as CSV first).`,
    ok: 'OK',
    noMenu: 'The add-on added no menu (onOpen did not run?)',
    menuBar: 'Menu bar',
    scrollTabs: ['Scroll the tabs left', 'Scroll the tabs right'],
    close: 'Close',
    undoNothing: 'Nothing to undo',
  },
  fr: {
    menus: [
      'Fichier',
      'Édition',
      'Affichage',
      'Insertion',
      'Format',
      'Données',
      'Outils',
      'Extensions',
      'Aide',
    ],
    addOns: 'Modules complémentaires',
    appsScript: 'Apps Script',
    running: 'Exécution du script',
    finished: 'Script terminé',
    failed: 'Erreur du script',
    badge: (locale: string, zone: string) => `Bac à sable · ${locale} · ${zone}`,
    drop: 'Déposez des fichiers CSV, TSV ou TXT pour les ajouter en onglets',
    imported: (name: string) => `Importé dans l’onglet « ${name} ».`,
    notTable: (name: string) =>
      `${name} : seuls les fichiers .csv, .tsv et .txt sont lus ici (enregistrez un .xlsx en CSV).`,
    ok: 'OK',
    noMenu: 'Le module n’a ajouté aucun menu (onOpen n’a pas été exécuté ?)',
    menuBar: 'Barre de menus',
    scrollTabs: [
      'Faire défiler les onglets vers la gauche',
      'Faire défiler les onglets vers la droite',
    ],
    close: 'Fermer',
    undoNothing: 'Rien à annuler',
  },
} as const;

export type Strings = (typeof STRINGS)['en' | 'fr'];
