/**
 * An exported SVG drawn onto a canvas: the PNG download, and each frame of a video. At the
 * device's pixel ratio, so a PNG is as sharp as the screen it came from.
 *
 * The image is loaded from a `data:` URL: the page's CSP allows images from `'self'` and
 * `data:` only, and a canvas a data-URL SVG was drawn on stays readable (not tainted) in Chromium.
 */
import type { SerializedView } from './serializeView';

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Load an SVG as an image, decoded and ready to draw. */
export async function loadSvgImage(svg: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = svgDataUrl(svg);
  await img.decode();
  return img;
}

/** The largest canvas side Chromium, Firefox and Safari all draw (a larger one stays blank). */
const MAX_CANVAS_SIDE = 32_767;
/** The largest canvas area they all draw, in pixels. */
const MAX_CANVAS_AREA = 268_435_456;

/**
 * The scale a view can be drawn at: the one asked for, less where the canvas would pass the
 * browsers' limits (a timeline of a thousand lanes at a pixel ratio of 2), so a tall export
 * comes out a little less sharp rather than blank.
 */
export function drawableScale(width: number, height: number, scale: number): number {
  const sideLimit = MAX_CANVAS_SIDE / Math.max(1, width, height);
  const areaLimit = Math.sqrt(MAX_CANVAS_AREA / Math.max(1, width * height));
  return Math.min(scale, sideLimit, areaLimit);
}

/** The view as a PNG, `scale` device pixels per CSS pixel (less if the canvas could not hold it). */
export async function viewToPng(view: SerializedView, asked = window.devicePixelRatio || 1): Promise<Blob> {
  const scale = drawableScale(view.width, view.height, asked);
  const img = await loadSvgImage(view.svg);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(view.width * scale));
  canvas.height = Math.max(1, Math.round(view.height * scale));
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas');
  context.scale(scale, scale);
  context.drawImage(img, 0, 0, view.width, view.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob === null ? reject(new Error('the canvas gave no PNG')) : resolve(blob)), 'image/png');
  });
}
