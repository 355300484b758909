// The real API for the browser journeys (playwright.config.ts starts it): built dist/ serving web/dist, on a fresh
// SQLite database (migrated and loaded with the demo data at start-up), mails as .eml files under var/browser/mail.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

const port = process.env.PORT ?? '3917';
const dossier = 'var/browser';
rmSync(`${dossier}/candidatures.sqlite`, { force: true });
for (const sous of ['mail', 'fichiers', 'pages']) rmSync(`${dossier}/${sous}`, { recursive: true, force: true });
mkdirSync(`${dossier}/mail`, { recursive: true });

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
    WEB_DIST_DIR: 'web/dist',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
