/** Taro's View/Text as plain DOM for jsdom: keeps className, click, role, aria-* and data-*. */
import { createElement, type ReactNode } from 'react';

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

export const View = (props: Props) => createElement('div', passThrough(props), props.children);
export const Text = (props: Props) => createElement('span', passThrough(props), props.children);
