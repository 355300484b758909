/**
 * The e2e project's globalSetup: builds this run's template database (test/support/template-database.ts) and
 * publishes it to the test processes through TEST_TEMPLATE_DATABASE; each test file then gets a copy of it
 * (scripts/lib/scratch-database.ts) instead of replaying the migrations and the reference import.
 *
 * Why a globalSetup rather than the first test file of each worker: it is built once per run whatever the number of
 * workers, before any of them starts (no lock between workers racing to build it), and rebuilt on every run, so it
 * is never stale. A template kept between runs would need a key covering all it is made of: the migrations, but also
 * the reference import and the packages it reads (@etalab/decoupage-administratif, i18n-iso-countries); a hash of
 * migrations/ alone would miss the last two. The price is one build per run (about 5 s here). The globalTeardown
 * drops it; a run killed before that leaves one behind, which a later build removes once it is old.
 *
 * Plain JavaScript, and the build in a child process under ts-node: through ts-jest, jest's parent process would
 * type-check the whole application once more before the first test starts.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

/** Runs TypeScript (a file, or `-e` code and its argument) in a child process under ts-node. */
const tsNode = (...args) =>
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

module.exports = async function buildTemplate() {
  const template = tsNode(path.join(__dirname, 'template-database.ts')).trim().split('\n').pop();
  // TEMPLATE_ENV of scripts/lib/scratch-database.ts
  process.env.TEST_TEMPLATE_DATABASE = template;
  globalThis.dropTemplateDatabase = () =>
    tsNode('-e', "require('./scripts/lib/scratch-database').dropTemplateDatabase(JSON.parse(process.argv[1]))", template);
};
