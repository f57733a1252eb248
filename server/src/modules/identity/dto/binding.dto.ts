import { ApiProperty } from '@nestjs/swagger';
import type { IssuedBindingCode } from '@village/shared';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class RedeemBindingCodeDto {
  @ApiProperty({ example: 'K7M2QX', description: '村委会给的 6 位绑定码（不分大小写，可带空格）' })
  @IsString({ message: '请输入绑定码' })
  @Matches(/^[\sA-Za-z0-9-]{6,12}$/, { message: '绑定码是 6 位字母和数字，请核对后再输' })
  code: string;
}

export class UnbindDto {
  @ApiProperty({ example: '手机丢失，换了新微信' })
  @IsString({ message: '请写明解绑原因' })
  @IsNotEmpty({ message: '请写明解绑原因' })
  @MaxLength(128, { message: '解绑原因请控制在 128 个字以内' })
  reason: string;
}

export class IssuedBindingCodeDto implements IssuedBindingCode {
  @ApiProperty({ example: 'K7M2QX' }) code: string;
  @ApiProperty() residentId: string;
  @ApiProperty() residentName: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: '二维码内容：打开绑定页并填好绑定码' }) qrText: string;
  @ApiProperty({ description: '可打印的二维码（SVG）' }) qrSvg: string;
}

export class EncryptedShareDto {
  @ApiProperty({ description: 'wx.getShareInfo / wx.getGroupEnterInfo 返回的 encryptedData' })
  @IsString({ message: '缺少群信息' })
  @IsNotEmpty({ message: '缺少群信息' })
  @MaxLength(4096, { message: '群信息太长了' })
  encryptedData: string;

  @ApiProperty()
  @IsString({ message: '缺少群信息' })
  @Matches(/^[A-Za-z0-9+/]{22}==$/, { message: '群信息的格式不对' })
  iv: string;
}

export class CouncilChannelDto {
  @ApiProperty() villageId: string;
  @ApiProperty({ example: '土岭底村' }) villageName: string;
  @ApiProperty({ example: '土岭底村村民议事群' }) channelName: string;
  @ApiProperty({ format: 'date-time' }) boundAt: string;
}
