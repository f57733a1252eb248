import { Controller, Get, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { PointsPhoto } from '@village/shared';
import type { Response } from 'express';
import { Public, Roles } from '../../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../../common/auth/actor';
import { ApiErrorDto } from '../../../common/errors/api-error.dto';
import { IdParam } from '../../../common/http/id-param.pipe';
import { contentDisposition } from '../../notices/content-disposition';
import type { UploadedPhotoFile } from '../../notices/domain/uploaded-photo';
import { PointsPhotos } from './points-photos';

@ApiTags('points 村民积分制')
@ApiBearerAuth()
@Controller('points/files')
export class PointsFilesController {
  constructor(private readonly photos: PointsPhotos) {}

  @Post()
  @Roles('villager')
  @UseInterceptors(FileInterceptor('file', { limits: { files: 1, fields: 4 } }))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传积分照片', description: '积分记录、群众申报的证明照片和积分超市的商品照片：JPG 或 PNG（按文件内容判断），随即送微信 mediaCheckAsync 检查。返回的 id 用于记录（photoIds）或商品（photoId）。' })
  @ApiCreatedResponse({ description: 'PointsPhoto' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有文件，或不是 JPG、PNG 照片' })
  upload(@CurrentVillageActor() actor: VillageActor, @UploadedFile() file: UploadedPhotoFile | undefined): Promise<PointsPhoto> {
    return this.photos.upload(actor, file);
  }

  @Get(':fileId')
  @Public()
  @ApiOperation({ summary: '打开积分照片（签名链接）', description: '用积分记录或商品里的 url 打开，不需要登录头；链接约 30 分钟内有效。签名不对或过期返回 403。' })
  @ApiQuery({ name: 'exp', description: '过期时间（Unix 秒）' })
  @ApiQuery({ name: 'sig', description: '签名' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '链接签名不对或已过期' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '没有这张照片' })
  async open(@Param('fileId', IdParam) fileId: string, @Query('exp') exp: unknown, @Query('sig') sig: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { content, row, maxAgeSeconds } = await this.photos.open(fileId, exp, sig);
    res.setHeader('Cache-Control', `private, max-age=${maxAgeSeconds}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: row.contentType, length: content.length, disposition: contentDisposition('inline', row.fileName) });
  }
}
