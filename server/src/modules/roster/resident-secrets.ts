import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { maskIdNumber } from '../../common/privacy/mask';
import type { Resident } from '../villages/entities';
import { RosterErrorCode, RosterException } from './roster.exception';
import type { RosterStore } from './roster.store';

/** Phone and ID number at rest: encrypted on the way in, decrypted only to compare or to mask. */
@Injectable()
export class ResidentSecrets {
  constructor(private readonly cipher: FieldCipher) {}

  encrypt(value: string | null | undefined): string | null {
    return this.cipher.encryptNullable(value);
  }

  phone(resident: Pick<Resident, 'phoneEnc'>): string | null {
    return this.cipher.decryptNullable(resident.phoneEnc);
  }

  idNumber(resident: Pick<Resident, 'idNumberEnc'>): string | null {
    return this.cipher.decryptNullable(resident.idNumberEnc);
  }

  /**
   * One person, one record: an ID number may belong to one resident of the village (any status).
   * Runs inside the unit of work, which holds the village's write lock, so the check cannot race.
   */
  async assertIdNumberFree(store: RosterStore, villageId: string, idNumber: string | null | undefined, exceptResidentId: string | null): Promise<void> {
    if (!idNumber) return;
    for (const other of await store.residentsWithIdNumber(villageId)) {
      if (other.id === exceptResidentId || this.idNumber(other) !== idNumber) continue;
      const household = await store.household(villageId, other.householdId);
      throw new RosterException(
        RosterErrorCode.IdNumberTaken,
        `身份证号 ${maskIdNumber(idNumber)} 已登记在户号 ${household?.number ?? '?'} 的${other.name}名下，同一个人不能登记两次。请核对号码。`,
      );
    }
  }
}
