import { Text, Textarea, View } from '@tarojs/components';
import { messages } from '../../constants/messages';

import './index.css';

if (process.env.TARO_ENV === 'h5') {
  // The inner <textarea>'s size and font: selectors that only mean something in the browser.
  require('./h5.css');
}

const c = messages.common;

/**
 * A labelled box for several lines of text (a question, an answer, a notice body, a proposal): the label above,
 * how much is written ("已写 12 字，最多 500 字"), then the hint and the problem in words. As big as
 * TextField in 长辈版; `tall` for a notice body.
 */
export function AreaField({
  label,
  value,
  onChange,
  hint,
  error,
  placeholder,
  maxlength,
  tall,
  testId,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  placeholder?: string;
  maxlength: number;
  tall?: boolean;
  testId?: string;
  disabled?: boolean;
}) {
  const invalid = Boolean(error);
  const length = Array.from(value).length;
  return (
    <View className={`area-field${invalid ? ' area-field--invalid' : ''}`} data-testid={testId}>
      <Text className="area-field__label">{label}</Text>
      <Textarea
        className={`area-field__input${tall ? ' area-field__input--tall' : ''}`}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="area-field__placeholder"
        disabled={disabled}
        autoHeight={!tall}
        ariaLabel={label}
        nativeProps={{ 'aria-label': label, 'aria-invalid': invalid ? 'true' : 'false' }}
        onInput={(e) => onChange(e.detail.value)}
        data-testid={testId ? `${testId}-input` : undefined}
      />
      <Text className={`area-field__count${length > maxlength ? ' area-field__count--over' : ''}`}>{c.textCount(length, maxlength)}</Text>
      {hint ? <Text className="area-field__hint">{hint}</Text> : null}
      {error ? (
        <Text className="area-field__error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
