import type { AssemblyBody } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A village's own matter types and the non-statutory defaults it turned off (mergeMatterTypes). */
@Entity('matter_type_config')
export class MatterTypeConfig {
  @PrimaryColumn({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  /** MatterTypeInput[] as JSON. */
  @Column({ name: 'extras_json', type: 'text' })
  extrasJson: string;

  /** string[] as JSON. */
  @Column({ name: 'disabled_json', type: 'text' })
  disabledJson: string;

  @Column({ name: 'updated_by_resident_id', type: 'varchar', length: 36 })
  updatedByResidentId: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @Column({ type: 'int' })
  version: number;
}

/** The village's WorkflowPolicy (disclosure days, notice lead days, party review basis) as JSON. */
@Entity('matter_policy')
export class MatterPolicyRow {
  @PrimaryColumn({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'policy_json', type: 'text' })
  policyJson: string;

  @Column({ name: 'updated_by_resident_id', type: 'varchar', length: 36 })
  updatedByResidentId: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}

/** 村民会议's authorization for the 村民代表会议 to decide listed art. 24 types (OL art. 24 第二款). */
@Entity('assembly_authorization')
@Index('idx_assembly_authorization_village', ['villageId'])
export class AssemblyAuthorizationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'granted_by_meeting_id', type: 'varchar', length: 36 })
  grantedByMeetingId: string;

  @Column({ name: 'granted_on', type: 'varchar', length: 10 })
  grantedOn: string;

  @Column({ name: 'type_codes_json', type: 'text' })
  typeCodesJson: string;

  @Column({ name: 'expires_on', type: 'varchar', length: 10, nullable: true })
  expiresOn: string | null;

  @Column({ name: 'revoked_on', type: 'varchar', length: 10, nullable: true })
  revokedOn: string | null;

  @Column({ name: 'revoked_by_meeting_id', type: 'varchar', length: 36, nullable: true })
  revokedByMeetingId: string | null;

  @Column({ name: 'created_by_resident_id', type: 'varchar', length: 36 })
  createdByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** A recorded petition for a 村民会议 / 村民代表会议 (召集义务), with the roster sizes when it was made. */
@Entity('convening_petition')
@Index('idx_convening_petition_village', ['villageId'])
export class ConveningPetition {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 32 })
  body: AssemblyBody;

  @Column({ name: 'petitioned_on', type: 'varchar', length: 10 })
  petitionedOn: string;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'varchar', length: 16 })
  source: 'petition' | 'proposal';

  /** The proposal whose co-signs reached the threshold (source 'proposal'); at most one petition per proposal. */
  @Column({ name: 'proposal_id', type: 'varchar', length: 36, nullable: true })
  proposalId: string | null;

  @Column({ name: 'adult_signer_ids_json', type: 'text' })
  adultSignerIdsJson: string;

  @Column({ name: 'representative_signer_ids_json', type: 'text' })
  representativeSignerIdsJson: string;

  @Column({ name: 'photo_ids_json', type: 'text' })
  photoIdsJson: string;

  @Column({ name: 'adult_residents', type: 'int' })
  adultResidents: number;

  @Column({ type: 'int' })
  representatives: number;

  /** Null when the petition does not oblige a meeting. */
  @Column({ name: 'due_by', type: 'varchar', length: 10, nullable: true })
  dueBy: string | null;

  @Column({ name: 'created_by_resident_id', type: 'varchar', length: 36 })
  createdByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
