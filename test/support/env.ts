import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvFiles } from '../../src/config/env';

// Every test process reads config/test.env over config/default.env; TEST_DB picks the engine (test/support/database.ts).
process.env.NODE_ENV = 'test';
// Uploaded files go to a folder of this test process (created by the app when it starts), never to var/fichiers.
process.env.STORAGE_DIR = join(tmpdir(), `candidatures-fichiers-${process.pid}`);
loadEnvFiles();
