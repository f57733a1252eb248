import { IsInt, IsString, Max, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { CommonErrorCode } from './common.exception';
import { validationException } from './validation';

class Inner {
  @IsInt({ message: '户数必须是整数' })
  households: number;
}

class Outer {
  @IsString()
  name: string;

  @Max(10)
  size: number;

  @ValidateNested()
  @Type(() => Inner)
  inner: Inner;
}

describe('validationException', () => {
  it('keeps DTO messages, translates defaults and names nested fields', () => {
    const input = plainToInstance(Outer, { name: 5, size: 11, inner: { households: 'x' }, extra: 1 });
    const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
    const exception = validationException(errors);

    expect(exception.code).toBe(CommonErrorCode.ValidationFailed);
    expect(exception.httpStatus()).toBe(400);
    expect(exception.details).toEqual(
      expect.arrayContaining([
        { field: 'name', messages: ['name 必须是文字'] },
        { field: 'size', messages: ['size 太大了'] },
        { field: 'inner.households', messages: ['户数必须是整数'] },
        { field: 'extra', messages: ['不认识的字段：extra，请去掉它'] },
      ]),
    );
    expect(exception.message).toMatch(/^填写的内容有误：.+（共 4 处）$/);
  });
});
