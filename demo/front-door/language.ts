// The page's language: the picker sets <html lang>, and every xs-* element follows it live (each loads its language's
// terms and SAS emoji names on demand). English, German and French are complete; Arabic shows the kit's right-to-left
// layout and the specification's Arabic emoji names (its other texts fall back to English until a host adds them).
export function initLanguage(form: HTMLFormElement) {
  const select = form.elements.namedItem('lang') as HTMLSelectElement;
  const current = document.documentElement.lang || 'en';
  if ([...select.options].some((o) => o.value === current)) select.value = current;
  select.addEventListener('change', () => {
    document.documentElement.lang = select.value;
  });
}
