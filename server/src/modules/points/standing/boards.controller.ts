import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { COMMITTEE_ROLES, type PointsBoardView } from '@village/shared';
import { Roles } from '../../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../../common/auth/actor';
import { ApiErrorDto } from '../../../common/errors/api-error.dto';
import { IdParam } from '../../../common/http/id-param.pipe';
import { BoardsService } from './boards.service';
import { BoardFollowUpDto, BoardsQueryDto, PublishBoardDto } from './dto/standing.dto';

const FOLLOW_UP_SEEN = '帮扶记录只有村“两委”、监委会和这户自己能看到，其他人看到的 followUp 是 null。';

@ApiTags('points 村民积分')
@ApiBearerAuth()
@Controller('points/boards')
export class BoardsController {
  constructor(private readonly boards: BoardsService) {}

  @Get()
  @Roles('villager')
  @ApiOperation({ summary: '红黑榜', description: `各季度的红黑榜，最新的在前；quarter 只看一个季度。户名已打码。${FOLLOW_UP_SEEN}` })
  @ApiOkResponse({ description: 'PointsBoardView[]' })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: BoardsQueryDto): Promise<PointsBoardView[]> {
    return this.boards.list(actor, query);
  }

  @Get(':boardId')
  @Roles('villager')
  @ApiOperation({ summary: '一个季度的红黑榜', description: FOLLOW_UP_SEEN })
  @ApiOkResponse({ description: 'PointsBoardView' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这个红黑榜' })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('boardId', IdParam) boardId: string): Promise<PointsBoardView> {
    return this.boards.detail(actor, boardId);
  }

  @Post()
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({
    summary: '发布红黑榜（两委）',
    description:
      '按本村积分设置评出这个季度的红榜（积分最高的一部分户）和需要帮助改进的户（积分最低的一部分、低于分数线的、有负面清单记录的；同一户不会同时上两个榜，以需要帮助为准），' +
      '保存并发布一条“红黑榜”公开（户名打码，写明上榜不影响选举权、表决权、低保和其他基本权利，并会 1对1 帮扶）。每个季度一次，积分公示以后才能发布。记入审计。',
  })
  @ApiCreatedResponse({ description: 'PointsBoardView' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '季度格式不对' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_REFUSED：这个季度的积分还没有公示，或红黑榜已经发布过；什么都没有写入' })
  publish(@CurrentVillageActor() actor: VillageActor, @Body() body: PublishBoardDto): Promise<PointsBoardView> {
    return this.boards.publish(actor, body);
  }

  @Put(':boardId/follow-ups/:householdId')
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '写帮扶记录（两委）', description: `给需要帮助改进的户写 1对1 帮扶情况（再写一次替换上一次，审计里每次都留有记录）。${FOLLOW_UP_SEEN}` })
  @ApiOkResponse({ description: 'PointsBoardView' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '帮扶情况没写或太长；或这户在红榜上（帮扶只写给需要帮助改进的户）' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这个红黑榜，或这户不在榜上' })
  followUp(
    @CurrentVillageActor() actor: VillageActor,
    @Param('boardId', IdParam) boardId: string,
    @Param('householdId', IdParam) householdId: string,
    @Body() body: BoardFollowUpDto,
  ): Promise<PointsBoardView> {
    return this.boards.followUp(actor, boardId, householdId, body);
  }
}
