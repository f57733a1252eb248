/**
 * ARIA role props that work on both platforms: HTML wants `role`, while WeChat's components take
 * `aria-role` (which is not valid HTML and axe-core flags on H5).
 */
export function roleProps(role: string): Record<string, string> {
  return process.env.TARO_ENV === 'weapp' ? { ariaRole: role } : { role };
}

/**
 * Props that silence a NutUI control's own ARIA when a surrounding row already is the control
 * (NutUI writes `aria-role`/`aria-checked` on its inner View, which is wrong on H5 and doubled on weapp).
 */
export const decorativeControlProps = {
  ariaRole: undefined,
  ariaChecked: undefined,
  ariaDisabled: undefined,
  ariaLabel: undefined,
  'aria-hidden': true,
} as Record<string, unknown>;

type KeyEventLike = { key?: string; preventDefault?: () => void };

/**
 * Makes a tappable View reachable and usable from a keyboard on H5 (Tab to it, Enter or Space to
 * press): `tabIndex` and a keydown handler. Taro's H5 elements are custom elements, so a View with
 * a role is not focusable by itself. WeChat has no keyboard focus; nothing is added there.
 */
export function pressProps(onPress: (() => void) | undefined, disabled = false): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5' || !onPress) return {};
  return {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (e: KeyEventLike) => {
      if (disabled || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault?.();
      onPress();
    },
  };
}
