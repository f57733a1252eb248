import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { pressProps, roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';

const m = messages.audit;

export interface Option {
  /** '' means 全部 (no filter). */
  value: string;
  label: string;
  /** The raw code, shown in small text beside the label (操作类型 resident.wechat.bound). */
  code?: string;
}

/**
 * One filter as a full-width row ("操作类型：全部 ›"); a tap opens the choices right below it as
 * large rows, a tap on one chooses it and closes the list. No pop-up, nothing small to hit.
 */
export function OptionSelect({
  label,
  options,
  value,
  onChange,
  hint,
  testId,
}: {
  label: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const current = options.find((o) => o.value === value);
  const toggle = () => setOpen((o) => !o);
  const choose = (v: string) => {
    setOpen(false);
    if (v !== value) onChange(v);
  };
  return (
    <View className="audit-select" data-testid={testId}>
      <View
        className={`audit-select__row${value ? ' audit-select__row--set' : ''}`}
        {...roleProps('button')}
        aria-expanded={open}
        onClick={toggle}
        {...pressProps(toggle)}
        data-testid={testId ? `${testId}-toggle` : undefined}
      >
        <Text className="audit-select__label">{label}：</Text>
        <Text className="audit-select__value">{current?.label ?? m.filterAny}</Text>
        <Text className="audit-select__arrow" aria-hidden>
          {open ? '▲' : '▼'}
        </Text>
      </View>
      {open ? (
        <View className="audit-select__list" {...roleProps('radiogroup')} aria-label={m.filterChoose(label)}>
          {hint ? <Text className="audit-muted">{hint}</Text> : null}
          {options.map((o) => (
            <View
              key={o.value || 'all'}
              className={`audit-option${o.value === value ? ' audit-option--on' : ''}`}
              {...roleProps('radio')}
              aria-checked={o.value === value}
              onClick={() => choose(o.value)}
              {...pressProps(() => choose(o.value))}
              data-testid={testId ? `${testId}-option-${o.value || 'all'}` : undefined}
            >
              <Text className="audit-option__label">{o.value === value ? `✓ ${o.label}` : o.label}</Text>
              {o.code ? <Text className="audit-option__code">{o.code}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
