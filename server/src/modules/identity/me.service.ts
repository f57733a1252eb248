import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Me } from '@village/shared';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { maskIdNumber, maskPhone } from '../../common/privacy/mask';
import { AppConfig } from '../../config/app-config';
import { Grid, Household, Resident, Township, Village } from '../villages/entities';
import { TownshipStaff } from './entities';
import { AccountRepository } from './account.repository';
import { IdentityException } from './identity.exception';

/** The signed-in user's own view of themselves (PIPL art. 44: access to one's own data). */
@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly cipher: FieldCipher,
    private readonly config: AppConfig,
  ) {}

  private async township(accountId: string, townshipId: string): Promise<Me['township']> {
    const township = await this.dataSource.getRepository(Township).findOneByOrFail({ id: townshipId });
    const staff = await this.dataSource.getRepository(TownshipStaff).findOneByOrFail({ wechatAccountId: accountId });
    return { id: township.id, name: township.name, county: township.county, staffName: staff.name, staffTitle: staff.title };
  }

  async me(actor: Actor): Promise<Me> {
    const account = await this.accounts.findById(actor.accountId);
    if (!account) throw IdentityException.unauthenticated();
    const current = this.config.PRIVACY_NOTICE_VERSION;
    const me: Me = {
      account: {
        id: account.id,
        privacyConsentVersion: account.privacyConsentVersion,
        privacyConsentRequired: account.privacyConsentVersion !== current,
        currentPrivacyNoticeVersion: current,
        idNumberConsentGiven: account.idNumberConsentAt !== null,
      },
      village: null,
      township: null,
      resident: null,
      household: null,
      roles: actor.roles,
    };
    if (actor.townshipId) me.township = await this.township(actor.accountId, actor.townshipId);
    if (!actor.villageId || !actor.residentId) return me;

    const village = await this.dataSource.getRepository(Village).findOneByOrFail({ id: actor.villageId });
    const resident = await this.dataSource.getRepository(Resident).findOneByOrFail({ id: actor.residentId, villageId: actor.villageId });
    const household = await this.dataSource.getRepository(Household).findOneByOrFail({ id: resident.householdId });
    const grid = await this.dataSource.getRepository(Grid).findOneByOrFail({ id: household.gridId });
    const members = await this.dataSource
      .getRepository(Resident)
      .find({ where: { householdId: household.id, status: 'active' }, order: { birthDate: 'ASC' } });
    const leaders = grid.leaderResidentId
      ? await this.dataSource.getRepository(Resident).findBy({ id: In([grid.leaderResidentId]) })
      : [];

    me.village = { id: village.id, code: village.code, name: village.name };
    me.resident = {
      id: resident.id,
      name: resident.name,
      gender: resident.gender,
      birthDate: resident.birthDate,
      phoneMasked: maskPhone(this.cipher.decryptNullable(resident.phoneEnc)),
      idNumberMasked: maskIdNumber(this.cipher.decryptNullable(resident.idNumberEnc)),
    };
    me.household = {
      id: household.id,
      number: household.number,
      address: household.address,
      gridName: grid.name,
      gridLeaderName: leaders[0]?.name ?? null,
      representativeName: members.find((m) => m.id === household.representativeResidentId)?.name ?? null,
      isRepresentative: household.representativeResidentId === resident.id,
      members: members.map((m) => ({
        id: m.id,
        name: m.name,
        relationToHead: m.relationToHead,
        isRepresentative: m.id === household.representativeResidentId,
      })),
    };
    return me;
  }
}
