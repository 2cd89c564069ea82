/**
 * The finding marks' diamonds as SVG path data, one path per severity for all of a layer's
 * marks: the page paints a few paths, not one box per mark (a 100,000-step run has ~900 marks,
 * and painting and compositing them one by one cost more than the rest of a scrubbed frame).
 * Pure: FindingMarkers draws these under its buttons, which stay the marks' hit targets.
 */
import type { FindingSeverity } from '../trace/findings/types';

/** A mark's centre in the layer, and its severity. */
export interface MarkPoint {
  readonly x: number;
  readonly y: number;
  readonly severity: FindingSeverity;
}

/**
 * Half the side of each square the diamond is made of (a square turned 45°): its coloured
 * edge, the light gap inside it, and its coloured core, as the CSS diamond of a chosen or
 * hovered mark (TaskTimeline.css) draws them at its plain size.
 */
export const DIAMOND = { edge: 5.6, gap: 4.7, core: 3.5 } as const;

export interface DiamondPaths {
  /** The light fill under each diamond, at the gap's size. */
  readonly light: string;
  /** Per severity: the edge and the core (even-odd fill leaves the gap between them to `light`). */
  readonly colour: Readonly<Record<FindingSeverity, string>>;
}

const SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'info'];

/** A square of half-side `half` turned 45° around (x, y). */
function diamond(x: number, y: number, half: number): string {
  const d = round(half * Math.SQRT2);
  return `M${round(x)} ${round(y - d)}l${d} ${d}l${-d} ${d}l${-d} ${-d}z`;
}

const round = (n: number): number => Math.round(n * 100) / 100;

export function diamondPaths(points: readonly MarkPoint[]): DiamondPaths {
  const colour: Record<FindingSeverity, string[]> = { error: [], warning: [], info: [] };
  const light: string[] = [];
  for (const p of points) {
    light.push(diamond(p.x, p.y, DIAMOND.gap));
    colour[p.severity].push(diamond(p.x, p.y, DIAMOND.edge), diamond(p.x, p.y, DIAMOND.gap), diamond(p.x, p.y, DIAMOND.core));
  }
  const joined = Object.fromEntries(SEVERITIES.map((s) => [s, colour[s].join('')])) as Record<FindingSeverity, string>;
  return { light: light.join(''), colour: joined };
}
