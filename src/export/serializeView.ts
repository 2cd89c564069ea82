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

/**
 * What an SVG shape inside a view (a lane's bar, an axis tick) needs of its computed style: its
 * paint, text and geometry. Reading all ~400 properties of each of a timeline's thousands of
 * shapes took a minute on a loaded machine; these take a tenth of that.
 */
const SHAPE_PROPERTIES = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'display', 'visibility', 'transform', 'transform-origin',
  'transform-box', 'color', 'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing', 'text-anchor',
  'dominant-baseline', 'alignment-baseline', 'white-space', 'paint-order', 'shape-rendering', 'vector-effect', 'mix-blend-mode',
  'filter', 'clip-path', 'mask', 'marker-start', 'marker-mid', 'marker-end', 'd', 'x', 'y', 'cx', 'cy', 'r', 'rx', 'ry',
  'width', 'height',
];

/** Elements that draw nothing, whose styles are not written (a bar's tooltip text). */
const UNDRAWN = new Set(['title', 'desc', 'metadata']);

/** A computed style read once, property by property (a live declaration is slow to read again). */
type StyleValues = ReadonlyMap<string, string>;

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
    const clone = cloneWithStyles(root, null, defaults, options.unscroll === true, propertyNames(root));
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
  // ::before and ::after are in the file as elements of their own (pseudoElement): the rules
  // above must not draw them a second time (they still bring what else they set, `box-sizing`).
  rules.push('*::before, *::after { content: none !important; }');
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

/** The names of every computed property, once per export: the same list for every element. */
function propertyNames(root: Element): readonly string[] {
  const style = getComputedStyle(root);
  const names: string[] = [];
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    if (!SKIPPED.has(name) && !name.startsWith('--')) names.push(name);
  }
  return names;
}

function readStyle(style: CSSStyleDeclaration, names: readonly string[]): StyleValues {
  const values = new Map<string, string>();
  for (const name of names) values.set(name, style.getPropertyValue(name));
  return values;
}

function isShape(el: Element): boolean {
  return el instanceof SVGElement && !(el instanceof SVGSVGElement);
}

function cloneWithStyles(source: Node, parentStyle: StyleValues | null, defaults: DefaultStyles, unscroll: boolean, names: readonly string[]): Node {
  if (!(source instanceof Element)) return source.cloneNode(false);
  if (source instanceof HTMLCanvasElement) return canvasAsImage(source);
  const copy = source.cloneNode(false) as Element;
  if (UNDRAWN.has(source.localName) && source instanceof SVGElement) return source.cloneNode(true);
  const computed = getComputedStyle(source);
  const style = readStyle(computed, isShape(source) ? SHAPE_PROPERTIES : names);
  const css = differingStyles(style, parentStyle, defaults.of(source, names));
  // Custom properties the page sets on the element itself (the scrubber's `--fill`) feed its
  // pseudo-elements' rules.
  if (source instanceof HTMLElement || source instanceof SVGElement) {
    for (let i = 0; i < source.style.length; i++) {
      const name = source.style.item(i);
      if (name.startsWith('--')) css.push(`${name}: ${source.style.getPropertyValue(name)}`);
    }
  }
  // A scroller shown whole loses its size containment too (the narration's box is `contain:
  // strict`: with its height set free it would be as tall as nothing, and its sentence gone).
  // It keeps at least its height on screen (the narration's three-line box stays three lines).
  if (unscroll && isScroller(source)) {
    css.push('overflow: visible', 'height: auto', 'max-height: none', 'contain: none', `min-height: ${source.getBoundingClientRect().height}px`);
  }
  copy.setAttribute('style', css.join('; '));
  if (source instanceof SVGElement) paintCurrentColor(copy, style);
  // What the learner typed or chose lives in properties, not attributes.
  if (source instanceof HTMLInputElement) copy.setAttribute('value', source.value);
  if (source instanceof HTMLSelectElement) {
    copy.querySelectorAll('option').forEach((o) => o.removeAttribute('selected'));
  }
  const before = pseudoElement(source, '::before', style, defaults, names);
  if (before !== null) copy.appendChild(before);
  for (const child of source.childNodes) {
    if (child instanceof HTMLScriptElement || child instanceof HTMLStyleElement) continue;
    const childCopy = cloneWithStyles(child, style, defaults, unscroll, names);
    if (source instanceof HTMLSelectElement && child instanceof HTMLOptionElement && child.selected && childCopy instanceof Element) {
      childCopy.setAttribute('selected', 'selected');
    }
    copy.appendChild(childCopy);
  }
  const after = pseudoElement(source, '::after', style, defaults, names);
  if (after !== null) copy.appendChild(after);
  return copy;
}

/** The properties of `style` a picture must write: inherited ones that differ from the parent's, others that differ from a fresh element's. */
function differingStyles(style: StyleValues, parentStyle: StyleValues | null, base: StyleValues): string[] {
  const css: string[] = [];
  for (const [name, value] of style) {
    const reference = INHERITED.has(name) && parentStyle !== null ? parentStyle.get(name) : base.get(name);
    if (value !== reference || (parentStyle === null && INHERITED.has(name))) css.push(`${name}: ${value}`);
  }
  return css;
}

/**
 * SVG paint given as `currentColor` (the icons' `fill`) written as the colour it is: a viewer
 * that reads the attribute and not our inline CSS (or resolves `color` from another place) still
 * paints the icon in the colour on screen instead of black or nothing.
 */
function paintCurrentColor(copy: Element, style: StyleValues): void {
  for (const attribute of ['fill', 'stroke'] as const) {
    const value = style.get(attribute);
    if (copy.getAttribute(attribute)?.toLowerCase() === 'currentcolor' && value !== undefined) copy.setAttribute(attribute, value);
  }
}

/**
 * An element's `::before` / `::after` as a real `<span>` with its computed styles: a mark drawn
 * by CSS (the editor's ▶ running line, a breakpoint's dot) is then part of the picture itself. The
 * page's rules for it could not come along: they often depend on where the element sits
 * (`:root[data-theme='dark'] …`, `:root[data-presenter='on'] …`), which the file does not have.
 */
function pseudoElement(source: Element, which: '::before' | '::after', ownStyle: StyleValues, defaults: DefaultStyles, names: readonly string[]): Element | null {
  // SVG shapes draw no ::before / ::after: not asked for (a timeline has thousands of them).
  if (!(source instanceof HTMLElement)) return null;
  const style = getComputedStyle(source, which);
  const content = style.getPropertyValue('content');
  if (content === '' || content === 'none' || content === 'normal') return null;
  const span = source.ownerDocument.createElementNS(XHTML_NS, 'span');
  span.setAttribute('aria-hidden', 'true');
  span.setAttribute('data-pseudo', which.slice(2));
  const css = differingStyles(readStyle(style, names), ownStyle, defaults.ofTag('span', XHTML_NS, names));
  span.setAttribute('style', css.filter((p) => !p.startsWith('content:')).join('; '));
  span.textContent = cssStringValue(content);
  return span;
}

/** The text of a computed `content` made of CSS strings (`"▶"`, `"a" "b"`); other parts (counters, attr()) give nothing. */
export function cssStringValue(content: string): string {
  let text = '';
  let quote: string | null = null;
  for (let i = 0; i < content.length; i++) {
    const c = content.charAt(i);
    if (quote === null) {
      if (c === '"' || c === "'") quote = c;
    } else if (c === '\\') {
      // A CSS escape: a hex code point (ended by one optional space), or the character itself.
      let hex = '';
      while (hex.length < 6 && i + 1 < content.length && isHexDigit(content.charAt(i + 1))) hex += content.charAt(++i);
      if (hex === '') text += content.charAt(++i);
      else {
        text += String.fromCodePoint(Number.parseInt(hex, 16));
        if (content.charAt(i + 1) === ' ') i++;
      }
    } else if (c === quote) quote = null;
    else text += c;
  }
  return text;
}

function isHexDigit(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
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
  private readonly cache = new Map<string, StyleValues>();

  constructor(doc: Document) {
    this.box = doc.createElement('div');
    this.box.setAttribute('aria-hidden', 'true');
    this.box.style.cssText = 'all: initial; position: fixed; left: -10000px; top: 0; width: 10px; height: 10px; overflow: hidden; contain: strict;';
    this.svg = doc.createElementNS(SVG_NS, 'svg');
    this.box.appendChild(this.svg);
    doc.body.appendChild(this.box);
  }

  of(el: Element, names: readonly string[]): StyleValues {
    return this.ofTag(el.localName, el.namespaceURI, isShape(el) ? SHAPE_PROPERTIES : names);
  }

  ofTag(localName: string, namespace: string | null, names: readonly string[]): StyleValues {
    const key = `${namespace ?? ''} ${localName}`;
    let style = this.cache.get(key);
    if (style === undefined) {
      const fresh = this.box.ownerDocument.createElementNS(namespace, localName);
      (namespace === SVG_NS && localName !== 'svg' ? this.svg : this.box).appendChild(fresh);
      style = readStyle(getComputedStyle(fresh), names);
      this.cache.set(key, style);
    }
    return style;
  }

  dispose(): void {
    this.box.remove();
  }
}
