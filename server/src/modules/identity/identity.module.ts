import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountRepository } from './account.repository';
import { ActorResolver } from './actor.resolver';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { BindingController } from './binding.controller';
import { BindingService } from './binding.service';
import { CouncilChannelService } from './council-channel.service';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { SessionService } from './session.service';

@Module({
  controllers: [AuthController, MeController, BindingController],
  providers: [
    AccountRepository,
    ActorResolver,
    AuthService,
    BindingService,
    CouncilChannelService,
    MeService,
    SessionService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ActorResolver],
})
export class IdentityModule {}
