/**
 * Draws Barista's two Teams app icons with plain geometry and writes them under manifest/:
 *
 * - color.png, 192×192: a cream coffee cup on its saucer, three wisps of steam, on a solid
 *   coffee-brown background (the manifest's accentColor);
 * - outline.png, 32×32: the same cup, pure white, on a transparent background (only the alpha
 *   channel varies, as Teams requires).
 *
 * The PNGs are committed, so `npm run package` never needs this script. Run it again after changing
 * the drawing: `npx tsx scripts/icons.ts`. The output is deterministic (tests compare it with the
 * committed files).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** Background of the colour icon; also the manifest's accentColor. */
export const ACCENT_COLOR = '#6F4E37';

type Rgb = readonly [number, number, number];

/** A shape in the unit square (0,0 top left, 1,1 bottom right): true where (x, y) is inside. */
type Shape = (x: number, y: number) => boolean;

const CREAM: Rgb = [255, 248, 236];
const COFFEE: Rgb = [59, 35, 20];
const SAUCER: Rgb = [235, 222, 204];
const WHITE: Rgb = [255, 255, 255];

function hex(color: string): Rgb {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/**
 * The cup's geometry, in the unit square; `fit` scales it around the centre (1 = as drawn).
 * `wisps` is the number of steam strokes (fewer and thicker ones read better at 32 px).
 */
function cup(fit: number, wisps: 2 | 3, wispHalfWidth: number) {
  const t =
    (s: Shape): Shape =>
    (x, y) =>
      s(0.5 + (x - 0.5) / fit, 0.5 + (y - 0.5) / fit);

  const cx = 0.45; // the cup sits a little left of centre so that cup + handle is centred
  const top = 0.47;
  const bottom = 0.79;
  const halfTop = 0.22;
  const halfBottom = 0.15;
  // Body: a trapezoid narrowing downwards, its bottom rounded by an ellipse.
  const trapezoid: Shape = (x, y) => {
    if (y < top || y > bottom - 0.05) return false;
    const half = halfTop + ((halfBottom - halfTop) * (y - top)) / (bottom - top);
    return Math.abs(x - cx) <= half;
  };
  const body = union(trapezoid, ellipse(cx, bottom - 0.05, halfBottom + 0.013, 0.05), ellipse(cx, top, halfTop, 0.045));
  // Handle: a ring on the right side, outside the body.
  const ring = minus(ellipse(cx + 0.225, 0.585, 0.105, 0.095), ellipse(cx + 0.225, 0.585, 0.058, 0.05));
  const handle: Shape = (x, y) => x > cx + 0.15 && ring(x, y);
  const saucer = ellipse(0.5, 0.83, 0.4, 0.06);
  const rim = ellipse(cx, top, halfTop, 0.045);
  const surface = ellipse(cx, top + 0.004, halfTop - 0.03, 0.028);
  // Steam: three wavy strokes above the cup.
  const wisp =
    (x0: number, phase: number): Shape =>
    (x, y) => {
      if (y < 0.12 || y > 0.37) return false;
      const centre = x0 + 0.028 * Math.sin(((y - 0.12) / 0.25) * 2 * Math.PI + phase);
      return Math.abs(x - centre) <= wispHalfWidth;
    };
  const steam =
    wisps === 3
      ? union(wisp(cx - 0.1, 0), wisp(cx, Math.PI / 2), wisp(cx + 0.1, 0))
      : union(wisp(cx - 0.07, 0), wisp(cx + 0.08, 0));
  return {
    saucer: t(saucer),
    body: t(union(body, handle)),
    rim: t(rim),
    surface: t(surface),
    steam: t(steam),
  };
}

/** Renders layers (painted in order) into an RGBA buffer, 4×4 supersampled for smooth edges. */
function render(size: number, background: Rgb | undefined, layers: Array<[Shape, Rgb]>): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color: Rgb | undefined = background;
          for (const [shape, c] of layers) if (shape(x, y)) color = c;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour is averaged over the covered samples only, so edges keep their hue; coverage → alpha.
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return png;
}

/** The 192×192 full-colour icon (solid background). */
export function colorIcon(): Buffer {
  const c = cup(0.66, 3, 0.024); // keeps the motif inside Teams' safe zone, away from the rounded corners
  return PNG.sync.write(
    render(192, hex(ACCENT_COLOR), [
      [c.saucer, SAUCER],
      [c.body, CREAM],
      [c.rim, CREAM],
      [c.surface, COFFEE],
      [c.steam, CREAM],
    ]),
  );
}

/** The 32×32 outline icon: white only, the shape carried by the alpha channel. */
export function outlineIcon(): Buffer {
  const c = cup(1, 2, 0.034);
  // The coffee surface is cut out (transparent) so the cup reads as a cup at 32 px.
  const cupShape = minus(union(c.saucer, c.body, c.rim), c.surface);
  return PNG.sync.write(render(32, undefined, [[union(cupShape, c.steam), WHITE]]));
}

/** Writes both icons into `dir` (manifest/ by default). */
export function writeIcons(dir = path.join(__dirname, '..', 'manifest')): void {
  writeFileSync(path.join(dir, 'color.png'), colorIcon());
  writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
}

if (require.main === module) {
  writeIcons();
  console.log('manifest/color.png (192×192) and manifest/outline.png (32×32) written.');
}
