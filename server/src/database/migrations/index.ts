import { CreateOrganisation1764057600000 } from './1764057600000-create-organisation';
import { CreateAuditTrail1764057600001 } from './1764057600001-create-audit-trail';
import { CreateIdentity1764057600002 } from './1764057600002-create-identity';
import { CreateAuditCheckpoints1764057600003 } from './1764057600003-create-audit-checkpoints';
import { Roster1764057600004 } from './1764057600004-roster';
import { CreateIdempotency1764057600005 } from './1764057600005-create-idempotency';
import { CreateTownshipStaff1764057600006 } from './1764057600006-create-township-staff';
import { CreateNotices1764057600007 } from './1764057600007-create-notices';
import { CreateVoting1764057600008 } from './1764057600008-create-voting';
import { CreateMatters1764057600009 } from './1764057600009-create-matters';
import { ReviewMatterObjections1764057600010 } from './1764057600010-review-matter-objections';
import { CreateProposals1764057600011 } from './1764057600011-create-proposals';
import { CreateMediaChecks1764057600012 } from './1764057600012-create-media-checks';
import { CreatePoints1764057600013 } from './1764057600013-create-points';

/** Committed migrations in order. A migration, once committed, is never edited: add a new one. */
export const ALL_MIGRATIONS = [CreateOrganisation1764057600000, CreateAuditTrail1764057600001, CreateIdentity1764057600002, CreateAuditCheckpoints1764057600003, Roster1764057600004, CreateIdempotency1764057600005, CreateTownshipStaff1764057600006, CreateNotices1764057600007, CreateVoting1764057600008, CreateMatters1764057600009, ReviewMatterObjections1764057600010, CreateProposals1764057600011, CreateMediaChecks1764057600012, CreatePoints1764057600013];
