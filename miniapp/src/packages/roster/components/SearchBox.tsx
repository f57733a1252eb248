import { Input, Text, View } from '@tarojs/components';
import { roleProps } from '../../../components/a11y';
import { Button } from '../../../components/nutui';
import '../../../components/TextField/index.css';
import './SearchBox.css';

/** A search line: label, the box and 查找 side by side (Enter also searches). */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  onSearch,
  buttonText,
  testId,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
  buttonText: string;
  testId?: string;
}) {
  return (
    <View className="search-box" {...roleProps('search')} data-testid={testId}>
      <Text className="search-box__label">{label}</Text>
      <View className="search-box__row">
        <Input
          className="search-box__input text-field__input"
          value={value}
          placeholder={placeholder}
          confirmType="search"
          maxlength={64}
          ariaLabel={label}
          nativeProps={{ 'aria-label': label, type: 'search', autocomplete: 'off' }}
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={onSearch}
        />
        <Button className="search-box__button" type="primary" onClick={onSearch} data-testid={testId ? `${testId}-button` : undefined}>
          {buttonText}
        </Button>
      </View>
    </View>
  );
}
