import type { MatterStage } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 议事事项: one row per matter, holding the workflow state the shared `transition()` reads
 * (rebuilt by domain/matter-state.ts together with the objection and opinion rows). The text lives
 * in matter_revision; `title`/`body`/`budgetFen` here mirror the current revision for lists.
 */
@Entity('matter')
@Index('idx_matter_village_stage', ['villageId', 'stage'])
export class Matter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'type_code', type: 'varchar', length: 40 })
  typeCode: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'budget_fen', type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) } })
  budgetFen: number | null;

  @Column({ type: 'varchar', length: 32 })
  stage: MatterStage;

  @Column({ name: 'stage_entered_on', type: 'varchar', length: 10 })
  stageEnteredOn: string;

  @Column({ name: 'closed_from', type: 'varchar', length: 32, nullable: true })
  closedFrom: MatterStage | null;

  @Column({ name: 'closed_reason', type: 'varchar', length: 500, nullable: true })
  closedReason: string | null;

  @Column({ name: 'current_revision', type: 'int' })
  currentRevision: number;

  @Column({ name: 'workflow_version', type: 'int' })
  workflowVersion: number;

  /** MatterState.meetings (the current run's deciding meeting per stage) as JSON. */
  @Column({ name: 'meetings_json', type: 'text' })
  meetingsJson: string;

  /** MatterState.resolutionDisclosure as JSON, or null. */
  @Column({ name: 'resolution_disclosure_json', type: 'text', nullable: true })
  resolutionDisclosureJson: string | null;

  @Column({ name: 'result_disclosure_json', type: 'text', nullable: true })
  resultDisclosureJson: string | null;

  /** Every disclosure notice ever published for the matter (DisclosureRecord[]), superseded ones too. */
  @Column({ name: 'disclosures_json', type: 'text' })
  disclosuresJson: string;

  /** MatterState.implementation as JSON, or null. */
  @Column({ name: 'implementation_json', type: 'text', nullable: true })
  implementationJson: string | null;

  /** The result report's words and photos (ResultDetails) beside the state's figures. */
  @Column({ name: 'result_details_json', type: 'text', nullable: true })
  resultDetailsJson: string | null;

  @Column({ name: 'proposal_id', type: 'varchar', length: 36, nullable: true })
  proposalId: string | null;

  @Column({ name: 'created_by_resident_id', type: 'varchar', length: 36 })
  createdByResidentId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  /** Optimistic lock: every write names the version it read. */
  @Column({ type: 'int' })
  version: number;
}
