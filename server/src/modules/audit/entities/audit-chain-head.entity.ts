import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The latest link of each village's chain. Every unit of work locks this row first, which serialises
 * appends per village (gap-free sequence, one chain) and lets verification detect a truncated tail.
 */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'last_seq', type: 'int' })
  lastSeq: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash: string;
}
