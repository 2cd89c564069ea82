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

/** The view as a PNG, `scale` device pixels per CSS pixel. */
export async function viewToPng(view: SerializedView, scale = window.devicePixelRatio || 1): Promise<Blob> {
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
