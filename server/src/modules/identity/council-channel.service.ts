import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditActor, type Actor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../audit/unit-of-work';
import { CouncilChannel, Village } from '../villages/entities';
import { decryptWechatData, WechatDataError } from '../wechat/wechat-crypto';
import { AccountRepository } from './account.repository';
import type { CouncilChannelDto, EncryptedShareDto } from './dto/binding.dto';
import { IdentityErrorCode, IdentityException } from './identity.exception';

/** 一村一群: the village's WeChat group, identified by the openGId inside a share ticket. */
@Injectable()
export class CouncilChannelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async bind(actor: VillageActor, share: EncryptedShareDto): Promise<CouncilChannelDto> {
    const openGId = await this.openGId(actor, share);
    return this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const elsewhere = await manager.getRepository(CouncilChannel).findOneBy({ openGId });
      if (elsewhere && elsewhere.villageId !== actor.villageId) {
        throw new IdentityException(IdentityErrorCode.ChannelBoundElsewhere, '这个群已经是别的村的议事群了，请换本村的群再试');
      }
      const village = await manager.getRepository(Village).findOneByOrFail({ id: actor.villageId });
      const channels = manager.getRepository(CouncilChannel);
      const channel = await channels.findOneBy({ villageId: actor.villageId });
      const boundAt = this.clock.now();
      if (!channel) throw new IdentityException(IdentityErrorCode.ChannelNotBound, '本村还没有登记议事群，请先在村务设置里登记');
      await channels.update({ id: channel.id }, { openGId, boundAt });
      await record({
        action: 'council_channel.bound',
        entityType: 'council_channel',
        entityId: channel.id,
        before: { bound: channel.openGId !== null },
        after: { bound: true, boundAt: boundAt.toISOString() },
      });
      return { villageId: village.id, villageName: village.name, channelName: channel.name, boundAt: boundAt.toISOString() };
    });
  }

  /** Opening a share card from a group: which village's council is it? */
  async enter(actor: Actor, share: EncryptedShareDto): Promise<CouncilChannelDto> {
    const openGId = await this.openGId(actor, share);
    const channel = await this.dataSource.getRepository(CouncilChannel).findOneBy({ openGId });
    if (!channel?.boundAt) {
      throw new IdentityException(IdentityErrorCode.ChannelNotBound, '这个群还不是哪个村的议事群。请村委会先在群里绑定。');
    }
    const village = await this.dataSource.getRepository(Village).findOneByOrFail({ id: channel.villageId });
    return { villageId: village.id, villageName: village.name, channelName: channel.name, boundAt: channel.boundAt.toISOString() };
  }

  private async openGId(actor: Actor, share: EncryptedShareDto): Promise<string> {
    const account = await this.accounts.findById(actor.accountId);
    const sessionKey = account ? this.accounts.sessionKey(account) : null;
    const invalid = new IdentityException(IdentityErrorCode.ChannelDataInvalid, '群信息无法识别。请从本村的村民议事群里重新打开小程序再试。');
    if (!sessionKey) throw invalid;
    try {
      const data = decryptWechatData<{ openGId?: string }>(sessionKey, share.encryptedData, share.iv, this.config.WECHAT_APP_ID);
      if (!data.openGId) throw invalid;
      return data.openGId;
    } catch (error) {
      if (error instanceof WechatDataError) throw invalid;
      throw error;
    }
  }
}
