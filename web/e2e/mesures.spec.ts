import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * The candidate's first page in Chromium, empty cache, five loads: the JavaScript it fetched (bytes over the wire,
 * gzip as the API sends it) and the time until its <h1> shows. Medians in var/browser/mesures.json and the report.
 */
const BUDGET_JS = 200 * 1024;
const mediane = (valeurs: number[]) => [...valeurs].sort((a, b) => a - b)[Math.floor(valeurs.length / 2)];

test('première page : JavaScript transféré et temps d’affichage', async ({ browser }) => {
  const essais: { js: number; fcp: number; titre: number; charge: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const contexte = await browser.newContext();
    const page = await contexte.newPage();
    await page.goto('/', { waitUntil: 'load' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    essais.push(
      await page.evaluate(() => {
        const ressources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const titre = performance.getEntriesByName('titre-affiche')[0]?.startTime;
        return {
          js: ressources.filter((r) => r.name.endsWith('.js')).reduce((n, r) => n + r.encodedBodySize, 0),
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          titre: titre ?? NaN,
          charge: navigation.loadEventEnd,
        };
      }),
    );
    await contexte.close();
  }
  const mesures = {
    javascriptTransfereOctets: mediane(essais.map((e) => e.js)),
    premierAffichageMs: Math.round(mediane(essais.map((e) => e.fcp))),
    titreAfficheMs: Math.round(mediane(essais.map((e) => e.titre))),
    chargementMs: Math.round(mediane(essais.map((e) => e.charge))),
    essais,
  };
  const dossier = fileURLToPath(new URL('../../var/browser/', import.meta.url));
  mkdirSync(dossier, { recursive: true });
  writeFileSync(`${dossier}mesures.json`, `${JSON.stringify(mesures, null, 2)}\n`);
  process.stdout.write(
    `Première page : ${(mesures.javascriptTransfereOctets / 1024).toFixed(1)} Ko de JavaScript transférés (gzip), premier affichage ${mesures.premierAffichageMs} ms, titre affiché ${mesures.titreAfficheMs} ms, chargement ${mesures.chargementMs} ms (médianes de 5 chargements à cache vide)\n`,
  );
  expect(mesures.javascriptTransfereOctets).toBeGreaterThan(0);
  expect(mesures.javascriptTransfereOctets).toBeLessThan(BUDGET_JS);
  expect(Number.isFinite(mesures.titreAfficheMs)).toBe(true);
});
