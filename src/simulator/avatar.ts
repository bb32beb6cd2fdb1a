/**
 * The simulated agent's face: I420 frames drawn once per mouth opening and shared by every session, so a
 * session only hands a ready buffer to the encoder each frame (cheap: no drawing per frame).
 */
export const WIDTH = 640;
export const HEIGHT = 480;
export const MOUTH_LEVELS = 6;

type Yuv = readonly [number, number, number];
const rgbToYuv = (r: number, g: number, b: number): Yuv => [
  Math.round(0.257 * r + 0.504 * g + 0.098 * b + 16),
  Math.round(-0.148 * r - 0.291 * g + 0.439 * b + 128),
  Math.round(0.439 * r - 0.368 * g - 0.071 * b + 128),
];
const BACKGROUND = rgbToYuv(40, 60, 110);
const SKIN = rgbToYuv(236, 188, 150);
const HAIR = rgbToYuv(70, 45, 30);
const EYE = rgbToYuv(30, 30, 40);
const MOUTH = rgbToYuv(120, 30, 40);
const LIPS = rgbToYuv(190, 90, 90);

const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** The colour of one pixel of the face with the mouth open by `open` (0..1). */
function colourAt(x: number, y: number, open: number): Yuv {
  const cx = WIDTH / 2;
  if (inEllipse(x, y, cx, 150, 150, 90) && y < 170) return HAIR;
  if (!inEllipse(x, y, cx, 250, 140, 180)) return y > 400 && Math.abs(x - cx) < 200 ? HAIR : BACKGROUND;
  if (inEllipse(x, y, cx - 55, 220, 18, 12) || inEllipse(x, y, cx + 55, 220, 18, 12)) return EYE;
  const mouthH = 4 + open * 36;
  if (inEllipse(x, y, cx, 330, 50, mouthH)) return inEllipse(x, y, cx, 330, 44, mouthH - 4) ? MOUTH : LIPS;
  return SKIN;
}

/** The mouth's box: the only area that differs between mouth levels (even bounds, for the chroma planes). */
const MOUTH_BOX = { x0: 260, x1: 380, y0: 280, y1: 380 };

/** Draws the whole face, or only the mouth box into a copy of `base`. */
function drawFrame(open: number, base?: Uint8Array): Uint8Array {
  const frame = base ? base.slice() : new Uint8Array(WIDTH * HEIGHT * 1.5);
  const { x0, x1, y0, y1 } = base ? MOUTH_BOX : { x0: 0, x1: WIDTH, y0: 0, y1: HEIGHT };
  const uOffset = WIDTH * HEIGHT;
  const vOffset = uOffset + (WIDTH * HEIGHT) / 4;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [Y, U, V] = colourAt(x, y, open);
      frame[y * WIDTH + x] = Y;
      if (x % 2 === 0 && y % 2 === 0) {
        const i = (y / 2) * (WIDTH / 2) + x / 2;
        frame[uOffset + i] = U;
        frame[vOffset + i] = V;
      }
    }
  }
  return frame;
}

let frames: Uint8Array[] | undefined;

/** Frames for mouth levels 0 (closed) .. MOUTH_LEVELS-1 (wide open), drawn on first use. */
export function avatarFrames(): readonly Uint8Array[] {
  if (!frames) {
    const closed = drawFrame(0);
    frames = [closed, ...Array.from({ length: MOUTH_LEVELS - 1 }, (_, i) => drawFrame((i + 1) / (MOUTH_LEVELS - 1), closed))];
  }
  return frames;
}
