import { createReadStream, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { EtablissementsImportService } from '../src/referentiel/etablissements-import.service';
import { commande } from './lib/commande';

/**
 * Loads établissements from a national directory's CSV export into the configured database (upsert by UAI):
 *   npm run referentiel:etablissements -- --fichier fr-en-annuaire-education.csv [--desactiver-absents]
 * The Annuaire de l'éducation gives the lycées, the higher-education directory the universities and schools. The
 * running instances pick the change up within a minute.
 */
commande(lireOptions, executer);

function lireOptions() {
  const { values } = parseArgs({ options: { fichier: { type: 'string' }, 'desactiver-absents': { type: 'boolean', default: false } } });
  const fichier = values.fichier;
  if (!fichier) throw new Error('Option manquante : --fichier <chemin du CSV>');
  if (!existsSync(fichier)) throw new Error(`Fichier introuvable : ${fichier}`);
  return { fichier, desactiverAbsents: values['desactiver-absents'] === true };
}

async function executer(app: INestApplicationContext, { fichier, desactiverAbsents }: ReturnType<typeof lireOptions>): Promise<void> {
  const bilan = await app.get(EtablissementsImportService).importer(createReadStream(fichier), { desactiverAbsents });
  const ignorees = Object.entries(bilan.ignorees)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
  process.stdout.write(
    [
      `${bilan.lues} lignes lues en ${(bilan.dureeMs / 1000).toFixed(1)} s : ${bilan.creees} créées, ${bilan.modifiees} modifiées, ${bilan.inchangees} inchangées.`,
      `Ignorées (ni lycée ni supérieur) : ${ignorees || 'aucune'}.`,
      `Rejetées : ${bilan.rejetees}${bilan.exemplesRejets.length ? `\n  ${bilan.exemplesRejets.join('\n  ')}` : ''}`,
      desactiverAbsents ? `Désactivées (absentes du fichier) : ${bilan.desactivees}.` : '',
    ]
      .filter(Boolean)
      .join('\n') + '\n',
  );
}
