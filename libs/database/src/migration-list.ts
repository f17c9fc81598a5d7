import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { SourceTransports1764000100000 } from './migrations/1764000100000-source-transports';
import { EditorialOverrides1764000200000 } from './migrations/1764000200000-editorial-overrides';
import { AdminJobs1764000300000 } from './migrations/1764000300000-admin-jobs';

/** Applied in order by `cli migrate`, `npm start` and the test setup; never `synchronize`. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  SourceTransports1764000100000,
  EditorialOverrides1764000200000,
  AdminJobs1764000300000,
];
