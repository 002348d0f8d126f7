/** The QR code of the join link, as SVG markup (qrcode-generator's output: only the code's geometry). */
import qrcode from 'qrcode-generator';

export function qrSvg(url: string): string {
  const q = qrcode(0, 'M');
  q.addData(url);
  q.make();
  return q.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
}
