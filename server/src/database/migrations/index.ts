import { CreateOrganisation1764057600000 } from './1764057600000-create-organisation';
import { CreateAuditTrail1764057600001 } from './1764057600001-create-audit-trail';
import { CreateIdentity1764057600002 } from './1764057600002-create-identity';

/** Committed migrations in order. A migration, once committed, is never edited: add a new one. */
export const ALL_MIGRATIONS = [CreateOrganisation1764057600000, CreateAuditTrail1764057600001, CreateIdentity1764057600002];
