/** Taro's View/Text as plain DOM for jsdom: keeps className, click, role, aria-* and data-*. */
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = { children?: ReactNode; className?: string; onClick?: (e: unknown) => void; [key: string]: unknown };

function passThrough(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children') continue;
    if (key === 'className' || key === 'onClick' || key === 'role' || key.startsWith('aria-') || key.startsWith('data-')) {
      out[key] = typeof value === 'boolean' && key.startsWith('aria-') ? String(value) : value;
    }
  }
  return out;
}

export const View = forwardRef<HTMLDivElement, Props>((props, ref) => createElement('div', { ...passThrough(props), ref }, props.children as ReactNode));
export const Text = forwardRef<HTMLSpanElement, Props>((props, ref) => createElement('span', { ...passThrough(props), ref }, props.children as ReactNode));

type InputMockProps = Props & {
  value?: string;
  placeholder?: string;
  ariaLabel?: string;
  disabled?: boolean;
  onInput?: (e: { detail: { value: string } }) => string | void;
  onConfirm?: () => void;
};

/** Taro's Input as a controlled <input>: onInput gets `{ detail: { value } }` like Taro's event. */
export const Input = (props: InputMockProps) =>
  createElement('input', {
    ...passThrough(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    disabled: props.disabled,
    'aria-label': props.ariaLabel,
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
    onKeyDown: (e: { key: string }) => {
      if (e.key === 'Enter') props.onConfirm?.();
    },
  });

/** Taro's native Button; `open-type="agreePrivacyAuthorization"` answers a click with onAgreePrivacyAuthorization, as WeChat does. */
export const Button = (props: Props & { disabled?: boolean; openType?: string; onAgreePrivacyAuthorization?: () => void }) =>
  createElement(
    'button',
    {
      type: 'button',
      ...passThrough(props),
      'data-open-type': props.openType,
      disabled: props.disabled,
      onClick: props.openType === 'agreePrivacyAuthorization' ? props.onAgreePrivacyAuthorization : props.onClick,
    },
    props.children as ReactNode,
  );

export const Image = (props: Props & { src?: string }) => createElement('img', { ...passThrough(props), src: props.src, alt: '' });

/** Taro's Textarea as a controlled <textarea> (onInput gets `{ detail: { value } }`). */
export const Textarea = (props: InputMockProps) =>
  createElement('textarea', {
    ...passThrough(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    disabled: props.disabled,
    'aria-label': props.ariaLabel,
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
  });

/** Taro's ScrollView as a plain box. */
export const ScrollView = forwardRef<HTMLDivElement, Props>((props, ref) => createElement('div', { ...passThrough(props), ref }, props.children as ReactNode));

/**
 * Taro's Picker: renders its children, plus a hidden input (data-testid `picker-<mode>`) whose change
 * answers like the system picker: `onChange({ detail: { value } })`.
 */
export const Picker = (props: Props & { mode?: string; value?: string; onChange?: (e: { detail: { value: string } }) => void }) =>
  createElement(
    'div',
    { className: 'picker' },
    createElement('input', {
      'data-testid': `picker-${props.mode ?? 'selector'}`,
      hidden: true,
      value: props.value ?? '',
      onChange: (e: { target: { value: string } }) => props.onChange?.({ detail: { value: e.target.value } }),
    }),
    props.children as ReactNode,
  );
