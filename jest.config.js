/** Unit specs beside the code (src/**\/*.spec.ts) and e2e specs under test/ against the real application. */
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.json',
        // tsconfig's module "node20" is a hybrid kind: for a package without "type": "module" it emits CommonJS,
        // which is what Jest runs. ts-jest warns about hybrid kinds in general; that case does not apply here.
        diagnostics: { ignoreCodes: [151002] },
        astTransformers: { before: ['<rootDir>/test/support/swagger-plugin.transformer.js'] },
      },
    ],
    '^.+\\.m?js$': '<rootDir>/test/support/esm-to-cjs.transformer.js',
  },
  // Big CommonJS packages are never ESM: skip them to keep the transform step short.
  transformIgnorePatterns: [
    '/node_modules/(typeorm|mysql2|better-sqlite3|typescript|rxjs|class-validator|class-transformer|lodash|fastify|@fastify/(?!static)|pino|pino-.*|@babel|babel-.*|jest.*|@jest|ts-jest|@redocly|i18n-iso-countries|@etalab)/',
  ],
  setupFiles: ['<rootDir>/test/support/env.ts'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Specs that run their own MariaDB server or Galera cluster (whatever TEST_DB says) run once per `npm test` +
      // MariaDB pair: in the MariaDB run, where MariaDB is installed and the template to copy is on MariaDB.
      testPathIgnorePatterns: process.env.TEST_DB === 'mariadb' ? ['/node_modules/'] : ['/node_modules/', '/test/pannes-base\\.e2e-spec\\.ts$', '/test/galera\\.e2e-spec\\.ts$'],
      slowTestThreshold: 20,
      // One template database per run, migrated and with its reference data, which each test file copies.
      globalSetup: '<rootDir>/test/support/template-database.setup.js',
      globalTeardown: '<rootDir>/test/support/template-database.teardown.js',
    },
  ],
  testTimeout: 60_000,
  // Every core (Jest's default leaves one idle: a single worker on a 2-core machine). Workers are never recycled for
  // memory: each keeps ts-jest's TypeScript program warm, which a new worker rebuilds for 20 s or more (a recycling
  // limit of 1.5 GB made every e2e file cost 35 s).
  maxWorkers: '100%',
};
