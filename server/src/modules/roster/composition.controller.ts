import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CompositionReport, SupervisoryCommitteeMember } from '@village/shared';
import { COMMITTEE_ROLES, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { CompositionService } from './composition.service';
import { AppointSupervisorDto, CompositionReportDto, EndSupervisorDto, SupervisoryCommitteeMemberDto } from './dto/composition.dto';
import { ROSTER_OVERSIGHT_ROLES } from './roster-scope';

@ApiTags('roster 户籍')
@ApiBearerAuth()
@Controller('roster')
export class CompositionController {
  constructor(private readonly composition: CompositionService) {}

  @Get('composition')
  @Roles(...ROSTER_OVERSIGHT_ROLES)
  @ApiOperation({
    summary: '村民代表会议和村务监督委员会的组成检查',
    description:
      '村民代表会议（组织法第二十五条）：代表占五分之四以上、妇女代表占三分之一以上、每五至十五户一名代表——只提示，不阻止。' +
      '村务监督委员会（第三十二条）：3 至 5 人、至少一人具备财会知识、不得是村委会成员或其近亲属（至少同户）——违反的任命会被拒绝。',
  })
  @ApiOkResponse({ type: CompositionReportDto })
  report(@CurrentVillageActor() actor: VillageActor): Promise<CompositionReport> {
    return this.composition.report(actor);
  }

  @Post('supervisors')
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({
    summary: '登记村务监督委员会成员',
    description: '登记村民会议或村民代表会议推选出的成员。违反组织法第三十二条的任命返回 409，并写明是哪一条规定。',
  })
  @ApiCreatedResponse({ type: SupervisoryCommitteeMemberDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'COMPOSITION_VIOLATION：details.issues 列出违反的规定' })
  appoint(@CurrentVillageActor() actor: VillageActor, @Body() body: AppointSupervisorDto): Promise<SupervisoryCommitteeMember> {
    return this.composition.appointSupervisor(actor, body);
  }

  @Post('supervisors/:assignmentId/end')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '结束村务监督委员会成员的任职',
    description: '结束后少于 3 人或没有具备财会知识的成员时返回 409：请先任命接替的成员。',
  })
  @ApiOkResponse({ type: SupervisoryCommitteeMemberDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  end(
    @CurrentVillageActor() actor: VillageActor,
    @Param('assignmentId', IdParam) assignmentId: string,
    @Body() body: EndSupervisorDto,
  ): Promise<SupervisoryCommitteeMember> {
    return this.composition.endSupervisor(actor, assignmentId, body);
  }
}
