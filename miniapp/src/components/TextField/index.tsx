import { Input, Text, View } from '@tarojs/components';
import type { InputProps } from '@tarojs/components';
import './index.css';

/**
 * A labelled text box: the label is visible text above the box (and the box's accessible name on
 * H5), a hint under it, and the problem with what was typed in words under that. Large enough
 * for 长辈版 (the box is at least one tap target high).
 */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  placeholder,
  type,
  maxlength,
  large,
  testId,
  onConfirm,
  disabled,
}: {
  label: string;
  value: string;
  /** Gets what was typed; return the cleaned-up text to show instead (e.g. upper-cased). */
  onChange: (value: string) => string | void;
  hint?: string;
  error?: string | null;
  placeholder?: string;
  type?: InputProps['type'];
  maxlength?: number;
  /** Very large letters, spaced out (binding codes). */
  large?: boolean;
  testId?: string;
  onConfirm?: () => void;
  disabled?: boolean;
}) {
  const invalid = Boolean(error);
  return (
    <View className={`text-field${invalid ? ' text-field--invalid' : ''}`} data-testid={testId}>
      <Text className="text-field__label">{label}</Text>
      <Input
        className={`text-field__input${large ? ' text-field__input--large' : ''}`}
        value={value}
        type={type ?? 'text'}
        maxlength={maxlength ?? 140}
        placeholder={placeholder}
        placeholderClass="text-field__placeholder"
        disabled={disabled}
        ariaLabel={label}
        nativeProps={{ 'aria-label': label, 'aria-invalid': invalid ? 'true' : 'false', autocomplete: 'off' }}
        onInput={(e) => {
          const next = onChange(e.detail.value);
          return typeof next === 'string' ? next : e.detail.value;
        }}
        onConfirm={onConfirm ? () => onConfirm() : undefined}
      />
      {hint ? <Text className="text-field__hint">{hint}</Text> : null}
      {error ? (
        <Text className="text-field__error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
