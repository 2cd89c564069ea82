/**
 * Record the playback as a WebM video for slides, with the browser's MediaRecorder: each step of
 * the range is shown on the page, the event-loop pane is exported as SVG (serializeView), drawn
 * on a canvas and kept as a small WebP; then the frames are played onto a canvas whose
 * `captureStream()` MediaRecorder records, each held for 1/speed seconds, the playback speed.
 *
 * Two passes, because MediaRecorder timestamps frames by the wall clock: exporting a big pane
 * can take longer than a frame at 30 steps a second, and would stretch the video; decoding a
 * ready WebP does not.
 */
import { loadSvgImage } from './rasterize';
import { serializeView } from './serializeView';

/** The longest video we make, in steps: "a short video"; memory stays ~50 KB a frame. */
export const MAX_VIDEO_STEPS = 300;
/** The last frame is held this long, so the video does not end on a flash. */
const END_HOLD_MS = 1000;
/** How often a held frame is drawn again (see holdUntil). */
const REDRAW_MS = 100;

/** Why this browser cannot record, or null when it can. */
export type VideoUnsupported = 'no-media-recorder' | 'no-webm' | 'no-canvas-capture';

const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

export function videoUnsupported(): VideoUnsupported | null {
  if (typeof MediaRecorder === 'undefined') return 'no-media-recorder';
  if (!WEBM_TYPES.some((t) => MediaRecorder.isTypeSupported(t))) return 'no-webm';
  if (typeof HTMLCanvasElement.prototype.captureStream !== 'function') return 'no-canvas-capture';
  return null;
}

export interface VideoRange {
  readonly from: number;
  readonly to: number;
}

/** The range clamped to the trace and to MAX_VIDEO_STEPS; `clipped` when the end was cut. */
export function videoRange(from: number, to: number, totalSteps: number): VideoRange & { readonly clipped: boolean } {
  const start = Math.min(Math.max(0, Math.floor(from)), totalSteps);
  const wanted = Math.min(Math.max(start, Math.floor(to)), totalSteps);
  const end = Math.min(wanted, start + MAX_VIDEO_STEPS - 1);
  return { from: start, to: end, clipped: end < wanted };
}

export interface RecordRequest {
  readonly range: VideoRange;
  readonly stepsPerSecond: number;
  /** The element to film (found again each frame: React may replace it). */
  readonly element: () => HTMLElement | null;
  /** Show a step on the page (the store's seek). */
  readonly seek: (step: number) => void;
  readonly onProgress: (phase: 'frames' | 'recording', done: number, total: number) => void;
  readonly signal: AbortSignal;
}

export async function recordPlayback(request: RecordRequest): Promise<Blob> {
  const frames = await captureFrames(request);
  return encodeVideo(frames, request);
}

interface Frame {
  readonly image: Blob;
  readonly width: number;
  readonly height: number;
}

async function captureFrames({ range, element, seek, onProgress, signal }: RecordRequest): Promise<Frame[]> {
  const frames: Frame[] = [];
  const total = range.to - range.from + 1;
  const scale = Math.min(window.devicePixelRatio || 1, 2);
  let size: { width: number; height: number } | null = null;
  for (let step = range.from; step <= range.to; step++) {
    signal.throwIfAborted();
    seek(step);
    await painted();
    const el = element();
    if (el === null) throw new Error('the event-loop pane is not on the page');
    const view = serializeView(el);
    // Every frame the size of the first, so the video does not jump when a panel grows.
    size ??= { width: view.width, height: view.height };
    const img = await loadSvgImage(view.svg);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * scale);
    canvas.height = Math.round(size.height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(img, 0, 0, view.width, view.height);
    frames.push({ image: await canvasBlob(canvas), width: canvas.width, height: canvas.height });
    onProgress('frames', frames.length, total);
  }
  return frames;
}

async function encodeVideo(frames: readonly Frame[], { stepsPerSecond, onProgress, signal }: RecordRequest): Promise<Blob> {
  const first = frames[0];
  if (first === undefined) throw new Error('no frames to record');
  const canvas = document.createElement('canvas');
  canvas.width = first.width;
  canvas.height = first.height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas');
  // Frame rate 0: a frame is sent exactly when we ask (requestFrame after each draw), not when
  // the browser next paints, which a busy or throttled tab may not do for a while.
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0];
  const send = () => {
    if (track instanceof CanvasCaptureMediaStreamTrack) track.requestFrame();
  };
  const type = WEBM_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? 'video/webm';
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => {
    recorder.onstop = () => resolve();
  });
  const frameMs = 1000 / stepsPerSecond;
  let shown = await createImageBitmap(first.image);
  recorder.start(250);
  // The first frame at once: with frame rate 0 the recorder has nothing to start on before it.
  context.drawImage(shown, 0, 0);
  send();
  const started = performance.now();
  try {
    for (let i = 0; i < frames.length; i++) {
      signal.throwIfAborted();
      onProgress('recording', i + 1, frames.length);
      const following = frames[i + 1];
      // Decode the next frame while this one is on screen.
      const decoding = following === undefined ? null : createImageBitmap(following.image);
      const bitmap = shown;
      await holdUntil(started + (i + 1) * frameMs + (following === undefined ? END_HOLD_MS : 0), () => {
        context.drawImage(bitmap, 0, 0);
        send();
      });
      if (decoding !== null) {
        shown.close();
        shown = await decoding;
      }
    }
  } finally {
    shown.close();
    recorder.stop();
    for (const track of stream.getTracks()) track.stop();
  }
  await stopped;
  signal.throwIfAborted();
  const video = new Blob(chunks, { type: 'video/webm' });
  // An empty file is no video: say so rather than download nothing.
  if (video.size === 0) throw new Error('the browser recorded no frames');
  return video;
}

/** After React has rendered the step and the browser has laid it out. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * Keep a frame on the canvas until `time`, drawn again every REDRAW_MS: the canvas's stream only
 * sends a frame when something is drawn, and a frame held for a second with nothing new after it
 * would end the video early (its length is the last frame's timestamp).
 */
async function holdUntil(time: number, draw: () => void): Promise<void> {
  for (;;) {
    draw();
    const left = time - performance.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, REDRAW_MS)));
  }
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob === null ? reject(new Error('the canvas gave no image')) : resolve(blob)), 'image/webp', 0.9);
  });
}
