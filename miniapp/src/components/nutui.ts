/**
 * The NutUI React Taro components this app uses, each imported from its own folder with its own
 * stylesheet. Never import '@nutui/nutui-react-taro' (the barrel) or its full style.css: that adds
 * every component (~235 KB of CSS alone) to the weapp main package.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';

import NutButton from '@nutui/nutui-react-taro/dist/es/packages/button';
import { createElement, forwardRef, type ComponentProps } from 'react';
import { pressProps, roleProps } from './a11y';

type NutButtonProps = ComponentProps<typeof NutButton>;

/**
 * NutUI's Button with what it lacks on H5: Taro renders it as a <taro-button-core> custom element,
 * which is neither a button to screen readers nor reachable with Tab. We add role="button",
 * tabIndex and Enter/Space, and say "disabled" in ARIA too.
 */
export const Button = forwardRef<unknown, NutButtonProps>(function Button(props, ref) {
  const inactive = Boolean(props.disabled || props.loading);
  const press = props.onClick ? () => props.onClick?.(undefined as never) : undefined;
  const extra =
    process.env.TARO_ENV === 'h5'
      ? { ...roleProps('button'), ...pressProps(press, inactive), 'aria-disabled': inactive ? 'true' : undefined }
      : {};
  return createElement(NutButton, { ...extra, ...props, ref } as NutButtonProps);
});

export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch';
