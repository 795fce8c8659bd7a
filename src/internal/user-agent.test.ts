import { expect } from '@open-wc/testing';
import { parseUserAgent } from './user-agent.js';

describe('parseUserAgent', () => {
  const cases: [string, unknown][] = [
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', { kind: 'browser', client: 'Firefox', os: 'Linux' }],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', { kind: 'browser', client: 'Chrome', os: 'Linux' }],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', { kind: 'browser', client: 'Edge', os: 'Windows' }],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', { kind: 'browser', client: 'Safari', os: 'macOS' }],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', { kind: 'mobile', client: 'Safari', os: 'iOS' }],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', { kind: 'mobile', client: 'Chrome', os: 'Android' }],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Element/1.11.85 Chrome/130.0.6723.137 Electron/33.2.1 Safari/537.36', { kind: 'desktop', client: 'Element', os: 'Linux' }],
    ['Element/1.6.10 (Linux; U; Android 13; Pixel 7 Build/TQ3A; Flavour GooglePlay; MatrixAndroidSdk2 1.6.10)', { kind: 'mobile', client: 'Element', os: 'Android' }],
    ['Element X/25.01.0 (iPhone; iOS 18.2; Scale/3.00)', { kind: 'mobile', client: 'Element X', os: 'iOS' }],
    ['Fractal/11.0 (X11; Linux x86_64)', { kind: 'desktop', client: 'Fractal', os: 'Linux' }],
    ['python-requests/2.31.0', { kind: 'unknown', text: 'python-requests/2.31.0' }],
    ['<img src=x onerror=alert(1)>', { kind: 'unknown', text: '<img src=x onerror=alert(1)>' }],
  ];
  for (const [ua, want] of cases) it(ua.slice(0, 60), () => expect(parseUserAgent(ua)).to.deep.equal(want));

  it('none for no agent; a long unknown one is shortened', () => {
    expect(parseUserAgent(null)).to.equal(undefined);
    expect(parseUserAgent('   ')).to.equal(undefined);
    const long = parseUserAgent('x'.repeat(300));
    expect(long).to.deep.equal({ kind: 'unknown', text: `${'x'.repeat(79)}…` });
  });
});
