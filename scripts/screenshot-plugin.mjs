// A test-runner command that takes a screenshot with the browser's own renderer (puppeteer's page.screenshot, in
// Chromium over CDP and in Firefox over WebDriver BiDi) and saves it under test-results/ (gitignored), for the record
// of layout tests (test/unit/rtl-layout.test.ts). Returns the PNG as base64 too, so a test can look at its pixels.
//   await executeServerCommand('xs-screenshot', { name: 'status-rtl', clip: { x, y, width, height } })
import fs from 'node:fs';
import path from 'node:path';

export function screenshotPlugin({ rootDir }) {
  return {
    name: 'xs-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'xs-screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`xs-screenshot: not supported for ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      const { name, clip } = payload ?? {};
      if (!/^[\w.-]+$/.test(name ?? '')) throw new Error('xs-screenshot: name must be a plain file name');
      const browser = process.env.XS_BROWSER === 'firefox' ? 'firefox' : 'chromium';
      const file = path.join(rootDir, 'test-results', 'screenshots', browser, `${name}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const png = await page.screenshot({ ...(clip ? { clip } : {}), captureBeyondViewport: true });
      fs.writeFileSync(file, png);
      return { file: path.relative(rootDir, file), base64: Buffer.from(png).toString('base64') };
    },
  };
}
