import { CreateOrganisation1764057600000 } from './1764057600000-create-organisation';

/** Committed migrations in order. A migration, once committed, is never edited: add a new one. */
export const ALL_MIGRATIONS = [CreateOrganisation1764057600000];
