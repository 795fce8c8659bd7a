// Loaded first (a classic script, so it runs before the page is parsed): records every Content-Security-Policy
// violation on this page — the demo runs under the strict policy the README documents, and shows what it blocks.
window.xsCspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const v = { directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample };
  window.xsCspViolations.push(v);
  console.warn('[xs] Content-Security-Policy blocked', v);
  document.dispatchEvent(new CustomEvent('xs-demo-csp-violation', { detail: v }));
});
