import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stream as excel } from 'exceljs';
import { AsyncResource } from 'node:async_hooks';
import { PassThrough, Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { STATUT_DOSSIER_LIBELLES, TYPE_TRAITEMENT_LIBELLES } from '../../candidature/candidature-rules';
import { DESISTEMENT_AUTO, codeOpiDe, reponseDe } from '../../candidature/decisions';
import { Principal } from '../../common/auth/roles';
import { Clock, formatDate, parisDate } from '../../common/clock/clock';
import { Pays } from '../../referentiel/entities';
import { TYPE_AVIS_LIBELLES } from '../../candidature/avis/avis-rules';
import { MotifAvis } from '../../candidature/entities/motif-avis.entity';
import { BOM, Cellule, ligneCsv } from '../../common/csv/csv';
import { FiltresCandidaturesDto } from './dto/liste-candidatures.dto';
import { LigneCandidature, TAILLE_PAGE_EXPORT, idsDe, lignes, pageExport, resoudreFiltres } from './requete-candidatures';

/** Rows read per query: the export holds one page at a time, whatever the size of the list. */
export const TAILLE_PAGE = TAILLE_PAGE_EXPORT;

export type FormatExport = 'csv' | 'xlsx';

/** A file being produced: the stream to send, its type and the name to save it under. */
export interface FichierExport {
  stream: Readable;
  type: string;
  nom: string;
}

interface Libelles {
  nationalites: Map<string, string>;
  motifs: Map<string, string>;
}

const heureParis = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const instant = (d: Date | null | undefined): Cellule => (d ? heureParis.format(d) : null);
/** YYYY-MM-DD as French spreadsheets show dates */
const date = (d: string | null | undefined): Cellule => (d ? formatDate(d) : null);
const ouiNon = (b: boolean) => (b ? 'Oui' : 'Non');
const CIVILITES: Record<string, string> = { M: 'M.', MME: 'Mme' };

/** The reference's main columns of a candidature export (§6), in its order, with French headers. */
const COLONNES: [entete: string, valeur: (c: LigneCandidature, l: Libelles) => Cellule][] = [
  ['Numéro de dossier', (c) => c.compteCandidat.numeroDossier],
  ['Civilité', (c) => (c.candidat ? CIVILITES[c.candidat.civilite] : null)],
  ['Nom de naissance', (c) => c.candidat?.nomNaissance ?? null],
  ["Nom d'usage", (c) => c.candidat?.nomUsage ?? null],
  ['Prénom', (c) => c.candidat?.prenom ?? null],
  ['Date de naissance', (c) => date(c.candidat?.dateNaissance)],
  ['Nationalité', (c, l) => (c.candidat ? (l.nationalites.get(c.candidat.nationalite) ?? c.candidat.nationalite) : null)],
  ['INE', (c) => c.candidat?.ine ?? null],
  ['E-mail', (c) => c.compteCandidat.email],
  ['Téléphone portable', (c) => c.candidat?.telephonePortable ?? null],
  ['Code formation', (c) => c.formation.code],
  ['Libellé formation', (c) => c.formation.libelle],
  ['Commission', (c) => c.formation.commission.libelle],
  ['Date de candidature', (c) => instant(c.createdAt)],
  ['Date de transmission', (c) => instant(c.transmiseAt)],
  ['Statut du dossier', (c) => STATUT_DOSSIER_LIBELLES[c.statutDossier]],
  ['Date du statut', (c) => instant(c.statutDossierAt)],
  ['Type de traitement', (c) => TYPE_TRAITEMENT_LIBELLES[c.typeTraitement]],
  ['Traitement validé', (c) => ouiNon(c.typeTraitementValide)],
  ['Avis', (c) => (c.avisCourant ? TYPE_AVIS_LIBELLES[c.avisCourant.type] : null)],
  ['Avis validé', (c) => (c.avisCourant ? ouiNon(c.avisCourant.valide) : null)],
  ['Motif', (c, l) => (c.avisCourant?.motif ? (l.motifs.get(c.avisCourant.motif) ?? c.avisCourant.motif) : null)],
  ['Rang saisi', (c) => c.avisCourant?.rang ?? null],
  ['Rang liste complémentaire', (c) => c.rangListeComplementaire],
  ['Réponse', (c) => reponseDe(c)?.libelle ?? null],
  ['Date de réponse', (c) => instant(c.accepteeAt)],
  ['Désistement automatique', (c) => (c.acceptee === false ? ouiNon(c.acceptePar === DESISTEMENT_AUTO) : null)],
  ['Code OPI', (c) => codeOpiDe(c)],
  ["Date d'annulation", (c) => instant(c.annuleeAt)],
];
export const ENTETES = COLONNES.map(([entete]) => entete);

/**
 * Exports of the staff list (same filters, same scope) as CSV or XLSX, streamed: rows are read by keyset pages of
 * TAILLE_PAGE on the id and written to the response as they come, and the next page is only read once the client
 * has taken the previous one (stream backpressure), so memory stays flat whatever the number of rows.
 */
@Injectable()
export class ExportCandidaturesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads the labels and the first page before answering: a failure there is still a problem+json response; once
   * bytes are sent, a failure cuts the download short (never a file that looks complete).
   */
  async exporter(principal: Principal, filtres: FiltresCandidaturesDto, format: FormatExport): Promise<FichierExport> {
    // Later pages are read from stream callbacks: keep them in this request's unit of work (sqlite-gate).
    const resolus = await resoudreFiltres(this.dataSource, principal, filtres);
    // Each page: the next ids from the candidature table alone (its primary key, from where the last page ended), then their rows.
    const lire = AsyncResource.bind(async (apres: number) =>
      lignes(this.dataSource, principal, await idsDe(pageExport(this.dataSource, resolus, apres))),
    );
    const [libelles, premiere] = await Promise.all([this.libelles(), lire(0)]);
    async function* pages(): AsyncGenerator<LigneCandidature[]> {
      let page = premiere;
      while (page.length > 0) {
        yield page;
        if (page.length < TAILLE_PAGE) return;
        page = await lire(page[page.length - 1].id);
      }
    }
    const valeurs = (c: LigneCandidature) => COLONNES.map(([, valeur]) => valeur(c, libelles));
    const nom = `candidatures-${parisDate(this.clock.now())}.${format}`;
    if (format === 'csv') return { stream: csv(pages(), valeurs), type: 'text/csv; charset=utf-8', nom };
    return { stream: xlsx(pages(), valeurs), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', nom };
  }

  private async libelles(): Promise<Libelles> {
    const [pays, motifs] = await Promise.all([
      this.dataSource.getRepository(Pays).find({ select: { code: true, nationalite: true } }),
      this.dataSource.getRepository(MotifAvis).find({ select: { code: true, libelle: true } }),
    ]);
    return {
      nationalites: new Map(pays.filter((p) => p.nationalite).map((p) => [p.code, p.nationalite as string])),
      motifs: new Map(motifs.map((m) => [m.code, m.libelle])),
    };
  }
}

/** UTF-8 with a BOM, one line written per row; Readable.from only asks for more when its buffer has room. */
function csv(pages: AsyncIterable<LigneCandidature[]>, valeurs: (c: LigneCandidature) => Cellule[]): Readable {
  async function* lignes(): AsyncGenerator<string> {
    yield BOM + ligneCsv(ENTETES);
    for await (const page of pages) for (const c of page) yield ligneCsv(valeurs(c));
  }
  return Readable.from(lignes(), { objectMode: false, highWaterMark: 64 * 1024 });
}

/**
 * exceljs's streaming writer: each row is committed (serialised into the zip) as soon as it is added; between two
 * pages the writer waits for the response to drain. Cells are plain text (never formulas), so no neutralising.
 */
function xlsx(pages: AsyncIterable<LigneCandidature[]>, valeurs: (c: LigneCandidature) => Cellule[]): Readable {
  const sortie = new PassThrough({ highWaterMark: 64 * 1024 });
  const classeur = new excel.xlsx.WorkbookWriter({ stream: sortie, useStyles: false, useSharedStrings: false });
  const feuille = classeur.addWorksheet('Candidatures');
  feuille.columns = ENTETES.map((header) => ({ header, width: Math.max(12, header.length + 2) }));
  void (async () => {
    for await (const page of pages) {
      for (const c of page) feuille.addRow(valeurs(c)).commit();
      if (sortie.writableNeedDrain) await vidange(sortie);
      // The client went away: stop reading pages.
      if (sortie.destroyed) return;
    }
    feuille.commit();
    await classeur.commit();
  })().catch((error: unknown) => sortie.destroy(error as Error));
  return sortie;
}

/** Until the stream has room again, or is closed. */
function vidange(s: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      s.off('drain', done).off('close', done);
      resolve();
    };
    s.on('drain', done).on('close', done);
  });
}
