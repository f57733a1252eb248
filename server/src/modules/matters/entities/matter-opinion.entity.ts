import type { MatterStage } from '@village/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 监督意见 of the 村务监督委员会; a blocking one (要求纠正) stops the matter until answered and lifted. */
@Entity('matter_opinion')
@Index('idx_matter_opinion_matter', ['matterId'])
export class MatterOpinion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'matter_id', type: 'varchar', length: 36 })
  matterId: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ type: 'varchar', length: 32 })
  stage: MatterStage;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'boolean', default: false })
  blocking: boolean;

  @Column({ name: 'given_by_resident_id', type: 'varchar', length: 36 })
  givenByResidentId: string;

  @Column({ name: 'given_at', type: 'datetime' })
  givenAt: Date;

  @Column({ name: 'given_on', type: 'varchar', length: 10 })
  givenOn: string;

  @Column({ name: 'answer_text', type: 'text', nullable: true })
  answerText: string | null;

  @Column({ name: 'answered_by_resident_id', type: 'varchar', length: 36, nullable: true })
  answeredByResidentId: string | null;

  @Column({ name: 'answered_at', type: 'datetime', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'lifted_by_resident_id', type: 'varchar', length: 36, nullable: true })
  liftedByResidentId: string | null;

  @Column({ name: 'lifted_at', type: 'datetime', nullable: true })
  liftedAt: Date | null;

  @Column({ name: 'lift_note', type: 'varchar', length: 500, nullable: true })
  liftNote: string | null;
}
