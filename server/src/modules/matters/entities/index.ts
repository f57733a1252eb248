export { Matter } from './matter.entity';
export { MatterFile } from './matter-file.entity';
export { MatterMeeting } from './matter-meeting.entity';
export { MatterObjection } from './matter-objection.entity';
export { MatterOpinion } from './matter-opinion.entity';
export { MatterProgress } from './matter-progress.entity';
export { MatterRevision } from './matter-revision.entity';
export { AssemblyAuthorizationRow, ConveningPetition, MatterPolicyRow, MatterTypeConfig } from './matter-config.entity';
