import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BOM, Cellule, ligneCsv } from '../common/csv/csv';
import { Clock } from '../common/clock/clock';
import { LigneOpi, OpiPort } from './opi.port';

const COLONNES: [string, (l: LigneOpi) => Cellule][] = [
  ['nature', (l) => l.nature],
  ['code_opi', (l) => l.codeOpi],
  ['numero_dossier', (l) => l.numeroDossier],
  ['ine', (l) => l.ine],
  ['civilite', (l) => l.civilite],
  ['nom_naissance', (l) => l.nomNaissance],
  ['nom_usage', (l) => l.nomUsage],
  ['prenom', (l) => l.prenom],
  ['date_naissance', (l) => l.dateNaissance],
  ['email', (l) => l.email],
  ['code_formation', (l) => l.codeFormation],
  ['libelle_formation', (l) => l.libelleFormation],
  ['code_centre', (l) => l.codeCentre],
  ['date_reponse', (l) => l.dateReponse],
];

/** The file of one batch: UTF-8 with BOM, `;`, a header line, one line per admission or withdrawal. */
export function fichierOpi(lignes: LigneOpi[]): string {
  return BOM + ligneCsv(COLONNES.map(([titre]) => titre)) + lignes.map((l) => ligneCsv(COLONNES.map(([, valeur]) => valeur(l)))).join('');
}

// fr-CA writes dates as YYYY-MM-DD; the parts are read one by one anyway.
const parisTime = new Intl.DateTimeFormat('fr-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `AAAAMMJJ-HHmmss` in Europe/Paris. */
function horodatage(instant: Date): string {
  const p = Object.fromEntries(parisTime.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
}

/**
 * OPI_ADAPTER=file: each batch becomes one CSV file in OPI_DIR, named `opi-AAAAMMJJ-HHmmss-<n>.csv` (Paris time,
 * `n` from 1, the first name not taken: a file is never overwritten), for the SI Scol (or a script of the
 * university) to import. The file is written under a hidden temporary name and renamed once complete and flushed,
 * so whoever watches the folder never reads half a file. One job run writes at a time (job lease), so choosing the
 * free name and renaming cannot race.
 */
export class FileOpi implements OpiPort {
  readonly source = 'file';

  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
  ) {}

  async envoyer(lignes: LigneOpi[]): Promise<{ lot: string }> {
    const temporaire = join(this.dir, `.opi-${randomUUID()}.tmp`);
    try {
      await mkdir(this.dir, { recursive: true });
      const fichier = await open(temporaire, 'wx');
      try {
        await fichier.writeFile(fichierOpi(lignes), 'utf8');
        await fichier.sync();
      } finally {
        await fichier.close();
      }
      const lot = this.nomLibre();
      await rename(temporaire, join(this.dir, lot));
      return { lot };
    } catch (error) {
      await rm(temporaire, { force: true }).catch(() => undefined);
      throw new Error(`OPI_DIR : impossible d'écrire le fichier OPI dans ${this.dir} (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private nomLibre(): string {
    const base = `opi-${horodatage(this.clock.now())}`;
    for (let n = 1; ; n++) {
      const nom = `${base}-${n}.csv`;
      if (!existsSync(join(this.dir, nom))) return nom;
    }
  }
}
