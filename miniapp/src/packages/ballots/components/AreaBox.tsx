import { Text, Textarea, View } from '@tarojs/components';

if (process.env.TARO_ENV === 'h5') {
  // The inner <textarea>'s size and font: selectors that only mean something in the browser.
  require('../h5.css');
}

/** A labelled box for several lines (the text of a proposal), as large as TextField in 长辈版. */
export function AreaBox({
  label,
  value,
  onChange,
  hint,
  error,
  placeholder,
  maxlength,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  placeholder?: string;
  maxlength: number;
  testId?: string;
}) {
  const invalid = Boolean(error);
  return (
    <View className={`ballot-area${invalid ? ' ballot-area--invalid' : ''}`} data-testid={testId}>
      <Text className="ballot-field-label">{label}</Text>
      <Textarea
        className="ballot-area__input"
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="ballot-area__placeholder"
        ariaLabel={label}
        nativeProps={{ 'aria-label': label, 'aria-invalid': invalid ? 'true' : 'false' }}
        onInput={(e) => onChange(e.detail.value)}
        data-testid={testId ? `${testId}-input` : undefined}
      />
      {hint ? <Text className="ballot-muted">{hint}</Text> : null}
      {error ? <Text className="ballot-error">{error}</Text> : null}
    </View>
  );
}
