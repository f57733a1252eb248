import { ValidationError } from 'class-validator';
import { CommonErrorCode, CommonException } from './common.exception';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Chinese wording for class-validator's built-in messages, used when a DTO gives none of its own. */
const FALLBACK: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不认识的字段：${f}，请去掉它`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isDefined: (f) => `缺少 ${f}`,
  isString: (f) => `${f} 必须是文字`,
  isInt: (f) => `${f} 必须是整数`,
  isBoolean: (f) => `${f} 只能是是或否（true/false）`,
  isEnum: (f) => `${f} 的取值不在允许范围内`,
  isIn: (f) => `${f} 的取值不在允许范围内`,
  min: (f) => `${f} 太小了`,
  max: (f) => `${f} 太大了`,
  maxLength: (f) => `${f} 太长了`,
  minLength: (f) => `${f} 太短了`,
  isDateString: (f) => `${f} 不是有效的日期`,
  isUuid: (f) => `${f} 不是有效的编号`,
};

function isEnglishDefault(message: string): boolean {
  return !/[\u4e00-\u9fff]/.test(message);
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [
          {
            field,
            messages: Object.entries(error.constraints).map(([constraint, message]) =>
              isEnglishDefault(message) ? (FALLBACK[constraint]?.(field) ?? `${field} 的值不对`) : message,
            ),
          },
        ]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** `exceptionFactory` for the global ValidationPipe: one error shape, every field's problem listed. */
export function validationException(errors: ValidationError[]): CommonException {
  const details = flattenValidationErrors(errors);
  const first = details[0]?.messages[0] ?? '提交的内容有误';
  const message = details.length > 1 ? `填写的内容有误：${first}（共 ${details.length} 处）` : `填写的内容有误：${first}`;
  return new CommonException(CommonErrorCode.ValidationFailed, message, details);
}
