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
