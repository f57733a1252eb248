import { toString } from 'qrcode';

/** An SVG QR code, sized by the page it is printed on. Error level M survives a creased printout. */
export function renderQrSvg(text: string): Promise<string> {
  return toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
