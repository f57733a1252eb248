/**
 * H5 only: Taro's browser navigation bar shows bare arrow / house icons. Older readers do better
 * with a word beside the icon, so we add 返回 / 首页 (from the messages file) once the bar exists.
 */
import { messages } from '../constants/messages';

export function labelH5NavigationBar(doc: Document = document): boolean {
  const bar = doc.getElementById('taro-navigation-bar');
  if (!bar) return false;
  const add = (selector: string, label: string) => {
    const el = bar.querySelector(selector);
    if (!el || el.querySelector('.village-nav-label')) return;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', label);
    const span = doc.createElement('span');
    span.className = 'village-nav-label';
    span.textContent = label;
    el.appendChild(span);
  };
  add('.taro-navigation-bar-back', messages.common.back);
  add('.taro-navigation-bar-home', messages.common.home);
  return true;
}
