// The page's theme (light / dark / auto: the kit's theme classes) and live editing of the main --xs-* tokens, with
// the CSS to copy. Values are set through CSSOM (style.setProperty), which a strict style-src allows.

const TOKENS: { name: string; label: string; kind: 'color' | 'length'; min?: number; max?: number; step?: number; unit?: string }[] = [
  { name: '--xs-color-accent', label: 'Accent', kind: 'color' },
  { name: '--xs-color-on-accent', label: 'Text on accent', kind: 'color' },
  { name: '--xs-color-text', label: 'Text', kind: 'color' },
  { name: '--xs-color-surface', label: 'Surface', kind: 'color' },
  { name: '--xs-color-surface-raised', label: 'Raised surface', kind: 'color' },
  { name: '--xs-color-border', label: 'Border', kind: 'color' },
  { name: '--xs-color-success', label: 'Success', kind: 'color' },
  { name: '--xs-color-danger', label: 'Danger', kind: 'color' },
  { name: '--xs-radius', label: 'Corner radius', kind: 'length', min: 0, max: 24, step: 1, unit: 'px' },
  { name: '--xs-font-size', label: 'Font size', kind: 'length', min: 0.75, max: 1.5, step: 0.05, unit: 'rem' },
];

const THEMES = ['auto', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

function setTheme(theme: Theme) {
  for (const t of THEMES) document.body.classList.toggle(`xs-theme-${t}`, t === theme);
}

/** #rrggbb for a computed color (the color input only takes that form). */
function hex(color: string): string {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (m) return `#${m.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
  return /^#[0-9a-f]{6}$/i.test(color.trim()) ? color.trim() : '#000000';
}

/** The computed value of a token on the body, as a color (resolved through a probe) or as written. */
function current(name: string, kind: 'color' | 'length'): string {
  const raw = getComputedStyle(document.body).getPropertyValue(name).trim();
  if (kind === 'length') return raw;
  const probe = document.createElement('span');
  probe.style.setProperty('color', `var(${name})`);
  document.body.append(probe);
  const c = getComputedStyle(probe).color;
  probe.remove();
  return hex(c || raw);
}

/** Wires the theme radios (`form` with name="theme") and builds the token editor into `editor`, the CSS into `css`. */
export function initTheme(themeForm: HTMLFormElement, editor: HTMLElement, css: HTMLPreElement, copy: HTMLButtonElement, reset: HTMLButtonElement) {
  themeForm.addEventListener('change', () => {
    const theme = new FormData(themeForm).get('theme') as Theme;
    setTheme(theme);
    refresh();
  });

  const edited = new Map<string, string>();
  const inputs = new Map<string, HTMLInputElement>();
  for (const t of TOKENS) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.name = t.name;
    if (t.kind === 'color') input.type = 'color';
    else {
      input.type = 'range';
      input.min = String(t.min);
      input.max = String(t.max);
      input.step = String(t.step);
    }
    const name = document.createElement('code');
    name.textContent = t.name;
    label.append(`${t.label} `, input, name);
    input.addEventListener('input', () => {
      const value = t.kind === 'color' ? input.value : `${input.value}${t.unit}`;
      edited.set(t.name, value);
      document.body.style.setProperty(t.name, value);
      render();
    });
    inputs.set(t.name, input);
    editor.append(label);
  }

  const render = () => {
    css.textContent = edited.size
      ? `/* after xs-kit/themes/light.css (and dark.css) */\n:root {\n${[...edited].map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}`
      : '/* Move a control above: the CSS for your page shows up here. */';
  };
  const refresh = () => {
    for (const t of TOKENS) {
      if (edited.has(t.name)) continue;
      const v = current(t.name, t.kind);
      inputs.get(t.name)!.value = t.kind === 'color' ? v : String(parseFloat(v) || t.min);
    }
  };
  copy.addEventListener('click', () => void (async () => {
    try {
      await navigator.clipboard.writeText(css.textContent ?? '');
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Select the text to copy';
    }
    setTimeout(() => (copy.textContent = 'Copy CSS'), 2000);
  })());
  reset.addEventListener('click', () => {
    for (const name of edited.keys()) document.body.style.removeProperty(name);
    edited.clear();
    refresh();
    render();
  });
  refresh();
  render();
}
