import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { assertVersion } from '../../common/concurrency/versioned';
import { BusinessRule, Conflict, NotFound, PreconditionFailed, ValidationFailed } from '../../common/errors/domain-errors';
import { isUniqueViolation } from '../../database/unique-violation';
import { REGLES_MODELES, RegleDecision, champsTypeDecision } from '../candidature-rules';
import { Avis } from '../entities/avis.entity';
import { MotifAvis } from '../entities/motif-avis.entity';
import { TypeDecision } from '../entities/type-decision.entity';
import { MotifAvisDto } from '../avis/avis.dto';
import { CreationMotifAvisInput, MotifAvisInput, TypeDecisionDto, TypeDecisionInput } from './parametrage-decisions.dto';

/**
 * The institution's settings of decisions (scolarité centrale, admin; reference §2.5 « paramétrage »): its types de
 * décision, each of one avis family, and the motifs a défavorable avis gives. Avis keep what they name: a code never
 * changes, a type or motif an avis uses is never deleted (409: deactivate it instead), and the models' rules (what an
 * avis naming no type decides, candidature-rules.ts REGLES_MODELES) never change — only their labels.
 */
@Injectable()
export class ParametrageDecisionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every type, the models first (one a family, in family order), then by label. */
  async types(): Promise<TypeDecisionDto[]> {
    const rows = await this.dataSource.getRepository(TypeDecision).find({ order: { modele: 'DESC', libelle: 'ASC', id: 'ASC' } });
    const familles = Object.keys(REGLES_MODELES);
    return rows.sort((a, b) => Number(b.modele) - Number(a.modele) || (a.modele ? familles.indexOf(a.famille) - familles.indexOf(b.famille) : 0)).map(typeDto);
  }

  async createType(input: TypeDecisionInput): Promise<TypeDecisionDto> {
    const row = { ...colonnesType(input), code: input.code, famille: input.famille, modele: false, version: 1 };
    try {
      const id = Number((await this.dataSource.getRepository(TypeDecision).insert({ ...row })).identifiers[0].id);
      return typeDto({ ...row, id });
    } catch (error) {
      if (isUniqueViolation(error)) throw codePris(input.code, "d'un autre type de décision");
      throw error;
    }
  }

  /** Changes a type's labels and rules (a model: its labels only); its code and family stay. */
  async updateType(id: number, input: TypeDecisionInput, ifMatch: number | undefined): Promise<TypeDecisionDto> {
    const current = await this.typeOf(id);
    assertVersion(current.version, ifMatch);
    if (input.code !== current.code) throw new BusinessRule('CODE_NON_MODIFIABLE', `Le code « ${current.code} » ne change pas : les avis qui nomment ce type le gardent.`, [{ field: 'code', message: `doit rester « ${current.code} »` }]);
    if (input.famille !== current.famille) {
      throw new BusinessRule('FAMILLE_NON_MODIFIABLE', `La famille d'un type de décision ne change pas (${current.famille}) : créez un autre type.`, [{ field: 'famille', message: `doit rester « ${current.famille} »` }]);
    }
    const changes = current.modele ? colonnesModele(current, input) : colonnesType(input);
    const result = await this.dataSource.getRepository(TypeDecision).update({ id, version: current.version }, { ...changes, version: () => 'version + 1' });
    if (!result.affected) throw new PreconditionFailed();
    return typeDto({ ...current, ...changes, version: current.version + 1 });
  }

  /** Deletes a type no avis names; a used one is only deactivated (409), a model never deleted (422). */
  async deleteType(id: number, ifMatch: number | undefined): Promise<void> {
    const current = await this.typeOf(id);
    assertVersion(current.version, ifMatch);
    if (current.modele) throw modeleFige(current);
    const utilise = () => new Conflict('TYPE_DECISION_UTILISE', `Des avis ont été donnés avec le type « ${current.libelle} » : il ne peut pas être supprimé ; désactivez-le (actif false).`);
    if (await this.dataSource.getRepository(Avis).existsBy({ typeDecisionId: id })) throw utilise();
    try {
      const result = await this.dataSource.getRepository(TypeDecision).delete({ id, version: current.version });
      if (!result.affected) throw new PreconditionFailed();
    } catch (error) {
      // An avis named it meanwhile: the foreign key refused.
      if (error instanceof QueryFailedError) throw utilise();
      throw error;
    }
  }

  async createMotif(input: CreationMotifAvisInput): Promise<MotifAvisDto> {
    const row = { code: input.code, libelle: input.libelle, actif: input.actif ?? true, version: 1 };
    try {
      const id = Number((await this.dataSource.getRepository(MotifAvis).insert({ ...row })).identifiers[0].id);
      return { ...row, id };
    } catch (error) {
      if (isUniqueViolation(error)) throw codePris(input.code, "d'un autre motif");
      throw error;
    }
  }

  /** Renames, deactivates or reactivates a motif: the avis that give it show its new label. */
  async updateMotif(id: number, input: MotifAvisInput, ifMatch: number | undefined): Promise<MotifAvisDto> {
    const current = await this.motifOf(id);
    assertVersion(current.version, ifMatch);
    const changes = { libelle: input.libelle, actif: input.actif ?? true };
    const result = await this.dataSource.getRepository(MotifAvis).update({ id, version: current.version }, { ...changes, version: () => 'version + 1' });
    if (!result.affected) throw new PreconditionFailed();
    const { code } = current;
    return { id, code, ...changes, version: current.version + 1 };
  }

  /** Deletes a motif no avis gives; a used one is only deactivated (409). */
  async deleteMotif(id: number, ifMatch: number | undefined): Promise<void> {
    const current = await this.motifOf(id);
    assertVersion(current.version, ifMatch);
    if (await this.dataSource.getRepository(Avis).existsBy({ motif: current.code })) {
      throw new Conflict('MOTIF_UTILISE', `Des avis ont été donnés avec le motif « ${current.libelle} » : il ne peut pas être supprimé ; désactivez-le (actif false).`);
    }
    const result = await this.dataSource.getRepository(MotifAvis).delete({ id, version: current.version });
    if (!result.affected) throw new PreconditionFailed();
  }

  private async typeOf(id: number): Promise<TypeDecision> {
    const row = await this.dataSource.getRepository(TypeDecision).findOneBy({ id });
    if (!row) throw new NotFound('TYPE_DECISION_INTROUVABLE', "Ce type de décision n'existe pas (ou plus).");
    return row;
  }

  private async motifOf(id: number): Promise<MotifAvis> {
    const row = await this.dataSource.getRepository(MotifAvis).findOneBy({ id });
    if (!row) throw new NotFound('MOTIF_INTROUVABLE', "Ce motif d'avis n'existe pas (ou plus).");
    return row;
  }
}

type ColonnesType = Pick<TypeDecision, 'libelle' | 'libelleEn' | 'definitif' | 'confirmable' | 'mail' | 'actif'>;

/** A type's columns from the input, its family's model's rules where it says none; refused (400) when they do not fit the family. */
function colonnesType(input: TypeDecisionInput): ColonnesType {
  const modele = REGLES_MODELES[input.famille];
  const regles: RegleDecision = {
    famille: input.famille,
    definitif: input.definitif ?? modele.definitif,
    confirmable: input.confirmable ?? modele.confirmable,
    mail: input.mail === undefined ? modele.mail : input.mail,
  };
  const errors = champsTypeDecision(regles);
  if (errors.length > 0) throw new ValidationFailed(errors);
  return { libelle: input.libelle, libelleEn: input.libelleEn ?? null, definitif: regles.definitif, confirmable: regles.confirmable, mail: regles.mail, actif: input.actif ?? true };
}

/** A model's new labels; its rules may be sent, unchanged, or left out. */
function colonnesModele(current: TypeDecision, input: TypeDecisionInput): ColonnesType {
  const fixes = { definitif: current.definitif, confirmable: current.confirmable, mail: current.mail, actif: current.actif } as const;
  const changees = (Object.keys(fixes) as (keyof typeof fixes)[]).filter((k) => input[k] !== undefined && input[k] !== fixes[k]);
  if (changees.length > 0) throw modeleFige(current, changees);
  return { libelle: input.libelle, libelleEn: input.libelleEn ?? null, ...fixes };
}

const modeleFige = (t: TypeDecision, champs: string[] = []) =>
  new BusinessRule(
    'TYPE_DECISION_MODELE',
    `« ${t.libelle} » est le modèle de sa famille (${t.famille}), ce que décide un avis qui ne nomme aucun type : ses règles ne changent pas et il reste en service ; seuls ses libellés se modifient.`,
    champs.map((field) => ({ field, message: 'ne change pas pour un type modèle' })),
  );

const codePris = (code: string, quoi: string) => new Conflict('CODE_DEJA_UTILISE', `Le code « ${code} » est déjà celui ${quoi} : choisissez-en un autre.`);

function typeDto(t: Omit<TypeDecision, 'id'> & { id: number }): TypeDecisionDto {
  return {
    id: t.id,
    code: t.code,
    libelle: t.libelle,
    libelleEn: t.libelleEn,
    famille: t.famille,
    definitif: t.definitif,
    confirmable: t.confirmable,
    mail: t.mail,
    modele: t.modele,
    actif: t.actif,
    version: t.version,
  };
}
