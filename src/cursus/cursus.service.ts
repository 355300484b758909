import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { FieldError } from '../common/errors/domain-errors';
import { CodeCheck, ReferentielService } from '../referentiel/referentiel.service';
import { CursusDto, CursusExterneDto, CursusExterneInput, ExperienceProDto, ExperienceProInput, StageDto, StageInput } from './dto/cursus.dto';
import { CursusExterne } from './entities/cursus-externe.entity';
import { ExperiencePro } from './entities/experience-pro.entity';
import { Stage } from './entities/stage.entity';
import { OwnedRows, RowKind } from './owned-rows';

const FRANCE = 'FR';

const CURSUS_EXTERNE: RowKind<CursusExterne, CursusExterneInput, CursusExterneDto> = {
  entity: CursusExterne,
  notFound: { code: 'CURSUS_EXTERNE_INTROUVABLE', detail: "Cette année de cursus externe n'est pas (ou plus) dans votre dossier." },
  plural: 'années de cursus externe',
  check(input) {
    const errors: FieldError[] = [];
    const codes: CodeCheck[] = [
      { field: 'pays', kind: 'pays', code: input.pays },
      { field: 'typeDiplome', kind: 'typeDiplome', code: input.typeDiplome },
    ];
    // Département, commune and UAI only exist in France; abroad they are ignored, as the reference system's form hides them.
    if (input.pays === FRANCE) {
      if (input.departement) codes.push({ field: 'departement', kind: 'departement', code: input.departement });
      if (input.commune) codes.push({ field: 'commune', kind: 'commune', code: input.commune, departement: input.departement });
      if (input.etablissement) {
        codes.push({ field: 'etablissement', kind: 'etablissement', code: input.etablissement });
        if (input.libelleEtablissement) {
          errors.push({ field: 'libelleEtablissement', message: "ne se renseigne que pour un établissement absent de la liste : laissez-le vide quand « etablissement » est choisi" });
        }
      }
    }
    if (input.mention) codes.push({ field: 'mention', kind: 'mention', code: input.mention });
    return { errors, codes };
  },
  columns(input) {
    const enFrance = input.pays === FRANCE;
    const etablissement = enFrance ? (input.etablissement ?? null) : null;
    return {
      annee: input.annee,
      pays: input.pays,
      departement: enFrance ? (input.departement ?? null) : null,
      commune: enFrance ? (input.commune ?? null) : null,
      etablissement,
      libelleEtablissement: etablissement ? null : input.libelleEtablissement || null,
      typeDiplome: input.typeDiplome,
      libelle: input.libelle,
      resultat: input.resultat,
      mention: input.mention ?? null,
    };
  },
  toDto: (c) => ({
    id: c.id,
    version: c.version,
    annee: c.annee,
    pays: c.pays,
    departement: c.departement ?? undefined,
    commune: c.commune ?? undefined,
    etablissement: c.etablissement ?? undefined,
    libelleEtablissement: c.libelleEtablissement ?? undefined,
    typeDiplome: c.typeDiplome,
    libelle: c.libelle,
    resultat: c.resultat,
    mention: c.mention ?? undefined,
  }),
};

const STAGE: RowKind<Stage, StageInput, StageDto> = {
  entity: Stage,
  notFound: { code: 'STAGE_INTROUVABLE', detail: "Ce stage n'est pas (ou plus) dans votre dossier." },
  plural: 'stages',
  check: () => ({ errors: [], codes: [] }),
  columns: (input) => ({
    annee: input.annee,
    duree: input.duree,
    heuresParSemaine: input.heuresParSemaine ?? null,
    organisme: input.organisme,
    descriptif: input.descriptif,
  }),
  toDto: (s) => ({
    id: s.id,
    version: s.version,
    annee: s.annee,
    duree: s.duree,
    heuresParSemaine: s.heuresParSemaine ?? undefined,
    organisme: s.organisme,
    descriptif: s.descriptif,
  }),
};

const EXPERIENCE_PRO: RowKind<ExperiencePro, ExperienceProInput, ExperienceProDto> = {
  entity: ExperiencePro,
  notFound: { code: 'EXPERIENCE_PRO_INTROUVABLE', detail: "Cette expérience professionnelle n'est pas (ou plus) dans votre dossier." },
  plural: 'expériences professionnelles',
  check: () => ({ errors: [], codes: [] }),
  columns: (input) => ({
    annee: input.annee,
    duree: input.duree,
    intitule: input.intitule,
    organisme: input.organisme,
    descriptif: input.descriptif || null,
  }),
  toDto: (e) => ({
    id: e.id,
    version: e.version,
    annee: e.annee,
    duree: e.duree,
    intitule: e.intitule,
    organisme: e.organisme,
    descriptif: e.descriptif ?? undefined,
  }),
};

/**
 * What the candidate declares of their studies and work outside the university: cursus externe (one row per
 * academic year), stages, expériences professionnelles. Each list is scoped to its owner and versioned row by row.
 */
@Injectable()
export class CursusService {
  readonly cursusExterne: OwnedRows<CursusExterne, CursusExterneInput, CursusExterneDto>;
  readonly stages: OwnedRows<Stage, StageInput, StageDto>;
  readonly experiencesPro: OwnedRows<ExperiencePro, ExperienceProInput, ExperienceProDto>;

  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock, referentiel: ReferentielService) {
    const deps = { dataSource, clock, referentiel };
    this.cursusExterne = new OwnedRows(deps, CURSUS_EXTERNE);
    this.stages = new OwnedRows(deps, STAGE);
    this.experiencesPro = new OwnedRows(deps, EXPERIENCE_PRO);
  }

  /** The three lists of a candidate, for the whole file and staff reads. */
  async ofCompte(compteCandidatId: number): Promise<CursusDto> {
    const [cursusExterne, stages, experiencesPro] = await Promise.all([
      this.cursusExterne.list(compteCandidatId),
      this.stages.list(compteCandidatId),
      this.experiencesPro.list(compteCandidatId),
    ]);
    return { cursusExterne, stages, experiencesPro };
  }
}
