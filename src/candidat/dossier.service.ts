import { Inject, Injectable } from '@nestjs/common';
import { reporterIdentite } from '../candidature/liste-candidature-colonnes';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { CompteCandidat } from '../auth/entities/compte-candidat.entity';
import { Clock, parisDate } from '../common/clock/clock';
import { Langue } from '../common/i18n/langue';
import { assertVersion } from '../common/concurrency/versioned';
import { BusinessRule, Conflict, FieldError, NotFound, PreconditionFailed, ValidationFailed } from '../common/errors/domain-errors';
import { cleNumeroDossier } from '../common/text/cle-identifiant';
import { normalizeForSearch } from '../common/text/normalize';
import { AppConfig, appConfig } from '../config';
import { CursusService } from '../cursus/cursus.service';
import { isUniqueViolation } from '../database/unique-violation';
import { CodeCheck, ReferentielService } from '../referentiel/referentiel.service';
import { AdresseDto, AdresseInput, AvertissementDto, BacDto, BacInput, CoordonneesInput, DossierDto, IdentiteDto, IdentiteEnregistreeDto, IdentiteInput, ManquantDto } from './dto/dossier.dto';
import { CandidatAdresse } from './entities/candidat-adresse.entity';
import { CandidatBac } from './entities/candidat-bac.entity';
import { Candidat, Civilite } from './entities/candidat.entity';
import { checkIne, normalizeIne } from './ine/ine';
import { ScolariteService } from './scolarite.service';
import { StudentRecord } from './student-records/student-records.port';

const FRANCE = 'FR';
const required = (field: string): FieldError => ({ field, message: 'est obligatoire' });
const LOCKED = () =>
  new BusinessRule(
    'DONNEES_IMPORTEES',
    "Ces informations viennent du service de scolarité de l'université et ne peuvent pas être modifiées ici : pour les corriger, contactez la scolarité de votre composante.",
  );

const IDENTITE_VERROUILLEE = () =>
  new BusinessRule(
    'IDENTITE_VERROUILLEE',
    "Vous avez déjà candidaté : vos informations personnelles ne peuvent plus être modifiées ici (vos téléphones et votre langue restent modifiables). Pour corriger une erreur, contactez la scolarité de la formation.",
  );

type Section = Candidat | CandidatAdresse | CandidatBac;

/**
 * The candidate's file (informations personnelles, adresse, baccalauréat, plus the cursus of CursusService): each
 * section is versioned (ETag / If-Match), checked against the reference data, and the whole file tells what is
 * still missing before applying. Staff read it through the candidatures (CandidatureAccesService).
 */
@Injectable()
export class DossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly referentiel: ReferentielService,
    private readonly cursus: CursusService,
    private readonly scolarite: ScolariteService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  async dossier(compteId: number): Promise<DossierDto> {
    const compte = await this.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: compteId });
    const [identite, adresse, bac, cursus, scolarite] = await Promise.all([
      this.find(Candidat, compteId),
      this.find(CandidatAdresse, compteId),
      this.find(CandidatBac, compteId),
      this.cursus.ofCompte(compteId),
      this.scolarite.snapshotOf(compteId),
    ]);
    const manquants = await this.manquants(identite, adresse, bac);
    return {
      numeroDossier: compte.numeroDossier,
      email: compte.email,
      identite: identite && toIdentite(identite, compte.langue),
      adresse: adresse && toAdresse(adresse),
      bac: bac && toBac(bac),
      cursusInterne: scolarite?.cursusInterne ?? [],
      cursus,
      manquants,
      complet: manquants.length === 0,
    };
  }

  /** The account of a numéro de dossier (staff type it with or without spaces, in any case). */
  async compteParNumero(numeroDossier: string): Promise<CompteCandidat> {
    const compte = await this.dataSource.getRepository(CompteCandidat).findOneBy({ numeroDossier: cleNumeroDossier(numeroDossier.replace(/\s/g, '')) });
    if (!compte) throw new NotFound('DOSSIER_INTROUVABLE', `Aucun dossier ne porte le numéro ${numeroDossier}.`);
    return compte;
  }

  /** What is still missing before the candidate may apply (empty: the file is complete). */
  async manquantsOf(compteId: number): Promise<ManquantDto[]> {
    const [identite, adresse, bac] = await Promise.all([this.find(Candidat, compteId), this.find(CandidatAdresse, compteId), this.find(CandidatBac, compteId)]);
    return this.manquants(identite, adresse, bac);
  }

  /** The first candidature locks the identity, in the candidature's transaction. */
  async verrouillerIdentite(em: EntityManager, compteId: number): Promise<void> {
    await em.getRepository(Candidat).update({ compteCandidatId: compteId, identiteVerrouillee: false }, { identiteVerrouillee: true });
  }

  async identite(compteId: number): Promise<IdentiteDto> {
    const identite = await this.existing(Candidat, compteId, 'vos informations personnelles');
    return toIdentite(identite, await this.langue(compteId));
  }

  async adresse(compteId: number): Promise<AdresseDto> {
    return toAdresse(await this.existing(CandidatAdresse, compteId, 'votre adresse'));
  }

  async bac(compteId: number): Promise<BacDto> {
    return toBac(await this.existing(CandidatBac, compteId, 'votre baccalauréat'));
  }

  async saveIdentite(compteId: number, input: IdentiteInput, ifMatch: number | undefined): Promise<IdentiteEnregistreeDto> {
    const errors = [...this.birthDateErrors(input.dateNaissance)];
    if (input.paysNaissance === FRANCE) {
      if (!input.departementNaissance) errors.push(required('departementNaissance'));
      if (!input.communeNaissance) errors.push(required('communeNaissance'));
    } else if (!input.villeNaissance) {
      errors.push(required('villeNaissance'));
    }
    // Checked by @IsIne() on the way in; stored in its normal form.
    const ine = input.ine ? normalizeIne(input.ine) || null : null;
    const checks: CodeCheck[] = [
      { field: 'paysNaissance', kind: 'pays', code: input.paysNaissance },
      { field: 'nationalite', kind: 'pays', code: input.nationalite },
    ];
    if (input.paysNaissance === FRANCE && input.departementNaissance) {
      checks.push({ field: 'departementNaissance', kind: 'departement', code: input.departementNaissance });
      if (input.communeNaissance) checks.push({ field: 'communeNaissance', kind: 'commune', code: input.communeNaissance, departement: input.departementNaissance });
    }
    await this.assertValid(errors, checks);
    const compte = await this.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: compteId });
    let saved: Candidat;
    try {
      saved = await this.save(Candidat, compteId, ifMatch, {
        ...identiteColumns(compte.campagneId, {
          ...input,
          departementNaissance: input.departementNaissance ?? null,
          communeNaissance: input.communeNaissance ?? null,
          villeNaissance: input.villeNaissance ?? null,
        }),
        ine,
        telephone: input.telephone?.trim() || null,
        telephonePortable: input.telephonePortable?.trim() || null,
      });
    } catch (error) {
      if (isUniqueViolation(error) && ine) {
        throw new Conflict('INE_DEJA_UTILISE', `L'INE ${ine} est déjà celui d'un autre dossier de la campagne : vérifiez-le, ou contactez la scolarité.`);
      }
      throw error;
    }
    if (ine) await this.importByIne(compteId, saved);
    return { ...toIdentite(saved, await this.changerLangue(compteId, input.langue)), avertissements: avertissementsIne(ine) };
  }

  /**
   * A candidate who was a student here types their INE: the cursus interne comes from the student records, but only
   * when the record is theirs (same birth date and birth name), so that typing someone else's INE shows nothing.
   */
  private async importByIne(compteId: number, identite: Candidat): Promise<void> {
    const record = await this.scolarite.fetchByIne(identite.ine as string);
    if (!record) return;
    const sameBirthDate = record.identite.dateNaissance === identite.dateNaissance;
    const sameName = normalizeForSearch(record.identite.nomNaissance) === normalizeForSearch(identite.nomNaissance);
    if (sameBirthDate && sameName) await this.scolarite.saveSnapshot(compteId, record);
  }

  /** Phones and language: editable even when the identity is locked; same version as the identity. */
  async saveCoordonnees(compteId: number, input: CoordonneesInput, ifMatch: number | undefined): Promise<IdentiteDto> {
    const current = await this.existing(Candidat, compteId, 'vos informations personnelles');
    assertVersion(current.version, ifMatch);
    const changes = {
      telephone: input.telephone?.trim() || null,
      telephonePortable: input.telephonePortable?.trim() || null,
    };
    const done = await this.dataSource
      .getRepository(Candidat)
      .update({ compteCandidatId: compteId, version: current.version }, { ...changes, version: current.version + 1, updatedAt: this.clock.now() });
    if (done.affected !== 1) throw new PreconditionFailed();
    const langue = await this.changerLangue(compteId, input.langue);
    return toIdentite(await this.existing(Candidat, compteId, 'vos informations personnelles'), langue);
  }

  /** The language of the candidate's mails and letters: the account's, so that mails sent before any file have it too. */
  private async langue(compteId: number): Promise<Langue> {
    return (await this.dataSource.getRepository(CompteCandidat).findOneOrFail({ where: { id: compteId }, select: { id: true, langue: true } })).langue;
  }

  /** Sets the account's language when the identity form gives one; answers the language now in force. */
  private async changerLangue(compteId: number, langue: Langue | undefined): Promise<Langue> {
    if (!langue) return this.langue(compteId);
    await this.dataSource.getRepository(CompteCandidat).update({ id: compteId }, { langue });
    return langue;
  }

  async saveAdresse(compteId: number, input: AdresseInput, ifMatch: number | undefined): Promise<AdresseDto> {
    const errors: FieldError[] = [];
    const checks: CodeCheck[] = [{ field: 'pays', kind: 'pays', code: input.pays }];
    const enFrance = input.pays === FRANCE;
    if (enFrance) {
      if (!input.codePostal) errors.push(required('codePostal'));
      if (!input.commune) errors.push(required('commune'));
      if (input.codePostal && input.commune) checks.push({ field: 'commune', kind: 'commune', code: input.commune, codePostal: input.codePostal });
    } else if (!input.villeEtrangere) {
      errors.push(required('villeEtrangere'));
    }
    await this.assertValid(errors, checks);
    return toAdresse(
      await this.save(CandidatAdresse, compteId, ifMatch, {
        pays: input.pays,
        ligne1: input.ligne1,
        ligne2: input.ligne2 ?? null,
        ligne3: input.ligne3 ?? null,
        codePostal: enFrance ? (input.codePostal ?? null) : null,
        commune: enFrance ? (input.commune ?? null) : null,
        cedex: enFrance ? (input.cedex ?? null) : null,
        villeEtrangere: enFrance ? null : (input.villeEtrangere ?? null),
      }),
    );
  }

  async saveBac(compteId: number, input: BacInput, ifMatch: number | undefined): Promise<BacDto> {
    const serie = await this.referentiel.serieBac(input.serie);
    const errors: FieldError[] = [];
    const checks: CodeCheck[] = [];
    const sansBac = serie?.categorie === 'SANS_BAC';
    const specialites = [...new Set((input.specialites ?? []).map((s) => s.trim().toUpperCase()))];
    if (!serie) {
      checks.push({ field: 'serie', kind: 'serieBac', code: input.serie, annee: input.annee ?? 0 });
    } else if (!sansBac) {
      if (input.annee === undefined) errors.push(required('annee'));
      else checks.push({ field: 'serie', kind: 'serieBac', code: input.serie, annee: input.annee });
      if (!input.pays) errors.push(required('pays'));
      if (serie.avecSpecialites && specialites.length !== 2) {
        errors.push({ field: 'specialites', message: 'doit compter les 2 spécialités de terminale' });
      }
      if (!serie.avecSpecialites && specialites.length > 0) errors.push({ field: 'specialites', message: "ne concerne que le bac général à partir de 2021" });
    }
    const annee = sansBac ? null : (input.annee ?? null);
    const pays = sansBac ? null : (input.pays ?? null);
    const enFrance = pays === FRANCE;
    if (pays) checks.push({ field: 'pays', kind: 'pays', code: pays });
    if (enFrance && !input.departement) errors.push(required('departement'));
    if (enFrance && input.departement) checks.push({ field: 'departement', kind: 'departement', code: input.departement });
    if (enFrance && input.commune) checks.push({ field: 'commune', kind: 'commune', code: input.commune, departement: input.departement });
    if (enFrance && input.etablissement) checks.push({ field: 'etablissement', kind: 'etablissement', code: input.etablissement });
    if (input.mention && !sansBac) checks.push({ field: 'mention', kind: 'mention', code: input.mention });
    if (annee !== null) specialites.forEach((code, i) => checks.push({ field: `specialites[${i}]`, kind: 'specialiteBac', code, annee }));
    await this.assertValid(errors, checks);
    return toBac(
      await this.save(CandidatBac, compteId, ifMatch, {
        serie: input.serie,
        annee,
        mention: sansBac ? null : (input.mention ?? null),
        specialites: specialites.length > 0 ? specialites.join(',') : null,
        pays,
        departement: enFrance ? (input.departement ?? null) : null,
        commune: enFrance ? (input.commune ?? null) : null,
        etablissement: enFrance ? (input.etablissement ?? null) : null,
      }),
    );
  }

  /**
   * A CAS candidate's record from the student records: kept as a snapshot (cursus interne), and the identity and
   * bac it gives fill the file and are locked (the scolarité corrects them); the address fills an empty one only,
   * the candidate may change it. A record lacking what a section requires leaves that section to the candidate.
   */
  async applyStudentRecord(compteId: number, record: StudentRecord): Promise<void> {
    await this.scolarite.saveSnapshot(compteId, record);
    const compte = await this.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: compteId });
    const i = record.identite;
    if (i.dateNaissance && i.paysNaissance && i.nationalite) {
      const identite: Partial<Candidat> = {
        ...identiteColumns(compte.campagneId, {
          civilite: i.civilite === 'M.' ? Civilite.M : Civilite.MME,
          nomNaissance: i.nomNaissance,
          nomUsage: i.nomUsage,
          prenom: i.prenom,
          autresPrenoms: i.autresPrenoms,
          dateNaissance: i.dateNaissance,
          paysNaissance: i.paysNaissance,
          departementNaissance: i.communeNaissance ? departementOf(i.communeNaissance) : null,
          communeNaissance: i.communeNaissance,
          villeNaissance: i.libelleCommuneNaissance,
          nationalite: i.nationalite,
        }),
        telephonePortable: i.telephone,
        importe: true,
      };
      try {
        await this.overwrite(Candidat, compteId, { ...identite, ine: record.ine });
      } catch (error) {
        // The INE is another file's in this campaign: the identity comes in without it, the scolarité will see.
        if (!isUniqueViolation(error)) throw error;
        await this.overwrite(Candidat, compteId, { ...identite, ine: null });
      }
    }
    const b = record.bac;
    if (b) {
      const pays = b.departement ? FRANCE : null;
      await this.overwrite(CandidatBac, compteId, {
        serie: b.serie,
        annee: b.annee,
        mention: b.mention,
        specialites: null,
        pays,
        departement: b.departement,
        commune: null,
        etablissement: b.etablissement,
        importe: true,
      });
    }
    const a = record.adresse;
    if (a && !(await this.find(CandidatAdresse, compteId))) {
      const enFrance = a.pays === FRANCE;
      await this.overwrite(CandidatAdresse, compteId, {
        pays: a.pays,
        ligne1: a.ligne1,
        ligne2: a.ligne2,
        ligne3: a.ligne3,
        codePostal: enFrance ? a.codePostal : null,
        commune: enFrance ? a.commune : null,
        cedex: null,
        villeEtrangere: enFrance ? null : a.libelleCommune,
      });
    }
  }

  /** What is still missing before applying, in the order a candidate fills the file. */
  private async manquants(identite: Candidat | null, adresse: CandidatAdresse | null, bac: CandidatBac | null): Promise<ManquantDto[]> {
    const manquants: ManquantDto[] = [];
    if (!identite) manquants.push({ section: 'identite', libelle: 'Renseignez vos informations personnelles.' });
    if (!adresse) manquants.push({ section: 'adresse', libelle: 'Renseignez votre adresse.' });
    if (!bac) manquants.push({ section: 'bac', libelle: 'Renseignez votre baccalauréat ou son équivalent.' });
    if (identite && bac && !identite.ine && identite.nationalite === FRANCE && bac.pays === FRANCE && (bac.annee ?? 0) >= this.app.ineObligatoireDepuis) {
      const serie = await this.referentiel.serieBac(bac.serie);
      if (serie?.ineAttendu) {
        manquants.push({
          section: 'identite',
          libelle: `Renseignez votre INE : il figure sur votre relevé de notes du baccalauréat, obligatoire pour un bac français obtenu depuis ${this.app.ineObligatoireDepuis}.`,
        });
      }
    }
    return manquants;
  }

  private birthDateErrors(date: string): FieldError[] {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return [{ field: 'dateNaissance', message: "n'est pas une date valide" }];
    const today = parisDate(this.clock.now());
    const yearsAgo = (n: number) => `${Number(today.slice(0, 4)) - n}${today.slice(4)}`;
    if (date > yearsAgo(10) || date < yearsAgo(100)) return [{ field: 'dateNaissance', message: 'doit être celle d’une personne de 10 à 100 ans' }];
    return [];
  }

  private async assertValid(errors: FieldError[], checks: CodeCheck[]): Promise<void> {
    const all = [...errors, ...(await this.referentiel.verify(checks))];
    if (all.length > 0) throw new ValidationFailed(all);
  }

  private find<E extends Section>(entity: EntityTarget<E>, compteCandidatId: number): Promise<E | null> {
    return this.dataSource.getRepository(entity).findOneBy({ compteCandidatId } as never);
  }

  private async existing<E extends Section>(entity: EntityTarget<E>, compteCandidatId: number, what: string): Promise<E> {
    const row = await this.find(entity, compteCandidatId);
    if (!row) throw new NotFound('SECTION_NON_RENSEIGNEE', `Vous n'avez pas encore renseigné ${what}.`);
    return row;
  }

  /** Writes a section whatever its version (imports from the student records), as a new version. */
  private async overwrite<E extends Section>(entity: EntityTarget<E>, compteCandidatId: number, values: Partial<E>): Promise<void> {
    const repo = this.dataSource.getRepository(entity);
    const current = await this.find(entity, compteCandidatId);
    const updatedAt = this.clock.now();
    if (!current) {
      try {
        await repo.insert({ ...values, compteCandidatId, version: 1, updatedAt } as never);
        if (entity === Candidat) await reporterIdentite(this.dataSource.manager, compteCandidatId);
        return;
      } catch (error) {
        // Two CAS logins at once: the other one created it; write over it as a new version.
        if (!isUniqueViolation(error) || !(await this.find(entity, compteCandidatId))) throw error;
      }
    }
    const version = (current ?? (await this.find(entity, compteCandidatId)) as E).version;
    await repo.update({ compteCandidatId } as never, { ...values, version: version + 1, updatedAt } as never);
    if (entity === Candidat) await reporterIdentite(this.dataSource.manager, compteCandidatId);
  }

  /**
   * Creates a section, or changes it from the version the candidate read (If-Match): the UPDATE applies only to
   * that version, so of two concurrent edits one wins and the other gets 412. Imported sections are locked.
   */
  private async save<E extends Section>(entity: EntityTarget<E>, compteCandidatId: number, ifMatch: number | undefined, values: Partial<E>): Promise<E> {
    const repo = this.dataSource.getRepository(entity);
    const current = await this.find(entity, compteCandidatId);
    if (current && 'importe' in current && current.importe) throw LOCKED();
    if (current && 'identiteVerrouillee' in current && current.identiteVerrouillee) throw IDENTITE_VERROUILLEE();
    assertVersion(current?.version, ifMatch);
    const updatedAt = this.clock.now();
    if (!current) {
      try {
        await repo.insert({ ...values, compteCandidatId, version: 1, updatedAt } as never);
      } catch (error) {
        // Two first saves at once: the primary key lets one in; the other read a version that no longer holds.
        if (isUniqueViolation(error) && (await this.find(entity, compteCandidatId))) throw new PreconditionFailed();
        throw error;
      }
    } else {
      const done = await repo.update({ compteCandidatId, version: current.version } as never, { ...values, version: current.version + 1, updatedAt } as never);
      if (done.affected !== 1) throw new PreconditionFailed();
    }
    // The staff list reads the folded name on the candidatures (locked identities never get here, imports do).
    if (entity === Candidat) await reporterIdentite(this.dataSource.manager, compteCandidatId);
    return (await this.find(entity, compteCandidatId)) as E;
  }
}

type IdentiteSource = Pick<Candidat, 'civilite' | 'nomNaissance' | 'prenom' | 'dateNaissance' | 'paysNaissance' | 'nationalite'> & {
  nomUsage?: string | null;
  autresPrenoms?: string | null;
  departementNaissance: string | null;
  communeNaissance: string | null;
  villeNaissance: string | null;
};

/** The identity columns, typed or imported: the folded names, and the birthplace kept for France or abroad only. */
function identiteColumns(campagneId: number, i: IdentiteSource): Partial<Candidat> {
  const bornInFrance = i.paysNaissance === FRANCE;
  return {
    campagneId,
    civilite: i.civilite,
    nomNaissance: i.nomNaissance,
    nomUsage: i.nomUsage ?? null,
    prenom: i.prenom,
    autresPrenoms: i.autresPrenoms ?? null,
    nomRecherche: normalizeForSearch([i.nomNaissance, i.nomUsage, i.prenom].filter(Boolean).join(' ')),
    dateNaissance: i.dateNaissance,
    paysNaissance: i.paysNaissance,
    departementNaissance: bornInFrance ? i.departementNaissance : null,
    communeNaissance: bornInFrance ? i.communeNaissance : null,
    villeNaissance: bornInFrance ? null : i.villeNaissance,
    nationalite: i.nationalite,
  };
}

/** The département of a commune's INSEE code (3 characters overseas). */
function departementOf(commune: string): string {
  return commune.startsWith('97') ? commune.slice(0, 3) : commune.slice(0, 2);
}

/** An INE saved as typed in the INES form, that a key confirms once an O is read as 0 (or the reverse): « Vouliez-vous saisir … ? » */
function avertissementsIne(ine: string | null): AvertissementDto[] {
  const check = ine ? checkIne(ine) : undefined;
  if (!check?.valid || !check.alternative) return [];
  return [{ code: 'INE_LECTURE_ALTERNATIVE', field: 'ine', message: check.alternative.message, suggestion: check.alternative.ine }];
}

function toIdentite(c: Candidat, langue: Langue): IdentiteDto {
  return {
    civilite: c.civilite,
    nomNaissance: c.nomNaissance,
    nomUsage: c.nomUsage ?? undefined,
    prenom: c.prenom,
    autresPrenoms: c.autresPrenoms ?? undefined,
    dateNaissance: c.dateNaissance,
    paysNaissance: c.paysNaissance,
    departementNaissance: c.departementNaissance ?? undefined,
    communeNaissance: c.communeNaissance ?? undefined,
    villeNaissance: c.villeNaissance ?? undefined,
    nationalite: c.nationalite,
    ine: c.ine ?? undefined,
    telephone: c.telephone ?? undefined,
    telephonePortable: c.telephonePortable ?? undefined,
    langue,
    importe: Boolean(c.importe),
    verrouillee: Boolean(c.importe) || c.identiteVerrouillee,
    version: c.version,
  };
}

function toAdresse(a: CandidatAdresse): AdresseDto {
  return {
    pays: a.pays,
    ligne1: a.ligne1,
    ligne2: a.ligne2 ?? undefined,
    ligne3: a.ligne3 ?? undefined,
    codePostal: a.codePostal ?? undefined,
    commune: a.commune ?? undefined,
    cedex: a.cedex ?? undefined,
    villeEtrangere: a.villeEtrangere ?? undefined,
    version: a.version,
  };
}

function toBac(b: CandidatBac): BacDto {
  return {
    serie: b.serie,
    annee: b.annee ?? undefined,
    mention: b.mention ?? undefined,
    specialites: b.specialites ? b.specialites.split(',') : [],
    pays: b.pays ?? undefined,
    departement: b.departement ?? undefined,
    commune: b.commune ?? undefined,
    etablissement: b.etablissement ?? undefined,
    importe: Boolean(b.importe),
    version: b.version,
  };
}
