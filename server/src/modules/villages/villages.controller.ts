import { Controller, Get } from '@nestjs/common';
import { Public } from '../../common/auth/access.decorator';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '../../config/app-config';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { VillageSummaryDto } from './dto/village-summary.dto';
import { VillagesService } from './villages.service';

@ApiTags('villages 村')
@Controller('villages')
export class VillagesController {
  constructor(
    private readonly villages: VillagesService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('current')
  @ApiOperation({
    summary: '当前村概况',
    description:
      '户数、人数、成年人数、党员、村民代表、监委会成员、网格与村民小组。未登录时为服务器配置的默认村（DEFAULT_VILLAGE_CODE）。',
  })
  @ApiOkResponse({ type: VillageSummaryDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '服务器配置的村不存在' })
  current(): Promise<VillageSummaryDto> {
    return this.villages.summary(this.config.DEFAULT_VILLAGE_CODE);
  }
}
