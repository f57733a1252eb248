import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type DemoPersona, type HouseholdMember, type LoginResult, type Me, type Role, type TokenPair } from '@village/shared';
import { IsNotEmpty, IsString, Length, Matches, MaxLength } from 'class-validator';

export class WechatLoginDto {
  @ApiProperty({ description: 'wx.login 得到的 code' })
  @IsString({ message: '登录凭证必须是文字' })
  @IsNotEmpty({ message: '缺少微信登录凭证，请重新打开小程序' })
  @MaxLength(128, { message: '登录凭证太长了' })
  code: string;
}

export class DemoLoginDto {
  @ApiProperty({ example: 'household_rep', description: '演示身份，见 GET /api/auth/demo-personas' })
  @IsString({ message: '请选择一个演示身份' })
  @Matches(/^[a-z_]{1,32}$/, { message: '演示身份的写法不对' })
  persona: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString({ message: '缺少刷新凭证' })
  @IsNotEmpty({ message: '缺少刷新凭证' })
  @MaxLength(128, { message: '刷新凭证太长了' })
  refreshToken: string;
}

export class TokenPairDto implements TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ format: 'date-time' }) accessExpiresAt: string;
  @ApiProperty({ format: 'date-time' }) refreshExpiresAt: string;
}

class MeAccountDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) privacyConsentVersion: string | null;
  @ApiProperty({ description: '为 true 时须先请用户阅读并同意隐私说明' }) privacyConsentRequired: boolean;
  @ApiProperty() currentPrivacyNoticeVersion: string;
  @ApiProperty() idNumberConsentGiven: boolean;
}

class MeVillageDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty({ example: '土岭底村' }) name: string;
}

class MeTownshipDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '聪子峪乡' }) name: string;
  @ApiProperty({ example: '沁源县' }) county: string;
  @ApiProperty({ example: '常建军' }) staffName: string;
  @ApiProperty({ type: String, nullable: true, example: '包村干部' }) staffTitle: string | null;
}

class MeResidentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender: 'male' | 'female';
  @ApiProperty({ example: '1968-03-12' }) birthDate: string;
  @ApiProperty({ type: String, nullable: true, example: '138****5678' }) phoneMasked: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1404**********1234' }) idNumberMasked: string | null;
}

class HouseholdMemberDto implements HouseholdMember {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '户主' }) relationToHead: string;
  @ApiProperty() isRepresentative: boolean;
}

class MeHouseholdDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '0012' }) number: string;
  @ApiProperty() address: string;
  @ApiProperty() gridName: string;
  @ApiProperty({ type: String, nullable: true }) gridLeaderName: string | null;
  @ApiProperty({ type: String, nullable: true }) representativeName: string | null;
  @ApiProperty() isRepresentative: boolean;
  @ApiProperty({ type: [HouseholdMemberDto] }) members: HouseholdMemberDto[];
}

export class MeDto implements Me {
  @ApiProperty({ type: MeAccountDto }) account: MeAccountDto;
  @ApiProperty({ type: MeVillageDto, nullable: true }) village: MeVillageDto | null;
  @ApiProperty({ type: MeTownshipDto, nullable: true, description: '乡镇干部所在乡镇' }) township: MeTownshipDto | null;
  @ApiProperty({ type: MeResidentDto, nullable: true }) resident: MeResidentDto | null;
  @ApiProperty({ type: MeHouseholdDto, nullable: true }) household: MeHouseholdDto | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
}

export class LoginResultDto extends TokenPairDto implements LoginResult {
  @ApiProperty({ type: MeDto }) me: MeDto;
}

export class DemoPersonaDto implements DemoPersona {
  @ApiProperty() key: string;
  @ApiProperty({ example: '户代表' }) label: string;
  @ApiPropertyOptional({ type: String, nullable: true }) name: string | null;
  @ApiProperty() description: string;
}

export class PrivacyConsentDto {
  @ApiProperty({ example: '2026-11', description: '用户看到并同意的隐私说明版本' })
  @IsString({ message: '缺少隐私说明版本' })
  @Length(1, 16, { message: '隐私说明版本的写法不对' })
  version: string;
}
