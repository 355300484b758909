import 'reflect-metadata';
import { createReadStream, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { ConfigValidationError, assertValidConfig } from '../src/config';
import { loadEnvFiles } from '../src/config/env';
import { EtablissementsImportService } from '../src/referentiel/etablissements-import.service';

/**
 * Loads établissements from a national directory's CSV export into the configured database (upsert by UAI):
 *   npm run referentiel:etablissements -- --fichier fr-en-annuaire-education.csv [--desactiver-absents]
 * The Annuaire de l'éducation gives the lycées, the higher-education directory the universities and schools. The
 * running instances pick the change up within a minute.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { fichier: { type: 'string' }, 'desactiver-absents': { type: 'boolean', default: false } } });
  const fichier = values.fichier;
  if (!fichier) throw new Error('Option manquante : --fichier <chemin du CSV>');
  if (!existsSync(fichier)) throw new Error(`Fichier introuvable : ${fichier}`);

  process.env.JOBS_ENABLED = 'false';
  loadEnvFiles();
  assertValidConfig();
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'], abortOnError: false });
  try {
    const bilan = await app.get(EtablissementsImportService).importer(createReadStream(fichier), { desactiverAbsents: values['desactiver-absents'] });
    const ignorees = Object.entries(bilan.ignorees)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ');
    process.stdout.write(
      [
        `${bilan.lues} lignes lues en ${(bilan.dureeMs / 1000).toFixed(1)} s : ${bilan.creees} créées, ${bilan.modifiees} modifiées, ${bilan.inchangees} inchangées.`,
        `Ignorées (ni lycée ni supérieur) : ${ignorees || 'aucune'}.`,
        `Rejetées : ${bilan.rejetees}${bilan.exemplesRejets.length ? `\n  ${bilan.exemplesRejets.join('\n  ')}` : ''}`,
        values['desactiver-absents'] ? `Désactivées (absentes du fichier) : ${bilan.desactivees}.` : '',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigValidationError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
