import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import communesData from '@etalab/decoupage-administratif/data/communes.json';
import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import countries from 'i18n-iso-countries';
import countriesFr from 'i18n-iso-countries/langs/fr.json';
import nationalitesFr from 'i18n-nationality/langs/fr.json';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { normalizeForSearch } from '../common/text/normalize';
import {
  Commune,
  CommuneCodePostal,
  Departement,
  Etablissement,
  Mention,
  Pays,
  SerieBac,
  SpecialiteBac,
  TypeDiplome,
} from './entities';
import { ETABLISSEMENTS } from './data/etablissements';
import { ReferentielService } from './referentiel.service';
import { MENTIONS, SERIES_BAC, SPECIALITES_BAC, TYPES_DIPLOME } from './data/series-bac';

countries.registerLocale(countriesFr);

const withSearch = <T extends { libelle: string }>(rows: T[]) =>
  rows.map((r) => ({ ...r, libelleRecherche: normalizeForSearch(r.libelle) }));

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  population?: number;
  codesPostaux?: string[];
}

/**
 * Loads the reference data from the published packages (COG of INSEE through @etalab/decoupage-administratif,
 * ISO 3166 through i18n-iso-countries) and the service's own nomenclatures. Idempotent: a table holding fewer rows
 * than the source gets the missing ones, existing rows are left alone, so concurrent instances can run it at once.
 */
@Injectable()
export class ReferentielImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferentielImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referentiel: ReferentielService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The snapshot is loaded now in any case, before the first request (importMissing loads it after a change).
    if (Object.keys(await this.importMissing()).length === 0) await this.referentiel.charger();
  }

  async importMissing(): Promise<Record<string, number>> {
    const communes = (communesData as EtalabCommune[]).filter((c) => c.type === 'commune-actuelle' && c.departement);
    const sources: [EntityTarget<ObjectLiteral>, string, () => ObjectLiteral[]][] = [
      [Pays, 'pays', () => this.pays()],
      [Departement, 'departement', () =>
        departementsData.map((d) => ({ code: d.code, libelle: d.nom, codeRegion: d.region, libelleRecherche: normalizeForSearch(d.nom) })),
      ],
      [Commune, 'commune', () =>
        communes.map((c) => ({
          code: c.code,
          libelle: c.nom,
          departementCode: c.departement,
          population: c.population ?? null,
          libelleRecherche: normalizeForSearch(c.nom),
        })),
      ],
      [CommuneCodePostal, 'commune_code_postal', () =>
        communes.flatMap((c) => [...new Set(c.codesPostaux ?? [])].map((codePostal) => ({ communeCode: c.code, codePostal }))),
      ],
      [SerieBac, 'serie_bac', () => withSearch(SERIES_BAC)],
      [SpecialiteBac, 'specialite_bac', () => withSearch(SPECIALITES_BAC)],
      [Mention, 'mention', () => withSearch(MENTIONS)],
      [TypeDiplome, 'type_diplome', () => withSearch(TYPES_DIPLOME)],
      [Etablissement, 'etablissement', () => withSearch(ETABLISSEMENTS)],
    ];
    const inserted: Record<string, number> = {};
    await this.dataSource.transaction(async (em) => {
      for (const [entity, name, rows] of sources) {
        const source = rows();
        const present = await em.count(entity);
        if (present >= source.length) continue;
        inserted[name] = await this.insertIgnoringExisting(em, entity, source);
      }
    });
    if (Object.keys(inserted).length > 0) {
      await this.referentiel.charger();
      this.logger.log(`Référentiels chargés : ${JSON.stringify(inserted)}`);
    }
    return inserted;
  }

  private pays() {
    const nationalites = (nationalitesFr as { nationalities: Record<string, string> }).nationalities;
    return Object.entries(countries.getNames('fr', { select: 'official' })).map(([code, libelle]) => ({
      code,
      codeIso3: countries.alpha2ToAlpha3(code) ?? code,
      libelle,
      nationalite: nationalites[code] ?? null,
      libelleRecherche: normalizeForSearch(libelle),
    }));
  }

  private async insertIgnoringExisting(em: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]) {
    // Bounded by SQLite's and MariaDB's placeholder limits with the widest table (6 columns).
    const chunkSize = 1000;
    for (let i = 0; i < rows.length; i += chunkSize) {
      await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + chunkSize)).orIgnore().updateEntity(false).execute();
    }
    return rows.length;
  }
}
