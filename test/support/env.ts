import { loadEnvFiles } from '../../src/config/env';

// Every test process reads config/test.env over config/default.env; TEST_DB picks the engine (test/support/database.ts).
process.env.NODE_ENV = 'test';
loadEnvFiles();
