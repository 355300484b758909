/**
 * The real API for the web front-end's browser journeys (web/playwright.config.ts starts it): the built dist/ serving
 * web/dist, on a fresh SQLite database (migrated, demo data loaded at start-up), mails as .eml files under
 * var/browser/mail, and CAS offered through this file's CAS protocol server, which logs in one student at once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { CasTestServer } from './cas-server';

const ETUDIANT_CAS = { user: 'e.cas', attributes: { mail: 'camille.cas@etu.example.org', sn: 'Cas', givenName: 'Camille' } };

async function main(): Promise<void> {
  const port = process.env.PORT ?? '3917';
  const dossier = 'var/browser';
  rmSync(`${dossier}/candidatures.sqlite`, { force: true });
  for (const sous of ['mail', 'fichiers', 'pages']) rmSync(`${dossier}/${sous}`, { recursive: true, force: true });
  mkdirSync(`${dossier}/mail`, { recursive: true });
  const cas = await CasTestServer.start();
  cas.nextUser = ETUDIANT_CAS;

  const api = spawn(process.execPath, ['dist/src/main.js'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: port,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      API_PUBLIC_URL: '',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DATABASE_URL: `sqlite:${dossier}/candidatures.sqlite`,
      DEMO_DATA: 'true',
      JOBS_ENABLED: 'true',
      MAIL_TRANSPORT: 'file',
      MAIL_FILE_DIR: `${dossier}/mail`,
      STORAGE_DIR: `${dossier}/fichiers`,
      OPI_ADAPTER: 'none',
      CAS_ENABLED: 'true',
      CAS_URL: `http://127.0.0.1:${cas.port}/cas`,
      WEB_DIST_DIR: 'web/dist',
      // The journeys log the demo staff in again and again (each journey, each arrangement through the API) within
      // 15 minutes: the default 10 logins an account would refuse the later ones. Throttling is test/throttle's.
      THROTTLE_ACCOUNT_PER_15_MIN: '1000',
    },
  });
  const arreter = (signal: NodeJS.Signals) => api.kill(signal);
  process.on('SIGINT', arreter);
  process.on('SIGTERM', arreter);
  api.on('exit', (code, signal) => {
    void cas.stop().finally(() => process.exit(code ?? (signal ? 0 : 1)));
  });
}

void main();
