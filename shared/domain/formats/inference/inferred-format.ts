/** The id a dataset records for a file whose columns were recognised by inference, and its names (docs/formats.md). */
export const INFERRED_FORMAT = {
  id: 'inferred',
  label: 'columns recognised from their names and contents',
  labelFr: 'colonnes reconnues d’après leurs noms et leurs contenus',
} as const;
