import { Text, Textarea, View } from '@tarojs/components';

if (process.env.TARO_ENV === 'h5') {
  // The inner <textarea>'s size and font: selectors that only mean something in the browser.
  require('../h5.css');
}

/** A labelled box for several lines (the text of a matter, an objection), as large as TextField in 长辈版. */
export function AreaField({
  label,
  value,
  onChange,
  hint,
  error,
  maxlength,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  maxlength: number;
  testId?: string;
}) {
  const invalid = Boolean(error);
  return (
    <View className={`matter-area${invalid ? ' matter-area--invalid' : ''}`} data-testid={testId}>
      <Text className="matter-field-label">{label}</Text>
      <Textarea
        className="matter-area__input"
        value={value}
        maxlength={maxlength}
        placeholderClass="matter-area__placeholder"
        ariaLabel={label}
        nativeProps={{ 'aria-label': label, 'aria-invalid': invalid ? 'true' : 'false' }}
        onInput={(e) => onChange(e.detail.value)}
        data-testid={testId ? `${testId}-input` : undefined}
      />
      {hint ? <Text className="matter-muted">{hint}</Text> : null}
      {error ? (
        <Text className="matter-error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
