import { maskIdNumber, maskPhone } from '../../../common/privacy/mask';

/**
 * Free text from villagers (a correction request) may carry a phone or ID number. Runs of 7 or more
 * digits (spaces and dashes inside allowed, an ID's final X included; dates such as 1968-03-12 are
 * not numbers) are masked on receipt, so the text can be stored, shown and audited without holding
 * the number in the clear.
 */
export function maskNumbersInText(text: string): string {
  return text.replace(/\d(?:[\d\s-]*\d)?[Xx]?/g, (run) => {
    const compact = run.replace(/[\s-]/g, '');
    if (compact.replace(/[Xx]$/, '').length < 7 || /^\d{4}-\d{1,2}-\d{1,2}$/.test(run)) return run;
    if (/^1\d{10}$/.test(compact)) return maskPhone(compact) as string;
    if (/^\d{17}[\dXx]$|^\d{15}$/.test(compact)) return maskIdNumber(compact.toUpperCase()) as string;
    return `${compact.slice(0, 2)}${'*'.repeat(compact.length - 4)}${compact.slice(-2)}`;
  });
}
