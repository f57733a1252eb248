import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@village/shared';

/**
 * An office a resident holds in a village (书记, 村委会委员, 监委会成员, 网格员 …). Ending an office
 * sets `endedAt`; the row stays, because minutes and ballots name who held it then.
 */
@Entity('role_assignment')
export class RoleAssignment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  /** 书记兼村委会主任（一肩挑）. Only meaningful on a `secretary` assignment. */
  @Column({ name: 'one_shoulder', type: 'boolean', default: false })
  oneShoulder: boolean;

  /** Free-text post within the body, e.g. 主任, 副主任, 委员, 主任（监委会）. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  title: string | null;

  /** 具备财会、管理知识: OL art. 32 wants at least one such 监委会 member. Only meaningful on `supervisor`. */
  @Column({ name: 'has_accounting_knowledge', type: 'boolean', default: false })
  hasAccountingKnowledge: boolean;

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;
}
