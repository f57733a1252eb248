import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DemoPersona, LoginResult, Role } from '@village/shared';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../audit/unit-of-work';
import { Household, Resident, RoleAssignment, Village } from '../villages/entities';
import { fakeOpenId } from '../wechat/fake/fake-wechat-server';
import { WechatClient } from '../wechat/wechat.client';
import { WechatEndpoint } from '../wechat/wechat.module';
import { AccountRepository } from './account.repository';
import { ActorResolver } from './actor.resolver';
import { BindingService } from './binding.service';
import { DEMO_PERSONAS, PersonaDefinition } from './demo-personas';
import { AccountBinding, TownshipStaff } from './entities';
import { IdentityErrorCode, IdentityException } from './identity.exception';
import { MeService } from './me.service';
import { SessionService } from './session.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
    private readonly endpoint: WechatEndpoint,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionService,
    private readonly actors: ActorResolver,
    private readonly bindings: BindingService,
    private readonly meService: MeService,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  /** wx.login code → code2Session → the app's own session. */
  async loginWithCode(code: string, correlationId: string): Promise<LoginResult> {
    const session = await this.wechat.code2Session(code);
    const account = await this.accounts.upsertFromWechat(session);
    const villageId = await this.accounts.latestBoundVillage(account.id);
    const tokens = await this.sessions.create(account.id, villageId);
    const actor = await this.actors.resolve(await this.sessions.resolve(tokens.accessToken), correlationId);
    return { ...tokens, me: await this.meService.me(actor) };
  }

  async demoPersonas(): Promise<DemoPersona[]> {
    this.assertDemo();
    const village = await this.defaultVillage();
    const personas: DemoPersona[] = [];
    for (const p of DEMO_PERSONAS) {
      const person = 'fact' in p.pick && p.pick.fact === 'township_staff' ? await this.demoStaff(village) : await this.personaResident(p, village.id);
      personas.push({ key: p.key, label: p.label, description: p.description, name: person?.name ?? null });
    }
    return personas;
  }

  /**
   * Signs in as a demo persona through the same WeChat protocol a phone uses: the fake WeChat server
   * mints the code wx.login would, and code2Session runs over HTTP as in production.
   */
  async demoLogin(key: string, correlationId: string): Promise<LoginResult> {
    this.assertDemo();
    const persona = DEMO_PERSONAS.find((p) => p.key === key);
    if (!persona) throw new IdentityException(IdentityErrorCode.UnknownPersona, `没有“${key}”这个演示身份`);
    const village = await this.defaultVillage();
    if ('fact' in persona.pick && persona.pick.fact === 'township_staff') return this.demoStaffLogin(village, correlationId);
    const resident = await this.personaResident(persona, village.id);
    const seed = resident ? `demo:${resident.id}` : `demo:new:${correlationId}:${Date.now()}`;
    const openid = fakeOpenId(seed);
    const code = await this.mintDemoCode(openid);
    const session = await this.wechat.code2Session(code);
    const account = await this.accounts.upsertFromWechat(session);

    if (resident) {
      const bound = await this.dataSource
        .getRepository(AccountBinding)
        .existsBy({ wechatAccountId: account.id, villageId: village.id, unboundAt: IsNull() });
      if (!bound) {
        const actor = { villageId: village.id, actorId: resident.id, actorRole: 'villager', correlationId };
        await this.uow.run(actor, (work) => this.bindings.bind(work, account.id, resident.id, 'demo'));
      }
    }
    const tokens = await this.sessions.create(account.id, resident ? village.id : null);
    const actor = await this.actors.resolve(await this.sessions.resolve(tokens.accessToken), correlationId);
    return { ...tokens, me: await this.meService.me(actor) };
  }

  /** 乡镇干部: signs in through WeChat like everyone, then is linked to the seeded staff record. */
  private async demoStaffLogin(village: Village, correlationId: string): Promise<LoginResult> {
    const staff = await this.demoStaff(village);
    if (!staff) throw new IdentityException(IdentityErrorCode.UnknownPersona, '演示乡镇还没有乡镇干部');
    const session = await this.wechat.code2Session(await this.mintDemoCode(fakeOpenId(`demo:township:${staff.id}`)));
    const account = await this.accounts.upsertFromWechat(session);
    if (staff.wechatAccountId !== account.id) {
      await this.dataSource.getRepository(TownshipStaff).update({ id: staff.id }, { wechatAccountId: account.id });
    }
    const tokens = await this.sessions.create(account.id, null);
    const actor = await this.actors.resolve(await this.sessions.resolve(tokens.accessToken), correlationId);
    return { ...tokens, me: await this.meService.me(actor) };
  }

  private demoStaff(village: Village): Promise<TownshipStaff | null> {
    return this.dataSource
      .getRepository(TownshipStaff)
      .findOne({ where: { townshipId: village.townshipId, endedAt: IsNull() }, order: { id: 'ASC' } });
  }

  private assertDemo(): void {
    if (this.config.NODE_ENV === 'production' || !this.endpoint.isFake) {
      throw new IdentityException(IdentityErrorCode.DemoUnavailable, '演示登录只在本地演示环境可用');
    }
  }

  private async defaultVillage(): Promise<Village> {
    const village = await this.dataSource.getRepository(Village).findOneBy({ code: this.config.DEFAULT_VILLAGE_CODE });
    if (!village) throw new IdentityException(IdentityErrorCode.DemoUnavailable, '演示村还没有建立，请用 DEMO_SEED=true 启动');
    return village;
  }

  private async mintDemoCode(openid: string): Promise<string> {
    const response = await fetch(new URL('/__fake/login', this.endpoint.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    });
    if (!response.ok) throw new IdentityException(IdentityErrorCode.DemoUnavailable, '演示用的微信服务没有响应');
    return ((await response.json()) as { code: string }).code;
  }

  /** The seeded resident a persona signs in as; deterministic so demos and tests agree. */
  private async personaResident(persona: PersonaDefinition, villageId: string): Promise<Resident | null> {
    const residents = this.dataSource.getRepository(Resident);
    const pick = persona.pick;
    if ('office' in pick) {
      const office = await this.dataSource.getRepository(RoleAssignment).findOne({
        where: { villageId, role: pick.office as Role, endedOn: IsNull() },
        order: { id: 'ASC' },
      });
      if (office?.role === 'village_committee') {
        // The committee persona should not also be the secretary.
        const secretaries = await this.dataSource.getRepository(RoleAssignment).findBy({ villageId, role: 'secretary', endedOn: IsNull() });
        const others = await this.dataSource.getRepository(RoleAssignment).find({
          where: { villageId, role: 'village_committee', endedOn: IsNull() },
          order: { id: 'ASC' },
        });
        const nonSecretary = others.find((o) => !secretaries.some((s) => s.residentId === o.residentId));
        return nonSecretary ? residents.findOneBy({ id: nonSecretary.residentId }) : null;
      }
      return office ? residents.findOneBy({ id: office.residentId }) : null;
    }
    if (pick.fact === 'unbound' || pick.fact === 'township_staff') return null;

    const officeHolders = new Set(
      (await this.dataSource.getRepository(RoleAssignment).findBy({ villageId, endedOn: IsNull() })).map((o) => o.residentId),
    );
    const households = await this.dataSource
      .getRepository(Household)
      .find({ where: { villageId, status: 'active' }, order: { number: 'ASC' } });
    for (const household of households) {
      const members = await residents.find({ where: { householdId: household.id, status: 'active' }, order: { id: 'ASC' } });
      const rep = members.find((m) => m.id === household.representativeResidentId);
      if (pick.fact === 'household_rep' && rep && !officeHolders.has(rep.id) && !rep.isPartyMember) return rep;
      if (pick.fact === 'villager') {
        const adult = members.find(
          (m) => m.id !== household.representativeResidentId && !officeHolders.has(m.id) && Number(m.birthDate.slice(0, 4)) <= 1990,
        );
        if (adult) return adult;
      }
    }
    return null;
  }
}
