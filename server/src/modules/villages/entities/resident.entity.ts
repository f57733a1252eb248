import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Residents are never deleted: history (ballots, records) refers to them. */
export const RESIDENT_STATUSES = ['active', 'deceased', 'moved_out'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** 村民. */
@Entity('resident')
export class Resident {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'village_id', type: 'varchar', length: 36 })
  villageId: string;

  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  /** YYYY-MM-DD; adults (18+) count for 村民会议 quorum. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  /** 与户主关系: 户主, 配偶, 子, 女, 父, 母, 孙子, 孙女, 儿媳, … */
  @Column({ name: 'relation_to_head', type: 'varchar', length: 16 })
  relationToHead: string;

  @Column({ name: 'is_party_member', type: 'boolean', default: false })
  isPartyMember: boolean;

  @Column({ name: 'is_villager_rep', type: 'boolean', default: false })
  isVillagerRep: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: ResidentStatus;

  /** YYYY-MM-DD the resident died or moved out; null while active. */
  @Column({ name: 'departed_on', type: 'date', nullable: true })
  departedOn: string | null;

  /** AES-256-GCM (FieldCipher); never leaves the server unmasked. */
  @Column({ name: 'phone_enc', type: 'varchar', length: 255, nullable: true })
  phoneEnc: string | null;

  @Column({ name: 'id_number_enc', type: 'varchar', length: 255, nullable: true })
  idNumberEnc: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
