/**
 * A part of the page as a standalone SVG file: the element is cloned with its computed styles
 * written on each copy (so it renders alone, without our stylesheets), HTML inside an SVG
 * `<foreignObject>`, the SVG parts as they are. This is how the page's views are exported
 * (timeline, the whole event-loop pane) and the frames a video is made of.
 *
 * Only what differs is written, or a 1,000-element pane would be megabytes: a property that is
 * inherited (colour, fonts, fill…) is written where it differs from the parent's; any other
 * where it differs from what a fresh element of that tag would have.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Properties that inherit: written only where they change from the parent's value. */
const INHERITED = new Set([
  'color', 'cursor', 'direction', 'fill', 'fill-opacity', 'fill-rule', 'font-family', 'font-feature-settings', 'font-kerning',
  'font-size', 'font-stretch', 'font-style', 'font-variant', 'font-variant-numeric', 'font-weight', 'letter-spacing',
  'line-height', 'list-style-type', 'list-style-position', 'paint-order', 'stroke', 'stroke-dasharray', 'stroke-linecap',
  'stroke-linejoin', 'stroke-opacity', 'stroke-width', 'tab-size', 'text-align', 'text-anchor', 'dominant-baseline',
  'text-indent', 'text-rendering', 'text-transform', 'visibility', 'white-space', 'word-break', 'word-spacing',
  'overflow-wrap', 'writing-mode', '-webkit-font-smoothing', 'font-synthesis', 'hyphens', 'quotes', 'text-shadow',
  'caret-color', 'color-scheme', 'pointer-events', 'white-space-collapse', 'text-wrap-mode',
]);

/** Properties no picture needs (they change behaviour, not looks), skipped to keep files small. */
const SKIPPED = new Set(['cursor', 'pointer-events', 'caret-color', 'transition', 'transition-property', 'transition-duration', 'animation', 'will-change', 'user-select', '-webkit-user-select', 'touch-action']);

export interface SerializedView {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

export interface SerializeOptions {
  /** Show a scrolled element whole (the machinery pane's scrolling part): its full content height. */
  readonly unscroll?: boolean;
  /** The page's background, painted under the view (a transparent file is unreadable on slides). */
  readonly background?: string;
}

/** The element as a standalone SVG document, sized to it. */
export function serializeView(root: HTMLElement, options: SerializeOptions = {}): SerializedView {
  const defaults = new DefaultStyles(root.ownerDocument);
  try {
    const clone = cloneWithStyles(root, null, defaults, options.unscroll === true);
    const box = root.getBoundingClientRect();
    const width = Math.ceil(box.width);
    const height = Math.ceil(options.unscroll === true ? fullHeight(root) : box.height);
    if (clone instanceof HTMLElement || clone instanceof SVGElement) {
      clone.style.setProperty('margin', '0');
      clone.style.setProperty('width', `${width}px`);
      clone.style.setProperty('height', `${height}px`);
    }
    const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
    const svg = doc.documentElement;
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const background = doc.createElementNS(SVG_NS, 'rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', options.background ?? getComputedStyle(root.ownerDocument.body).backgroundColor);
    svg.appendChild(background);
    const foreign = doc.createElementNS(SVG_NS, 'foreignObject');
    foreign.setAttribute('x', '0');
    foreign.setAttribute('y', '0');
    foreign.setAttribute('width', String(width));
    foreign.setAttribute('height', String(height));
    const body = doc.createElementNS(XHTML_NS, 'div');
    // Pseudo-elements (a range input's track, ::before marks) have no element to copy styles
    // onto: the page's own rules come along for them. The inline styles win everywhere else.
    const sheet = doc.createElementNS(XHTML_NS, 'style');
    sheet.textContent = pseudoElementRules(root.ownerDocument);
    body.appendChild(sheet);
    body.appendChild(doc.importNode(clone, true));
    foreign.appendChild(body);
    svg.appendChild(foreign);
    return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`, width, height };
  } finally {
    defaults.dispose();
  }
}

/** The page's style rules that style pseudo-elements, as CSS text (custom properties resolved by the browser are not needed: the rules' var() fall back to the page's values written on :root). */
function pseudoElementRules(doc: Document): string {
  const rules: string[] = [];
  const rootStyle = getComputedStyle(doc.documentElement);
  const variables: string[] = [];
  for (let i = 0; i < rootStyle.length; i++) {
    const name = rootStyle.item(i);
    if (name.startsWith('--')) variables.push(`${name}: ${rootStyle.getPropertyValue(name)}`);
  }
  // The theme's variables, so the rules below resolve their var() to the page's colours.
  rules.push(`div { ${variables.join('; ')} }`);
  for (const sheet of doc.styleSheets) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // another origin's sheet cannot be read
    }
    for (const rule of list) if (rule instanceof CSSStyleRule && rule.selectorText.includes('::')) rules.push(rule.cssText);
  }
  return rules.join('\n');
}

/** The height an element would have with none of its parts scrolled. */
function fullHeight(root: HTMLElement): number {
  let extra = 0;
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    const hidden = el.scrollHeight - el.clientHeight;
    if (hidden > 1 && isScroller(el) && !hasScrollingAncestorIn(el, root)) extra += hidden;
  }
  return root.getBoundingClientRect().height + extra;
}

function isScroller(el: Element): boolean {
  const overflow = getComputedStyle(el).overflowY;
  return overflow === 'auto' || overflow === 'scroll';
}

function hasScrollingAncestorIn(el: Element, root: Element): boolean {
  for (let p = el.parentElement; p !== null && p !== root; p = p.parentElement) if (isScroller(p)) return true;
  return false;
}

function cloneWithStyles(source: Node, parentStyle: CSSStyleDeclaration | null, defaults: DefaultStyles, unscroll: boolean): Node {
  if (!(source instanceof Element)) return source.cloneNode(false);
  if (source instanceof HTMLCanvasElement) return canvasAsImage(source);
  const copy = source.cloneNode(false) as Element;
  const style = getComputedStyle(source);
  const base = defaults.of(source);
  const css: string[] = [];
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    if (SKIPPED.has(name) || name.startsWith('--')) continue;
    const value = style.getPropertyValue(name);
    const reference = INHERITED.has(name) && parentStyle !== null ? parentStyle.getPropertyValue(name) : base.getPropertyValue(name);
    if (value !== reference || (parentStyle === null && INHERITED.has(name))) css.push(`${name}: ${value}`);
  }
  // Custom properties the page sets on the element itself (the scrubber's `--fill`) feed its
  // pseudo-elements' rules.
  if (source instanceof HTMLElement || source instanceof SVGElement) {
    for (let i = 0; i < source.style.length; i++) {
      const name = source.style.item(i);
      if (name.startsWith('--')) css.push(`${name}: ${source.style.getPropertyValue(name)}`);
    }
  }
  if (unscroll && isScroller(source)) css.push('overflow: visible', 'height: auto', 'max-height: none');
  copy.setAttribute('style', css.join('; '));
  // What the learner typed or chose lives in properties, not attributes.
  if (source instanceof HTMLInputElement) copy.setAttribute('value', source.value);
  if (source instanceof HTMLSelectElement) {
    copy.querySelectorAll('option').forEach((o) => o.removeAttribute('selected'));
  }
  for (const child of source.childNodes) {
    if (child instanceof HTMLScriptElement || child instanceof HTMLStyleElement) continue;
    const childCopy = cloneWithStyles(child, style, defaults, unscroll);
    if (source instanceof HTMLSelectElement && child instanceof HTMLOptionElement && child.selected && childCopy instanceof Element) {
      childCopy.setAttribute('selected', 'selected');
    }
    copy.appendChild(childCopy);
  }
  return copy;
}

function canvasAsImage(canvas: HTMLCanvasElement): Node {
  const img = canvas.ownerDocument.createElement('img');
  try {
    img.src = canvas.toDataURL('image/png');
  } catch {
    // A tainted canvas cannot be read: leave an empty box of its size.
  }
  img.width = canvas.clientWidth;
  img.height = canvas.clientHeight;
  return img;
}

/**
 * What a fresh element of each tag looks like, from a hidden sandbox whose styles are reset
 * (`all: initial`), so our stylesheets' rules and the page's inherited values do not leak in.
 */
class DefaultStyles {
  private readonly box: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly cache = new Map<string, CSSStyleDeclaration>();

  constructor(doc: Document) {
    this.box = doc.createElement('div');
    this.box.setAttribute('aria-hidden', 'true');
    this.box.style.cssText = 'all: initial; position: fixed; left: -10000px; top: 0; width: 10px; height: 10px; overflow: hidden; contain: strict;';
    this.svg = doc.createElementNS(SVG_NS, 'svg');
    this.box.appendChild(this.svg);
    doc.body.appendChild(this.box);
  }

  of(el: Element): CSSStyleDeclaration {
    const key = `${el.namespaceURI ?? ''} ${el.localName}`;
    let style = this.cache.get(key);
    if (style === undefined) {
      const fresh = el.ownerDocument.createElementNS(el.namespaceURI, el.localName);
      (el.namespaceURI === SVG_NS && el.localName !== 'svg' ? this.svg : this.box).appendChild(fresh);
      style = getComputedStyle(fresh);
      this.cache.set(key, style);
    }
    return style;
  }

  dispose(): void {
    this.box.remove();
  }
}
