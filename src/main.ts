import 'reflect-metadata';
import { DOCS_PATH, OPENAPI_JSON_PATH, createApp } from './app';
import { ConfigValidationError, appConfig, assertValidConfig, mailConfig } from './config';
import { DEMO_CANDIDATS, DEMO_CANDIDAT_PASSWORD, DEMO_STAFF } from './demo/demo.service';
import { loadEnvFiles } from './config/env';

async function bootstrap(): Promise<void> {
  loadEnvFiles();
  try {
    assertValidConfig();
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const app = await createApp();
  const config = app.get(appConfig.KEY);
  const mail = app.get(mailConfig.KEY);
  await app.listen({ port: config.port, host: config.host });
  const base = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;
  process.stdout.write(
    [
      '',
      `  API Candidatures démarrée (${config.env})`,
      `  API              ${base}/api`,
      `  Swagger UI       ${base}/${DOCS_PATH}`,
      `  OpenAPI (JSON)   ${base}/${OPENAPI_JSON_PATH}`,
      `  Santé            ${base}/health  ·  ${base}/health/ready`,
      ...(config.demoData
        ? [
            '',
            '  Comptes de démonstration (POST /api/auth/login, puis « Authorize » dans Swagger UI) :',
            ...DEMO_STAFF.map((s) => `    ${s.role.padEnd(14)} ${s.login.padEnd(13)} ${s.password}`),
            ...DEMO_CANDIDATS.map((c) => `    ${'candidat'.padEnd(14)} ${c.numeroDossier.padEnd(13)} ${DEMO_CANDIDAT_PASSWORD}   (${c.prenom} ${c.nom} : ${c.formations.join(', ') || 'pas encore de candidature'})`),
          ]
        : []),
      ...(mail.transport === 'file' ? ['', `  Mails écrits dans ${mail.fileDir}/ (fichiers .eml, envoyés toutes les 10 s)`] : []),
      '',
    ].join('\n') + '\n',
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Démarrage impossible : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
