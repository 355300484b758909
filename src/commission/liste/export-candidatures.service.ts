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
import { TAILLE_PAGE_EXPORT, pagesExport, resoudreFiltres } from './requete-candidatures';
import { Candidature } from '../../candidature/entities/candidature.entity';
import { TypeAvis } from '../../candidature/entities/avis.entity';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { Candidat } from '../../candidat/entities/candidat.entity';

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

/** What an export writes of a candidature, read as raw values (pagesExport): name → `alias.property`. */
export const CHAMPS_EXPORT = {
  id: 'c.id',
  numeroDossier: 'cc.numeroDossier',
  email: 'cc.email',
  civilite: 'cd.civilite',
  nomNaissance: 'cd.nomNaissance',
  nomUsage: 'cd.nomUsage',
  prenom: 'cd.prenom',
  dateNaissance: 'cd.dateNaissance',
  nationalite: 'cd.nationalite',
  ine: 'cd.ine',
  telephonePortable: 'cd.telephonePortable',
  codeFormation: 'f.code',
  libelleFormation: 'f.libelle',
  commission: 'cm.libelle',
  createdAt: 'c.createdAt',
  transmiseAt: 'c.transmiseAt',
  statutDossier: 'c.statutDossier',
  statutDossierAt: 'c.statutDossierAt',
  typeTraitement: 'c.typeTraitement',
  typeTraitementValide: 'c.typeTraitementValide',
  avisType: 'a.type',
  avisValide: 'a.valide',
  avisMotif: 'a.motif',
  avisRang: 'a.rang',
  rangListeComplementaire: 'c.rangListeComplementaire',
  acceptee: 'c.acceptee',
  accepteeAt: 'c.accepteeAt',
  acceptePar: 'c.acceptePar',
  codeOpi: 'c.codeOpi',
  annuleeAt: 'c.annuleeAt',
} as const;

/** A row of an export: the candidature's own fields under their names, the others (null without identity or avis) flattened. */
type LigneExport = Pick<
  Candidature,
  | 'id'
  | 'createdAt'
  | 'transmiseAt'
  | 'statutDossier'
  | 'statutDossierAt'
  | 'typeTraitement'
  | 'typeTraitementValide'
  | 'rangListeComplementaire'
  | 'acceptee'
  | 'accepteeAt'
  | 'acceptePar'
  | 'codeOpi'
  | 'annuleeAt'
> &
  Pick<CompteCandidat, 'numeroDossier' | 'email'> & {
    [K in 'civilite' | 'nomNaissance' | 'nomUsage' | 'prenom' | 'dateNaissance' | 'nationalite' | 'ine' | 'telephonePortable']: Candidat[K] | null;
  } & {
    codeFormation: string;
    libelleFormation: string;
    commission: string;
    avisType: TypeAvis | null;
    avisValide: boolean | null;
    avisMotif: string | null;
    avisRang: number | null;
  };

/** The reference's main columns of a candidature export (§6), in its order, with French headers. */
const COLONNES: [entete: string, valeur: (c: LigneExport, l: Libelles) => Cellule][] = [
  ['Numéro de dossier', (c) => c.numeroDossier],
  ['Civilité', (c) => (c.civilite === null ? null : CIVILITES[c.civilite])],
  ['Nom de naissance', (c) => c.nomNaissance],
  ["Nom d'usage", (c) => c.nomUsage],
  ['Prénom', (c) => c.prenom],
  ['Date de naissance', (c) => date(c.dateNaissance)],
  ['Nationalité', (c, l) => (c.nationalite === null ? null : (l.nationalites.get(c.nationalite) ?? c.nationalite))],
  ['INE', (c) => c.ine],
  ['E-mail', (c) => c.email],
  ['Téléphone portable', (c) => c.telephonePortable],
  ['Code formation', (c) => c.codeFormation],
  ['Libellé formation', (c) => c.libelleFormation],
  ['Commission', (c) => c.commission],
  ['Date de candidature', (c) => instant(c.createdAt)],
  ['Date de transmission', (c) => instant(c.transmiseAt)],
  ['Statut du dossier', (c) => STATUT_DOSSIER_LIBELLES[c.statutDossier]],
  ['Date du statut', (c) => instant(c.statutDossierAt)],
  ['Type de traitement', (c) => TYPE_TRAITEMENT_LIBELLES[c.typeTraitement]],
  ['Traitement validé', (c) => ouiNon(c.typeTraitementValide)],
  ['Avis', (c) => (c.avisType === null ? null : TYPE_AVIS_LIBELLES[c.avisType])],
  ['Avis validé', (c) => (c.avisType === null ? null : ouiNon(c.avisValide === true))],
  ['Motif', (c, l) => (c.avisMotif ? (l.motifs.get(c.avisMotif) ?? c.avisMotif) : null)],
  ['Rang saisi', (c) => c.avisRang],
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
 * TAILLE_PAGE on the id, as raw values (one statement a page, no entity built), and written to the response as they
 * come; a page is only asked for once the client has taken the one before the previous (stream backpressure), so
 * memory stays flat whatever the number of rows.
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
    const resolus = await resoudreFiltres(this.dataSource, principal, filtres);
    const requete = pagesExport<LigneExport>(this.dataSource, principal, resolus, CHAMPS_EXPORT);
    // Later pages are read from stream callbacks: keep them in this request's unit of work (sqlite-gate).
    const lire = AsyncResource.bind((apres: number) => requete.lire(apres));
    const [libelles, premiere] = await Promise.all([this.libelles(), lire(0)]);
    /**
     * Each page is asked for as the previous one is handed over, so the database works while it is written: at most
     * the page being written and the next one in memory. A page left unread (the client went away) is let go.
     */
    async function* pages(): AsyncGenerator<LigneExport[]> {
      let page = premiere;
      while (page.length > 0) {
        const suivante = page.length < TAILLE_PAGE ? null : lire(page[page.length - 1].id);
        suivante?.catch(() => undefined);
        yield page;
        if (!suivante) return;
        page = await suivante;
      }
    }
    const valeurs = (c: LigneExport) => COLONNES.map(([, valeur]) => valeur(c, libelles));
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

/**
 * Characters written at a time: lines are gathered up to this (a buffer per line is a million small ones), and no
 * more, so every chunk dies young in V8's new space (strings over 128 KB are only freed by a full collection).
 */
const TAILLE_MORCEAU = 16 * 1024;

/** UTF-8 with a BOM, in chunks of about TAILLE_MORCEAU; Readable.from only asks for more when its buffer has room. */
function csv(pages: AsyncIterable<LigneExport[]>, valeurs: (c: LigneExport) => Cellule[]): Readable {
  async function* lignes(): AsyncGenerator<string> {
    yield BOM + ligneCsv(ENTETES);
    for await (const page of pages) {
      let morceau = '';
      for (const c of page) {
        morceau += ligneCsv(valeurs(c));
        if (morceau.length >= TAILLE_MORCEAU) {
          yield morceau;
          morceau = '';
        }
      }
      if (morceau) yield morceau;
    }
  }
  return Readable.from(lignes(), { objectMode: false, highWaterMark: 64 * 1024 });
}

/**
 * exceljs's streaming writer: each row is committed (serialised into the zip) as soon as it is added; between two
 * pages the writer waits for the response to drain. Cells are plain text (never formulas), so no neutralising.
 */
function xlsx(pages: AsyncIterable<LigneExport[]>, valeurs: (c: LigneExport) => Cellule[]): Readable {
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
