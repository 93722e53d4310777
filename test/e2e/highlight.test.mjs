// UI test of highlighting as a reader sees it: in Light+, Dark+ and High Contrast, a speaker's name, a quote and a
// figure are painted in colours that differ from plain text and from each other.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { languageMode, openWorkbench, quickOpen, screenshot, stopOwnServer, tokenColour } from './workbench.mjs';

after(stopOwnServer);

for (const [theme, file] of [['Default Light+', 'light'], ['Default Dark+', 'dark'], ['Default High Contrast', 'high-contrast']]) {
  test(`speaker, quote and figure stand out from plain text and from each other in ${theme}`, async () => {
    const wb = await openWorkbench({ settings: { 'workbench.colorTheme': theme } });
    try {
      const { page } = wb;
      await quickOpen(page, 'visit.statement');
      await languageMode(page, 'Statement');
      const plain = await tokenColour(page, 'The leaders discussed');
      const quote = await tokenColour(page, 'We are ready to open');
      const figure = await tokenColour(page, '6.2 billion');
      const speaker = await tokenColour(page, 'Kassym-Jomart Tokayev');
      await screenshot(page, `highlight-${file}`);
      const colours = { plain, quote, figure, speaker };
      assert.equal(new Set(Object.values(colours)).size, 4, JSON.stringify(colours));
    } finally {
      await wb.close();
    }
  });
}
