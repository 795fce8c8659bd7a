// Finds CSS that does not follow the writing direction: physical properties and values (margin-left, left:,
// text-align: right, border-top-left-radius…) in the authored text, and shorthands that set the left and right
// sides differently (`margin: 0 0 0 1rem`), found through the browser's own parsing of them. The kit's styles use
// logical properties (margin-inline-start, inset-inline-start, text-align: start…), so one stylesheet lays out
// both left-to-right and right-to-left pages.

export interface CssFinding {
  /** What is physical. */
  problem: string;
  /** The offending declaration or rule, shortened. */
  where: string;
}

/** Authored physical properties and values. `top`/`bottom` count too: the kit's styles are logical throughout. */
const PHYSICAL_TEXT: [RegExp, string][] = [
  [/(?<![\w-])(margin|padding|scroll-margin|scroll-padding)-(left|right|top|bottom)\s*:/g, 'physical margin/padding side'],
  [/(?<![\w-])border-(left|right|top|bottom)(-(width|style|color))?\s*:/g, 'physical border side'],
  [/(?<![\w-])border-(top|bottom)-(left|right)-radius\s*:/g, 'physical corner radius'],
  [/(?<![\w-])(left|right|top|bottom)\s*:(?!\s*\))/g, 'physical inset (use inset-inline-* / inset-block-*)'],
  [/(?<![\w-])(text-align|float|clear)\s*:\s*(left|right)\b/g, 'physical alignment / float'],
  [/(?<![\w-])(justify-content|justify-items|justify-self|align-items|align-self|align-content)\s*:\s*(left|right)\b/g, 'physical box alignment'],
  [/(?<![\w-])(translateX|scaleX)\s*\(/g, 'horizontal transform that does not follow the direction'],
  [/(?<![\w-])(background-position|transform-origin|object-position)\s*:[^;{}]*\b(left|right)\b/g, 'physical position keyword'],
];

/** Longhand pairs that must be equal when set through a shorthand (otherwise the shorthand is one-sided). */
const MIRROR_PAIRS: [string, string][] = [
  ['margin-left', 'margin-right'],
  ['padding-left', 'padding-right'],
  ['border-left-width', 'border-right-width'],
  ['border-left-style', 'border-right-style'],
  ['border-left-color', 'border-right-color'],
  ['left', 'right'],
  ['border-top-left-radius', 'border-top-right-radius'],
  ['border-bottom-left-radius', 'border-bottom-right-radius'],
];

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

function snippet(css: string, index: number): string {
  const start = css.lastIndexOf('{', index) + 1;
  const end = css.indexOf(';', index);
  return css.slice(Math.max(start, index - 40), end < 0 ? index + 60 : Math.min(end + 1, index + 80)).trim().replace(/\s+/g, ' ');
}

function* styleRules(rules: CSSRuleList): Generator<CSSStyleRule> {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSStyleRule) {
      yield rule;
      // Nested rules (CSS nesting) live under the style rule.
      if (rule.cssRules?.length) yield* styleRules(rule.cssRules);
    } else if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) {
      yield* styleRules((rule as CSSGroupingRule).cssRules);
    }
  }
}

/** Every physical (direction-blind) piece of `cssText`; empty when it is all logical. */
export function physicalCss(cssText: string): CssFinding[] {
  const css = stripComments(cssText);
  const found: CssFinding[] = [];
  for (const [re, problem] of PHYSICAL_TEXT) {
    for (const m of css.matchAll(re)) found.push({ problem, where: snippet(css, m.index) });
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  for (const rule of styleRules(sheet.cssRules)) {
    for (const [a, b] of MIRROR_PAIRS) {
      const va = rule.style.getPropertyValue(a);
      const vb = rule.style.getPropertyValue(b);
      if (va !== vb) found.push({ problem: `${a} ≠ ${b} (a one-sided shorthand)`, where: `${rule.selectorText} { ${a}: ${va || 'unset'}; ${b}: ${vb || 'unset'} }` });
    }
  }
  return found;
}
