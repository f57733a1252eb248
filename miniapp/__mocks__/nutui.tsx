/** NutUI stand-ins for jsdom (the real components are checked in the browser test). */
import { createElement, type ReactNode } from 'react';

type ButtonProps = {
  children?: ReactNode;
  className?: string;
  onClick?: () => void;
  disabled?: boolean;
  'data-testid'?: string;
};
export const Button = ({ children, className, onClick, disabled, 'data-testid': testId }: ButtonProps) =>
  createElement('button', { type: 'button', className, onClick, disabled, 'data-testid': testId }, children);

type SwitchProps = { checked?: boolean; className?: string };
export const Switch = ({ checked, className }: SwitchProps) =>
  createElement('span', { className, 'data-checked': String(Boolean(checked)) });

export const Cell = ({ children }: { children?: ReactNode }) => createElement('div', null, children);
export const CellGroup = ({ children }: { children?: ReactNode }) => createElement('div', null, children);
