import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { BallotAdminService } from './ballot-admin.service';
import { BallotCloseScheduler, BallotClosingService } from './ballot-closing.service';
import { BallotsController } from './ballots.controller';
import { BallotsService } from './ballots.service';
import { CastingService } from './casting.service';
import { InPersonService } from './in-person.service';

/** 表决 (issue 6): ballots, casting, in-person counts, closing with results published as notices. */
@Module({
  imports: [NoticesModule],
  controllers: [BallotsController],
  providers: [BallotsService, BallotAdminService, CastingService, InPersonService, BallotClosingService, BallotCloseScheduler],
})
export class VotingModule {}
