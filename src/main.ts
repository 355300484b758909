import 'reflect-metadata';
import { createApp } from './app';
import { bannerLines, localBase } from './banner';
import { ConfigValidationError, appConfig, assertValidConfig, mailConfig, siteConfig } from './config';
import { holdsWebBuild } from './site/serve-web';
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
  const base = localBase(config.host, config.port);
  process.stdout.write(`${bannerLines({ base, env: config.env, demoData: config.demoData, mailDir: mail.transport === 'file' ? mail.fileDir : null, site: holdsWebBuild(app.get(siteConfig.KEY).webDistDir) }).join('\n')}\n`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Démarrage impossible : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
