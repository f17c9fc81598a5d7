import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';

/** Applied in order by `cli migrate`, `npm start` and the test setup; never `synchronize`. */
export const MIGRATIONS = [InitialSchema1764000000000];
