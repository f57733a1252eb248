import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { pressProps, roleProps } from '../a11y';
import './index.css';

/**
 * One choice among several (男 / 女, a 网格, 是 / 不是): a whole-row tap target; the chosen one says
 * "✓ 已选" in words and has a thick border, so colour is not the only signal.
 */
export function Choice({
  label,
  hint,
  checked,
  onSelect,
  disabled,
  testId,
  compact,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onSelect: () => void;
  disabled?: boolean;
  testId?: string;
  compact?: boolean;
}) {
  return (
    <View
      className={`choice${checked ? ' choice--checked' : ''}${compact ? ' choice--compact' : ''}${disabled ? ' choice--disabled' : ''}`}
      {...roleProps('radio')}
      aria-checked={checked}
      aria-disabled={disabled}
      data-testid={testId}
      onClick={disabled ? undefined : onSelect}
      {...pressProps(onSelect, disabled)}
    >
      <Text className="choice__mark" aria-hidden>
        {checked ? '✓' : ''}
      </Text>
      <View className="choice__text">
        <Text className="choice__label">{label}</Text>
        {hint ? <Text className="choice__hint">{hint}</Text> : null}
      </View>
      {checked ? <Text className="choice__state">已选</Text> : null}
    </View>
  );
}

/** A labelled group of choices (role radiogroup on H5). */
export function ChoiceGroup({ label, children, row, testId }: { label: string; children?: ReactNode; row?: boolean; testId?: string }) {
  return (
    <View className="choice-group" data-testid={testId}>
      <Text className="choice-group__label">{label}</Text>
      <View className={`choice-group__items${row ? ' choice-group__items--row' : ''}`} {...roleProps('radiogroup')} aria-label={label}>
        {children}
      </View>
    </View>
  );
}
