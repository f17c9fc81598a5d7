import * as path from 'node:path';

/** The repository's `data/` folder (curated tables, corpora, trained models). */
export const DEFAULT_DATA_DIR = path.resolve(__dirname, '../../../data');
