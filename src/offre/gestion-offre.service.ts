import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import { Principal } from '../common/auth/roles';
import { assertVersion } from '../common/concurrency/versioned';
import { BusinessRule, Conflict, FieldError, NotFound, PreconditionFailed, ValidationFailed } from '../common/errors/domain-errors';
import { Page, toPage } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { isUniqueViolation } from '../database/unique-violation';
import { CodeCheck, ReferentielService } from '../referentiel/referentiel.service';
import {
  AdresseCommissionInput,
  CentreDto,
  CentreInput,
  CommissionDto,
  CommissionInput,
  CommissionQueryDto,
  FormationDto,
  FormationInput,
  FormationQueryDto,
} from './dto/gestion-offre.dto';
import { CentreCandidature } from './entities/centre-candidature.entity';
import { Commission } from './entities/commission.entity';
import { Formation } from './entities/formation.entity';
import { OffreVersion } from './entities/offre-version.entity';
import { checkFormationDates } from './formation-dates';
import { OffrePubliqueService } from './offre-publique.service';
import { reporterCodeFormation } from '../candidature/liste-candidature-colonnes';
import { PerimetreOffre } from './perimetre-offre';

const FRANCE = 'FR';

type Columns<E> = Omit<E, 'id' | 'version' | 'centre' | 'commission'>;

/**
 * Staff set-up of the offer: centres de candidature, commissions, formations. Every change bumps `offre_version` in
 * its transaction, which is how every instance learns that its snapshot of the public offer is stale.
 */
@Injectable()
export class GestionOffreService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referentiel: ReferentielService,
    private readonly offrePublique: OffrePubliqueService,
  ) {}

  async listCentres(principal: Principal, query: PageQueryDto): Promise<Page<CentreDto>> {
    const codes = PerimetreOffre.centres(principal);
    if (codes?.length === 0) return toPage([], 0, query);
    const [rows, total] = await this.dataSource.getRepository(CentreCandidature).findAndCount({
      where: codes ? { code: In(codes) } : {},
      order: { code: 'ASC' },
      ...paging(query),
    });
    return toPage(rows.map(centreDto), total, query);
  }

  async createCentre(principal: Principal, input: CentreInput): Promise<CentreDto> {
    PerimetreOffre.assertCentres(principal);
    const row = { ...centreColumns(input), version: 1 };
    // insert() gets a copy: on MariaDB it writes the raw values of defaulted columns (actif: 1) back into its argument.
    const id = await this.write(async (em) => (await em.getRepository(CentreCandidature).insert({ ...row })).identifiers[0].id, "d'un autre centre de candidature", input.code);
    return centreDto({ ...row, id: Number(id) });
  }

  async updateCentre(principal: Principal, id: number, input: CentreInput, ifMatch: number | undefined): Promise<CentreDto> {
    PerimetreOffre.assertCentres(principal);
    const current = await this.dataSource.getRepository(CentreCandidature).findOneBy({ id });
    if (!current) throw new NotFound('CENTRE_INTROUVABLE', "Ce centre de candidature n'existe pas (ou plus).");
    assertVersion(current.version, ifMatch);
    assertSameCode(current.code, input.code);
    const changes = centreColumns(input);
    await this.write((em) => versionedUpdate(em, CentreCandidature, id, current.version, changes), "d'un autre centre de candidature", input.code);
    return centreDto({ ...current, ...changes, version: current.version + 1 });
  }

  async listCommissions(principal: Principal, query: CommissionQueryDto): Promise<Page<CommissionDto>> {
    const codes = scopedCodes(principal, query.centre);
    if (codes?.length === 0) return toPage([], 0, query);
    const [rows, total] = await this.dataSource.getRepository(Commission).findAndCount({
      where: codes ? { centre: { code: In(codes) } } : {},
      relations: { centre: true },
      order: { code: 'ASC' },
      ...paging(query),
    });
    return toPage(rows.map(commissionDto), total, query);
  }

  async createCommission(principal: Principal, input: CommissionInput): Promise<CommissionDto> {
    const centre = await this.centreOf(input.centreId);
    PerimetreOffre.assertCentre(principal, centre.code);
    await this.assertValid(checkAdresse(input.adresse));
    const row = { ...commissionColumns(input), version: 1 };
    const id = await this.write(async (em) => (await em.getRepository(Commission).insert({ ...row })).identifiers[0].id, "d'une autre commission", input.code);
    return commissionDto({ ...row, id: Number(id), centre });
  }

  async updateCommission(principal: Principal, id: number, input: CommissionInput, ifMatch: number | undefined): Promise<CommissionDto> {
    const current = await this.commissionModifiable(principal, id);
    assertVersion(current.version, ifMatch);
    assertSameCode(current.code, input.code);
    const centre = input.centreId === current.centreId ? current.centre! : await this.centreOf(input.centreId);
    PerimetreOffre.assertCentre(principal, centre.code);
    await this.assertValid(checkAdresse(input.adresse));
    const changes = commissionColumns(input);
    await this.write((em) => versionedUpdate(em, Commission, id, current.version, changes), "d'une autre commission", input.code);
    return commissionDto({ ...current, ...changes, centre, version: current.version + 1 });
  }

  /** A commission whose parameters (its letters' included) the caller may change: 404 when none, 403 out of their centres. */
  async commissionModifiable(principal: Principal, id: number): Promise<Commission & { centre: CentreCandidature }> {
    const commission = await this.dataSource.getRepository(Commission).findOne({ where: { id }, relations: { centre: true } });
    if (!commission) throw new NotFound('COMMISSION_INTROUVABLE', "Cette commission n'existe pas (ou plus).");
    PerimetreOffre.assertCentre(principal, commission.centre!.code);
    return commission as Commission & { centre: CentreCandidature };
  }

  async listFormations(principal: Principal, query: FormationQueryDto): Promise<Page<FormationDto>> {
    const codes = scopedCodes(principal, query.centre);
    if (codes?.length === 0) return toPage([], 0, query);
    const where: FindOptionsWhere<Formation> = {
      ...(query.commissionId ? { commissionId: query.commissionId } : {}),
      ...(codes ? { commission: { centre: { code: In(codes) } } } : {}),
    };
    const [rows, total] = await this.dataSource.getRepository(Formation).findAndCount({
      where,
      relations: { commission: { centre: true } },
      order: { code: 'ASC' },
      ...paging(query),
    });
    return toPage(
      rows.map((f) => formationDto(f, f.commission!.centre!.code)),
      total,
      query,
    );
  }

  async createFormation(principal: Principal, input: FormationInput): Promise<FormationDto> {
    const commission = await this.commissionOf(input.commissionId);
    const centre = commission.centre!;
    PerimetreOffre.assertCentre(principal, centre.code);
    await this.assertFormation(input);
    const row = { ...formationColumns(input, centre), version: 1 };
    const id = await this.write(async (em) => (await em.getRepository(Formation).insert({ ...row })).identifiers[0].id, "d'une autre formation", input.code);
    return formationDto({ ...row, id: Number(id) }, centre.code);
  }

  async updateFormation(principal: Principal, id: number, input: FormationInput, ifMatch: number | undefined): Promise<FormationDto> {
    const current = await this.dataSource.getRepository(Formation).findOne({ where: { id }, relations: { commission: { centre: true } } });
    if (!current) throw new NotFound('FORMATION_INTROUVABLE', "Cette formation n'existe pas (ou plus).");
    PerimetreOffre.assertCentre(principal, current.commission!.centre!.code);
    assertVersion(current.version, ifMatch);
    const commission = input.commissionId === current.commissionId ? current.commission! : await this.commissionOf(input.commissionId);
    const centre = commission.centre!;
    PerimetreOffre.assertCentre(principal, centre.code);
    await this.assertFormation(input);
    const changes = formationColumns(input, centre);
    await this.write(async (em) => {
      await versionedUpdate(em, Formation, id, current.version, changes);
      // The staff list sorts on a copy of the code (the update above locks the formation against concurrent applies).
      if (changes.code !== current.code) await reporterCodeFormation(em, id);
    }, "d'une autre formation", input.code);
    return formationDto({ ...current, ...changes, version: current.version + 1 }, centre.code);
  }

  /**
   * Runs a change of the offer and bumps `offre_version` in the same transaction; a code already taken answers 409.
   * This instance's public snapshot is refreshed on its next read; the others within their poll interval.
   */
  private async write<T>(change: (em: EntityManager) => Promise<T>, what: string, code: string): Promise<T> {
    try {
      const result = await this.dataSource.transaction(async (em) => {
        const value = await change(em);
        await em.getRepository(OffreVersion).update({ id: 1 }, { version: () => 'version + 1' });
        return value;
      });
      this.offrePublique.invalidate();
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('CODE_DEJA_UTILISE', `Le code « ${code} » est déjà celui ${what} : choisissez-en un autre.`);
      throw error;
    }
  }

  private async centreOf(id: number): Promise<CentreCandidature> {
    const centre = await this.dataSource.getRepository(CentreCandidature).findOneBy({ id });
    if (!centre) throw new ValidationFailed([{ field: 'centreId', message: "ne désigne aucun centre de candidature" }]);
    return centre;
  }

  private async commissionOf(id: number): Promise<Commission> {
    const commission = await this.dataSource.getRepository(Commission).findOne({ where: { id }, relations: { centre: true } });
    if (!commission) throw new ValidationFailed([{ field: 'commissionId', message: 'ne désigne aucune commission' }]);
    return commission;
  }

  private async assertFormation(input: FormationInput): Promise<void> {
    await this.assertValid({ errors: checkFormationDates(input), codes: [{ field: 'typeDiplome', kind: 'typeDiplome', code: input.typeDiplome }] });
  }

  private async assertValid({ errors, codes }: { errors: FieldError[]; codes: CodeCheck[] }): Promise<void> {
    const all = [...errors, ...(await this.referentiel.verify(codes))];
    if (all.length > 0) throw new ValidationFailed(all);
  }
}

const paging = (query: PageQueryDto) => ({ skip: ((query.page ?? 1) - 1) * (query.limit ?? 20), take: query.limit ?? 20 });

/** The centre codes a list is limited to (scope, then the `centre` filter); undefined: all. */
function scopedCodes(principal: Principal, centre: string | undefined): string[] | undefined {
  const allowed = PerimetreOffre.centres(principal);
  if (!centre) return allowed;
  return !allowed || allowed.includes(centre) ? [centre] : [];
}

/** The UPDATE applies only to the version read: a concurrent change in between makes it a 412. */
async function versionedUpdate<E extends { id: number; version: number }>(em: EntityManager, entity: new () => E, id: number, version: number, changes: object): Promise<void> {
  const result = await em.getRepository(entity).update({ id, version } as FindOptionsWhere<E>, { ...changes, version: () => 'version + 1' } as never);
  if (!result.affected) throw new PreconditionFailed();
}

// Staff scopes (utilisateur_perimetre) name centres and commissions by code: renaming one would silently take it out of them.
function assertSameCode(current: string, typed: string): void {
  if (current !== typed) {
    throw new BusinessRule('CODE_NON_MODIFIABLE', `Le code « ${current} » ne peut pas être modifié : les périmètres des gestionnaires y font référence.`, [
      { field: 'code', message: `doit rester « ${current} »` },
    ]);
  }
}

function checkAdresse(adresse: AdresseCommissionInput): { errors: FieldError[]; codes: CodeCheck[] } {
  const errors: FieldError[] = [];
  const codes: CodeCheck[] = [{ field: 'adresse.pays', kind: 'pays', code: adresse.pays }];
  if (adresse.pays === FRANCE) {
    // CEDEX codes (45071) are not in the communes' postal codes: the code is checked for its form only.
    if (!adresse.codePostal || !/^\d{5}$/.test(adresse.codePostal)) errors.push({ field: 'adresse.codePostal', message: 'est obligatoire en France : 5 chiffres' });
    if (adresse.commune) codes.push({ field: 'adresse.commune', kind: 'commune', code: adresse.commune });
    else errors.push({ field: 'adresse.commune', message: 'est obligatoire en France (code INSEE, voir /api/referentiels/communes)' });
  } else {
    if (adresse.commune) errors.push({ field: 'adresse.commune', message: "ne se renseigne qu'en France : indiquez la ville dans « ville »" });
    if (!adresse.ville) errors.push({ field: 'adresse.ville', message: "est obligatoire pour une adresse à l'étranger" });
  }
  return { errors, codes };
}

function centreColumns(input: CentreInput): Columns<CentreCandidature> {
  if (input.copieMailsCandidats && !input.contactEmail) {
    throw new ValidationFailed([{ field: 'copieMailsCandidats', message: "demande l'adresse de contact du centre (contactEmail), qui reçoit la copie" }]);
  }
  return {
    code: input.code,
    libelle: input.libelle,
    contactEmail: input.contactEmail || null,
    contactTelephone: input.contactTelephone || null,
    maxVoeux: input.maxVoeux ?? null,
    dematDefaut: input.dematDefaut ?? true,
    copieMailsCandidats: input.copieMailsCandidats ?? false,
    actif: input.actif ?? true,
  };
}

function commissionColumns(input: CommissionInput): Columns<Commission> {
  const a = input.adresse;
  return {
    centreId: input.centreId,
    code: input.code,
    libelle: input.libelle,
    adresseLigne1: a.ligne1,
    adresseLigne2: a.ligne2 || null,
    adresseLigne3: a.ligne3 || null,
    codePostal: a.codePostal || null,
    commune: a.pays === FRANCE ? (a.commune ?? null) : null,
    ville: a.ville || null,
    pays: a.pays,
    email: input.email || null,
    telephone: input.telephone || null,
    signataire: input.signataire || null,
    commentaireCandidat: input.commentaireCandidat || null,
    alerte: input.alerte ?? true,
    lettresTelechargeables: input.lettresTelechargeables ?? true,
    lettreJointeAuMail: input.lettreJointeAuMail ?? false,
  };
}

function formationColumns(input: FormationInput, centre: CentreCandidature): Columns<Formation> {
  return {
    commissionId: input.commissionId,
    code: input.code,
    libelle: input.libelle,
    motsCles: input.motsCles || null,
    typeDiplome: input.typeDiplome,
    typeTraitement: input.typeTraitement,
    demat: input.demat ?? centre.dematDefaut,
    dateDebutCandidature: input.dateDebutCandidature,
    dateFinCandidature: input.dateFinCandidature,
    dateRetour: input.dateRetour,
    dateAnalyse: input.dateAnalyse ?? null,
    dateJury: input.dateJury ?? null,
    datePublication: input.datePublication ?? null,
    dateConfirmation: input.dateConfirmation ?? null,
    delaiConfirmation: input.delaiConfirmation ?? null,
    listeComplementaire: input.listeComplementaire ?? false,
    dateConfirmationListeComplementaire: input.dateConfirmationListeComplementaire ?? null,
    delaiConfirmationListeComplementaire: input.delaiConfirmationListeComplementaire ?? null,
    capacite: input.capacite ?? null,
    relanceRetourJours: input.relanceRetourJours ?? null,
    informationsComplementaires: input.informationsComplementaires || null,
    actif: input.actif ?? true,
  };
}

function centreDto(c: CentreCandidature): CentreDto {
  return {
    id: c.id,
    code: c.code,
    libelle: c.libelle,
    contactEmail: c.contactEmail,
    contactTelephone: c.contactTelephone,
    maxVoeux: c.maxVoeux,
    dematDefaut: c.dematDefaut,
    copieMailsCandidats: c.copieMailsCandidats,
    actif: c.actif,
    version: c.version,
  };
}

function commissionDto(c: Commission): CommissionDto {
  return {
    id: c.id,
    centreId: c.centreId,
    centreCode: c.centre!.code,
    code: c.code,
    libelle: c.libelle,
    adresse: { ligne1: c.adresseLigne1, ligne2: c.adresseLigne2, ligne3: c.adresseLigne3, codePostal: c.codePostal, commune: c.commune, ville: c.ville, pays: c.pays },
    email: c.email,
    telephone: c.telephone,
    signataire: c.signataire,
    commentaireCandidat: c.commentaireCandidat,
    alerte: c.alerte,
    lettresTelechargeables: c.lettresTelechargeables,
    lettreJointeAuMail: c.lettreJointeAuMail,
    version: c.version,
  };
}

function formationDto(f: Formation, centreCode: string): FormationDto {
  return {
    id: f.id,
    commissionId: f.commissionId,
    centreCode,
    code: f.code,
    libelle: f.libelle,
    motsCles: f.motsCles,
    typeDiplome: f.typeDiplome,
    typeTraitement: f.typeTraitement,
    demat: f.demat,
    dateDebutCandidature: f.dateDebutCandidature,
    dateFinCandidature: f.dateFinCandidature,
    dateRetour: f.dateRetour,
    dateAnalyse: f.dateAnalyse,
    dateJury: f.dateJury,
    datePublication: f.datePublication,
    dateConfirmation: f.dateConfirmation,
    delaiConfirmation: f.delaiConfirmation,
    listeComplementaire: f.listeComplementaire,
    dateConfirmationListeComplementaire: f.dateConfirmationListeComplementaire,
    delaiConfirmationListeComplementaire: f.delaiConfirmationListeComplementaire,
    capacite: f.capacite,
    relanceRetourJours: f.relanceRetourJours,
    informationsComplementaires: f.informationsComplementaires,
    actif: f.actif,
    version: f.version,
  };
}
