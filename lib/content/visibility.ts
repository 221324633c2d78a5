/**
 * Whether the Log control was plainly shown where a person clicked it, from facts the content script reads at
 * the moment of the click. Calendar's page cannot click the control itself (the control counts trusted clicks
 * only), but it can try to make a person click it unknowingly: hide it with CSS (`!important` on the host or on
 * an ancestor, which the shadow root cannot keep out) over a decoy, or lay a decoy over it. Pure, so each rule
 * is tested; lib/content/click-guard.ts reads the facts from the page.
 */

/** The computed style of one box on the way from the clicked button up to the page's root (the flat tree). */
export interface Layer {
  opacity: string;
  filter: string;
  clipPath: string;
  /** The legacy `clip` of an absolutely positioned box: `auto` unless set. */
  clip: string;
  maskImage: string;
  mixBlendMode: string;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ClickFacts {
  /** `checkVisibility({ opacityProperty: true, visibilityProperty: true })` of the button. */
  rendered: boolean;
  /** The button first, then each ancestor across the shadow boundary, up to the root element. */
  layers: Layer[];
  /** The button's box on screen (after transforms), in the viewport's CSS pixels. */
  box: Box;
  /** The button's own layout size, before any transform (offsetWidth, offsetHeight). */
  layout: { width: number; height: number };
  /** Where the click was, in the viewport's CSS pixels. */
  point: { x: number; y: number };
  /** Whether the button is what the browser finds on top at that point. */
  onTop: boolean;
}

/** Why a click does not count; each is told to the user in the same words (HIDDEN_CONTROL). */
export type Hidden =
  | 'not-rendered'
  | 'transparent'
  | 'filtered'
  | 'clipped'
  | 'masked'
  | 'blended'
  | 'too-small'
  | 'not-at-click'
  | 'covered';

/** Below this, the product of every opacity on the way up, the control is too faint to be a person's choice. */
export const MIN_OPACITY = 0.9;
/** The button is 32 px high; a transform or zoom that shrinks it below these sizes hides it in plain sight. */
export const MIN_SIZE = { width: 24, height: 16 };
const MIN_SCALE = 0.5;

/** Why the control was not plainly shown where it was clicked, or null when it was. */
export function whyHidden(facts: ClickFacts): Hidden | null {
  if (!facts.rendered) return 'not-rendered';
  let opacity = 1;
  for (const layer of facts.layers) {
    const filter = filterEffect(layer.filter);
    if (filter === null) return 'filtered';
    opacity *= number(layer.opacity, 1) * filter;
    if (layer.clipPath !== 'none' || (layer.clip !== 'auto' && layer.clip !== '')) return 'clipped';
    if (layer.maskImage !== 'none' && layer.maskImage !== '') return 'masked';
    if (layer.mixBlendMode !== 'normal' && layer.mixBlendMode !== '') return 'blended';
  }
  if (!(opacity >= MIN_OPACITY)) return 'transparent'; // NaN too: a value this cannot read is not a yes
  const { box, layout, point } = facts;
  const big =
    box.width >= MIN_SIZE.width &&
    box.height >= MIN_SIZE.height &&
    box.width >= layout.width * MIN_SCALE &&
    box.height >= layout.height * MIN_SCALE;
  if (!big) return 'too-small';
  const inside =
    point.x >= box.left && point.x <= box.left + box.width && point.y >= box.top && point.y <= box.top + box.height;
  if (!inside) return 'not-at-click';
  if (!facts.onTop) return 'covered';
  return null;
}

/**
 * What a computed `filter` does to the control: the opacity it leaves (1 when it does not fade it), or null
 * when it may hide it (an SVG filter, which can do anything; brightness or contrast that wash it out; an invert
 * half-way, which turns every colour grey; a heavy blur). Colour shifts, a drop shadow and a full invert (a
 * dark-mode filter) leave it plain to see.
 */
export function filterEffect(filter: string): number | null {
  if (filter === 'none' || filter === '') return 1;
  let opacity = 1;
  for (const [name, argument] of filterFunctions(filter)) {
    const amount = number(argument, 1);
    switch (name) {
      case 'opacity':
        opacity *= Math.min(amount, 1);
        break;
      case 'brightness':
        if (!(amount >= 0.5 && amount <= 1.5)) return null;
        break;
      case 'contrast':
        if (!(amount >= 0.5)) return null;
        break;
      case 'invert':
        if (!(amount <= 0.2 || amount >= 0.8)) return null;
        break;
      case 'blur':
        if (!(amount <= 2)) return null;
        break;
      case 'grayscale':
      case 'sepia':
      case 'saturate':
      case 'hue-rotate':
      case 'drop-shadow':
        break;
      default:
        return null; // url(…) and anything unknown
    }
  }
  return opacity;
}

/** The top-level functions of a filter list, each with its first argument: `blur(2px) drop-shadow(rgb(0 0 0) …)`. */
function filterFunctions(filter: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  let depth = 0;
  let start = 0;
  let name = '';
  for (let i = 0; i < filter.length; i++) {
    const c = filter[i];
    if (c === '(') {
      if (depth === 0) {
        name = filter.slice(start, i).trim();
        start = i + 1;
      }
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) {
        found.push([
          name.toLowerCase(),
          filter
            .slice(start, i)
            .trim()
            .split(/[\s,]+/)[0] ?? '',
        ]);
        start = i + 1;
      }
    }
  }
  // Anything outside a function (a stray word, an unclosed one) is nothing this reads: treat it as unknown.
  if (depth !== 0 || filter.slice(start).trim() !== '') found.push(['?', '']);
  return found;
}

/** A CSS number, a percentage (50% is 0.5) or a length in px; `fallback` when empty. */
function number(text: string, fallback: number): number {
  if (text === '') return fallback;
  const value = Number.parseFloat(text);
  if (Number.isNaN(value)) return Number.NaN;
  return text.trim().endsWith('%') ? value / 100 : value;
}
