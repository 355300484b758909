import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncResource } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { MotifAvis } from '../../candidature/entities/motif-avis.entity';
import { Principal } from '../../common/auth/roles';
import { Clock, parisDate } from '../../common/clock/clock';
import { BOM, Cellule, ligneCsv } from '../../common/csv/csv';
import { texteEnFlux } from '../../common/flux/texte-en-flux';
import { TYPE_XLSX, xlsxEnFlux } from '../../common/xlsx/xlsx';
import { Departement, Mention, Pays, SerieBac, SpecialiteBac } from '../../referentiel/entities';
import { FichierExport } from '../fichier';
import { CATALOGUE, COMPLEMENTS, GROUPES, JOINTURES, LigneExport, Libelles, choisirColonnes } from './colonnes-export';
import { ColonneExportDto, ExportCandidaturesQueryDto } from './dto/liste-candidatures.dto';
import { TAILLE_PAGE_EXPORT, pagesExport, resoudreFiltres } from './requete-candidatures';

/** Rows read per query: the export holds one page at a time, whatever the size of the list. */
export const TAILLE_PAGE = TAILLE_PAGE_EXPORT;

export type FormatExport = 'csv' | 'xlsx';

/**
 * Exports of the staff list (same filters, same scope) as CSV or XLSX, with the columns chosen in the catalogue
 * (colonnes-export.ts), streamed: rows are read by keyset pages of TAILLE_PAGE on the id, as raw values (one
 * statement a page, plus one per complement the columns need; no entity built), and written to the response as they
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
  async exporter(principal: Principal, filtres: ExportCandidaturesQueryDto, format: FormatExport): Promise<FichierExport> {
    const { colonnes: parametre, ...filtresListe } = filtres;
    const choix = choisirColonnes(parametre);
    const resolus = await resoudreFiltres(this.dataSource, principal, filtresListe);
    const requete = pagesExport<LigneExport>(this.dataSource, principal, resolus, choix.champs, choix.jointures.map((alias) => JOINTURES[alias]));
    const em = this.dataSource.manager;
    // A page and its complements (cursus, bloc-notes): a fixed number of statements, whatever its rows.
    const lirePage = async (apres: number) => {
      const page = await requete.lire(apres);
      if (page.length > 0) await Promise.all(choix.complements.map((c) => COMPLEMENTS[c](em, page)));
      return page;
    };
    // Later pages are read from stream callbacks: keep them in this request's unit of work (sqlite-gate).
    const lire = AsyncResource.bind(lirePage);
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
    const entetes = choix.colonnes.map((c) => c.entete);
    const valeurs = (l: LigneExport) => choix.colonnes.map((c) => c.valeur(l, libelles));
    const nom = `candidatures-${parisDate(this.clock.now())}.${format}`;
    if (format === 'csv') return { stream: csv(entetes, pages(), valeurs), type: 'text/csv; charset=utf-8', nom };
    async function* cellules(): AsyncGenerator<Cellule[][]> {
      for await (const page of pages()) yield page.map(valeurs);
    }
    return { stream: xlsxEnFlux('Candidatures', entetes, cellules()), type: TYPE_XLSX, nom };
  }

  /** The catalogue of columns, as GET /api/candidatures/export/colonnes lists it. */
  catalogue(): ColonneExportDto[] {
    return CATALOGUE.map((c) => ({ code: c.code, entete: c.entete, groupe: c.groupe, libelleGroupe: GROUPES[c.groupe], description: c.description, parDefaut: c.parDefaut === true }));
  }

  /** The small reference tables' labels, read once per export. */
  private async libelles(): Promise<Libelles> {
    const libelles = <E extends { code: string; libelle: string }>(entite: new () => E) =>
      this.dataSource
        .getRepository<{ code: string; libelle: string }>(entite)
        .find({ select: { code: true, libelle: true } })
        .then((rows) => new Map(rows.map((r) => [r.code, r.libelle])));
    const [pays, motifs, series, mentions, specialites, departements] = await Promise.all([
      this.dataSource.getRepository(Pays).find({ select: { code: true, libelle: true, nationalite: true } }),
      libelles(MotifAvis),
      libelles(SerieBac),
      libelles(Mention),
      libelles(SpecialiteBac),
      libelles(Departement),
    ]);
    return {
      nationalites: new Map(pays.filter((p) => p.nationalite).map((p) => [p.code, p.nationalite as string])),
      pays: new Map(pays.map((p) => [p.code, p.libelle])),
      motifs,
      series,
      mentions,
      specialites,
      departements,
    };
  }
}

/** UTF-8 with a BOM, for French Excel. */
function csv(entetes: string[], pages: AsyncIterable<LigneExport[]>, valeurs: (c: LigneExport) => Cellule[]): Readable {
  return texteEnFlux(BOM + ligneCsv(entetes), pages, (c) => ligneCsv(valeurs(c)));
}
