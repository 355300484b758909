import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/roles';
import { Clock } from '../common/clock/clock';
import { NotFound } from '../common/errors/domain-errors';
import { ScolariteDto } from './dto/scolarite.dto';
import { ImportScolarite } from './entities/import-scolarite.entity';
import { STUDENT_RECORDS, StudentRecord, StudentRecordsPort } from './student-records/student-records.port';

/** Student records of CAS candidates: fetched through the port at each login, kept as a snapshot, shown read-only. */
@Injectable()
export class ScolariteService {
  private readonly logger = new Logger(ScolariteService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(STUDENT_RECORDS) private readonly records: StudentRecordsPort,
    private readonly clock: Clock,
  ) {}

  /** The student a CAS login identifies, or null. An SI Scol that fails is logged: the login goes on without it. */
  async fetch(key: { casLogin: string; codeEtudiant: string | null }): Promise<StudentRecord | null> {
    try {
      return await this.records.findByLogin(key);
    } catch (error) {
      this.logger.warn({ err: error, casLogin: key.casLogin, source: this.records.source }, 'Données de scolarité non lues');
      return null;
    }
  }

  /** The student of an INE, or null; an SI Scol that fails is logged and the save goes on without it. */
  async fetchByIne(ine: string): Promise<StudentRecord | null> {
    try {
      return await this.records.findByIne(ine);
    } catch (error) {
      this.logger.warn({ err: error, source: this.records.source }, 'Données de scolarité non lues (INE)');
      return null;
    }
  }

  /** Replaces the candidate's snapshot (two logins at once: the last write wins, both hold the same data). */
  async saveSnapshot(compteCandidatId: number, record: StudentRecord): Promise<void> {
    await this.dataSource.getRepository(ImportScolarite).upsert(
      {
        compteCandidatId,
        source: this.records.source,
        codeEtudiant: record.codeEtudiant,
        donnees: JSON.stringify(record),
        importedAt: this.clock.now(),
      },
      ['compteCandidatId'],
    );
  }

  /** The candidate's snapshot, or null when nothing was imported. */
  async snapshotOf(compteCandidatId: number): Promise<ScolariteDto | null> {
    const row = await this.dataSource.getRepository(ImportScolarite).findOneBy({ compteCandidatId });
    return row && toDto(row, JSON.parse(row.donnees) as StudentRecord);
  }

  async mySnapshot(principal: Principal): Promise<ScolariteDto> {
    const snapshot = await this.snapshotOf(principal.id);
    if (!snapshot) {
      throw new NotFound(
        'AUCUNE_DONNEE_SCOLARITE',
        "Aucune donnée de scolarité de l'université n'est associée à votre compte : elles sont lues quand vous vous connectez par le CAS de l'université.",
      );
    }
    return snapshot;
  }
}

function toDto(row: ImportScolarite, r: StudentRecord): ScolariteDto {
  const i = r.identite;
  return {
    source: row.source,
    codeEtudiant: row.codeEtudiant,
    importedAt: row.importedAt.toISOString(),
    ine: r.ine,
    identite: {
      civilite: i.civilite,
      nomNaissance: i.nomNaissance,
      nomUsage: i.nomUsage,
      prenom: i.prenom,
      autresPrenoms: i.autresPrenoms,
      dateNaissance: i.dateNaissance,
      communeNaissance: i.communeNaissance,
      libelleCommuneNaissance: i.libelleCommuneNaissance,
      paysNaissance: i.paysNaissance,
      nationalite: i.nationalite,
      email: i.email,
      telephone: i.telephone,
    },
    adresse: r.adresse && {
      ligne1: r.adresse.ligne1,
      ligne2: r.adresse.ligne2,
      ligne3: r.adresse.ligne3,
      codePostal: r.adresse.codePostal,
      commune: r.adresse.commune,
      libelleCommune: r.adresse.libelleCommune,
      pays: r.adresse.pays,
    },
    bac: r.bac && {
      annee: r.bac.annee,
      serie: r.bac.serie,
      mention: r.bac.mention,
      etablissement: r.bac.etablissement,
      departement: r.bac.departement,
    },
    cursusInterne: r.cursusInterne.map((c) => ({
      annee: c.annee,
      codeFormation: c.codeFormation,
      libelleFormation: c.libelleFormation,
      resultat: c.resultat,
      mention: c.mention,
    })),
  };
}
