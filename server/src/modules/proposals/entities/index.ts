export { Proposal } from './proposal.entity';
export { ProposalCosign } from './proposal-cosign.entity';
export { ProposalEvent, type ProposalEventKind } from './proposal-event.entity';
export { ProposalPhoto } from './proposal-photo.entity';
export { ProposalSettingsRow } from './proposal-settings.entity';
