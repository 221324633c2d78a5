import { describe, expect, it } from 'vitest';
import { type ClickFacts, filterEffect, type Layer, whyHidden } from '../../lib/content/visibility';

// The Log control as Chromium reports it in the saved card: a 127 × 32 button in the card's toolbar, clicked in
// its middle, under nothing, in a page that styles none of its ancestors.
const plain: Layer = {
  opacity: '1',
  filter: 'none',
  clipPath: 'none',
  clip: 'auto',
  maskImage: 'none',
  mixBlendMode: 'normal',
};
const shown: ClickFacts = {
  rendered: true,
  layers: [plain, plain, plain, plain, plain],
  box: { left: 8, top: 344, width: 127, height: 32 },
  layout: { width: 127, height: 32 },
  point: { x: 71, y: 360 },
  onTop: true,
};
/** The facts with one layer (0 the button, 1 the host, 4 the root) styled by the page. */
const styled = (index: number, style: Partial<Layer>): ClickFacts => ({
  ...shown,
  layers: shown.layers.map((layer, i) => (i === index ? { ...layer, ...style } : layer)),
});

describe('whether the Log control was plainly shown where it was clicked', () => {
  it('counts a click on the control as the saved card shows it', () => {
    expect(whyHidden(shown)).toBeNull();
  });

  it.each<[string, ClickFacts, string]>([
    [
      'not rendered (display, visibility, content-visibility, opacity 0)',
      { ...shown, rendered: false },
      'not-rendered',
    ],
    ['the host at opacity 0.01', styled(1, { opacity: '0.01' }), 'transparent'],
    [
      'three ancestors at 0.95 each (0.86 in all)',
      { ...shown, layers: shown.layers.map((layer, i) => (i > 0 && i < 4 ? { ...layer, opacity: '0.95' } : layer)) },
      'transparent',
    ],
    ['a filter that fades it', styled(1, { filter: 'opacity(0.2)' }), 'transparent'],
    ['a filter given in percent', styled(3, { filter: 'opacity(5%)' }), 'transparent'],
    ['a brightness that washes it out', styled(1, { filter: 'brightness(0)' }), 'filtered'],
    ['a contrast of zero', styled(4, { filter: 'contrast(0)' }), 'filtered'],
    ['an invert half-way (every colour grey)', styled(1, { filter: 'invert(0.5)' }), 'filtered'],
    ['a heavy blur', styled(1, { filter: 'blur(12px)' }), 'filtered'],
    ['an SVG filter, which can do anything', styled(1, { filter: 'url("#hide")' }), 'filtered'],
    ['a filter this does not know', styled(1, { filter: 'future-thing(1)' }), 'filtered'],
    ['a clip-path', styled(1, { clipPath: 'inset(14px 0px)' }), 'clipped'],
    ['the legacy clip', styled(2, { clip: 'rect(0px, 0px, 0px, 0px)' }), 'clipped'],
    ['a mask', styled(1, { maskImage: 'linear-gradient(transparent, transparent)' }), 'masked'],
    ['a blend mode that can melt it into the card', styled(1, { mixBlendMode: 'screen' }), 'blended'],
    ['shrunk by a transform', { ...shown, box: { left: 65, top: 358, width: 12.7, height: 3.2 } }, 'too-small'],
    ['flattened on one axis', { ...shown, box: { left: 8, top: 358, width: 127, height: 3 } }, 'too-small'],
    [
      'scaled to less than half (still over the minimum size)',
      { ...shown, box: { left: 30, top: 352, width: 60, height: 15 }, layout: { width: 127, height: 32 } },
      'too-small',
    ],
    ['clicked outside its box', { ...shown, point: { x: 200, y: 360 } }, 'not-at-click'],
    ['under something at the click point', { ...shown, onTop: false }, 'covered'],
  ])('refuses a click on a control %s', (_name, facts, reason) => {
    expect(whyHidden(facts)).toBe(reason);
  });

  it('a product of opacities just above the line still counts (0.95 × 0.95 = 0.9025)', () => {
    const facts = { ...shown, layers: [plain, { ...plain, opacity: '0.95' }, { ...plain, opacity: '0.95' }] };
    expect(whyHidden(facts)).toBeNull();
  });

  it('counts a control that a page-wide dark-mode filter or a drop shadow leaves plain to see', () => {
    expect(whyHidden(styled(4, { filter: 'invert(0.9) hue-rotate(180deg)' }))).toBeNull();
    expect(whyHidden(styled(2, { filter: 'drop-shadow(rgba(0, 0, 0, 0.3) 0px 1px 2px)' }))).toBeNull();
    expect(whyHidden({ ...shown, box: { ...shown.box, width: 180, height: 45 } })).toBeNull(); // zoomed in
  });

  it('treats a value it cannot read as a no, never as a yes', () => {
    expect(whyHidden(styled(1, { opacity: 'weird' }))).toBe('transparent');
    expect(whyHidden({ ...shown, box: { left: 8, top: 344, width: Number.NaN, height: 32 } })).toBe('too-small');
    expect(whyHidden({ ...shown, point: { x: Number.NaN, y: 360 } })).toBe('not-at-click');
  });
});

describe('what a computed filter does to the control', () => {
  it.each<[string, number | null]>([
    ['none', 1],
    ['opacity(0.5)', 0.5],
    ['opacity(0.5) opacity(0.5)', 0.25],
    ['opacity(2)', 1],
    ['grayscale(1) sepia(0.5) saturate(3) hue-rotate(90deg)', 1],
    ['drop-shadow(rgb(0, 0, 0) 0px 0px 4px) opacity(0.8)', 0.8],
    ['brightness(1.2) contrast(1.1) blur(1px)', 1],
    ['invert(1)', 1],
    ['brightness(2)', null],
    ['blur(3px)', null],
    ['opacity(0.5', null],
    ['opacity(1) stray', null],
  ])('%s', (filter, effect) => {
    expect(filterEffect(filter)).toBe(effect);
  });
});
