import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Principal } from '../common/auth/roles';
import { assertVersion } from '../common/concurrency/versioned';
import { Conflict, FieldError, NotFound, PreconditionFailed, ValidationFailed } from '../common/errors/domain-errors';
import { Page, toPage } from '../common/pagination/page';
import { requetePreparee } from '../database/requete-preparee';
import { isUniqueViolation } from '../database/unique-violation';
import { CentreCandidature } from '../offre/entities/centre-candidature.entity';
import { Formation, TypeTraitement } from '../offre/entities/formation.entity';
import { PieceDto, PieceInput, PieceQueryDto } from './dto/gestion-pieces.dto';
import { PieceFormation } from './entities/piece-formation.entity';
import { PieceJustificative } from './entities/piece-justificative.entity';
import { PerimetrePieces } from './perimetre-pieces';
import { FileStorage } from './storage/file-storage';
import { TypeFichier } from './storage/magic-bytes';
import { ReceivedUpload } from './upload/receive-upload';
import { FichierATelecharger } from './upload/send-file';

type Columns = Omit<PieceJustificative, 'id' | 'version' | 'centre' | 'modeleCle' | 'modeleNom' | 'modeleType'>;

/** The statement of `piecesDe`, built once: every récapitulatif, transmission and upload runs it. */
const piecesDemandees = requetePreparee((em) =>
  em
    .getRepository(PieceJustificative)
    .createQueryBuilder('p')
    .where('p.actif = :oui')
    .andWhere('(p.typeTraitement IS NULL OR p.typeTraitement = :typeTraitement)')
    .andWhere(
      new Brackets((owner) =>
        owner
          .where('p.commun = :oui AND p.centreId IS NULL')
          .orWhere('p.commun = :oui AND p.centreId = (SELECT c.centre_id FROM commission c WHERE c.id = :commissionId)')
          .orWhere('p.commun = :non AND EXISTS (SELECT 1 FROM piece_formation pf WHERE pf.piece_id = p.id AND pf.formation_id = :formationId)'),
      ),
    )
    .orderBy('p.ordre', 'ASC')
    .addOrderBy('p.libelle', 'ASC')
    .addOrderBy('p.id', 'ASC'),
);

/**
 * Pièces justificatives: their set-up by staff (the institution's by scolarité centrale, a centre's by its
 * gestionnaires), their model documents, and which of them a candidature to a formation asks for (piecesDe).
 */
@Injectable()
export class PiecesService {
  private readonly logger = new Logger('PiecesService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {}

  /**
   * The active pièces a candidature to this formation asks for, in display order: the institution's common ones,
   * the common ones of the formation's centre and the specific ones attached to the formation, limited to those
   * of its type de traitement (or of every type). One query.
   */
  piecesDe(formation: { id: number; commissionId: number }, typeTraitement: TypeTraitement, em: EntityManager = this.dataSource.manager): Promise<PieceJustificative[]> {
    // Booleans as 1/0: the same on MariaDB (tinyint) and SQLite (integer), which cannot bind `true`.
    return piecesDemandees(em, { oui: 1, non: 0, typeTraitement, commissionId: formation.commissionId, formationId: formation.id });
  }

  async list(principal: Principal, query: PieceQueryDto): Promise<Page<PieceDto>> {
    const scope = PerimetrePieces.centres(principal);
    const qb = this.dataSource.getRepository(PieceJustificative).createQueryBuilder('p').leftJoinAndSelect('p.centre', 'centre');
    // A gestionnaire sees the institution's pièces (asked for their formations too) and those of their centres.
    if (scope) qb.andWhere(scope.length > 0 ? '(p.centreId IS NULL OR centre.code IN (:...scope))' : 'p.centreId IS NULL', { scope });
    if (query.centre) qb.andWhere('centre.code = :centre', { centre: query.centre });
    if (query.formationId) {
      qb.andWhere(
        new Brackets((owner) =>
          owner
            .where('p.commun = :oui AND p.centreId IS NULL')
            .orWhere('p.commun = :oui AND p.centreId = (SELECT c.centre_id FROM formation f JOIN commission c ON c.id = f.commission_id WHERE f.id = :formationId)')
            .orWhere('p.commun = :non AND EXISTS (SELECT 1 FROM piece_formation pf WHERE pf.piece_id = p.id AND pf.formation_id = :formationId)'),
        ),
        { oui: 1, non: 0, formationId: query.formationId },
      );
    }
    const limit = query.limit ?? 20;
    const [rows, total] = await qb
      .orderBy('p.ordre', 'ASC')
      .addOrderBy('p.code', 'ASC')
      .skip(((query.page ?? 1) - 1) * limit)
      .take(limit)
      .getManyAndCount();
    const formations = await this.formationIdsOf(rows.map((p) => p.id));
    return toPage(
      rows.map((p) => pieceDto(p, p.centre?.code ?? null, formations.get(p.id) ?? [])),
      total,
      query,
    );
  }

  async create(principal: Principal, input: PieceInput): Promise<PieceDto> {
    const centre = await this.ownerOf(input.centreId ?? null);
    PerimetrePieces.assertOwner(principal, centre?.code ?? null);
    const formationIds = await this.assertPiece(input, centre);
    const row = { ...pieceColumns(input), modeleCle: null, modeleNom: null, modeleType: null, version: 1 };
    const id = await this.write(input.code, async (em) => {
      // insert() gets a copy: on MariaDB it writes the raw values of defaulted columns back into its argument.
      const pieceId = Number((await em.getRepository(PieceJustificative).insert({ ...row })).identifiers[0].id);
      await this.attach(em, pieceId, formationIds);
      return pieceId;
    });
    return pieceDto({ ...row, id }, centre?.code ?? null, formationIds);
  }

  async update(principal: Principal, id: number, input: PieceInput, ifMatch: number | undefined): Promise<PieceDto> {
    const current = await this.pieceOf(id);
    PerimetrePieces.assertOwner(principal, current.centre?.code ?? null);
    assertVersion(current.version, ifMatch);
    const centre = (input.centreId ?? null) === current.centreId ? (current.centre ?? null) : await this.ownerOf(input.centreId ?? null);
    PerimetrePieces.assertOwner(principal, centre?.code ?? null);
    const formationIds = await this.assertPiece(input, centre);
    const changes = pieceColumns(input);
    await this.write(input.code, async (em) => {
      await versionedUpdate(em, id, current.version, changes);
      await em.getRepository(PieceFormation).delete({ pieceId: id });
      await this.attach(em, id, formationIds);
    });
    return pieceDto({ ...current, ...changes, version: current.version + 1 }, centre?.code ?? null, formationIds);
  }

  /**
   * Replaces the model document of a pièce. The caller's rights and the If-Match are checked before `receive`
   * streams anything to disk; the old file is deleted once the row names the new one.
   */
  async setModele(principal: Principal, id: number, receive: () => Promise<ReceivedUpload>, ifMatch: number | undefined): Promise<PieceDto> {
    const current = await this.pieceOf(id);
    PerimetrePieces.assertOwner(principal, current.centre?.code ?? null);
    assertVersion(current.version, ifMatch);
    const { stored, nomOriginal } = await receive();
    const changes = { modeleCle: stored.key, modeleNom: nomOriginal, modeleType: stored.type };
    try {
      await versionedUpdate(this.dataSource.manager, id, current.version, changes);
    } catch (error) {
      await this.storage.delete(stored.key);
      throw error;
    }
    await this.forget(current.modeleCle);
    return this.dtoOf({ ...current, ...changes, version: current.version + 1 });
  }

  async deleteModele(principal: Principal, id: number, ifMatch: number | undefined): Promise<PieceDto> {
    const current = await this.pieceOf(id);
    PerimetrePieces.assertOwner(principal, current.centre?.code ?? null);
    assertVersion(current.version, ifMatch);
    if (!current.modeleCle) return this.dtoOf(current);
    const changes = { modeleCle: null, modeleNom: null, modeleType: null };
    await versionedUpdate(this.dataSource.manager, id, current.version, changes);
    await this.forget(current.modeleCle);
    return this.dtoOf({ ...current, ...changes, version: current.version + 1 });
  }

  /** The model document of a pièce, for anyone (it is part of the public offer's information). */
  async modele(id: number): Promise<FichierATelecharger> {
    const piece = await this.dataSource.getRepository(PieceJustificative).findOneBy({ id });
    if (!piece) throw pieceIntrouvable();
    if (!piece.modeleCle || !piece.modeleType) throw new NotFound('MODELE_INTROUVABLE', "Cette pièce justificative n'a pas de document modèle à télécharger.");
    return { stream: await this.storage.read(piece.modeleCle), type: piece.modeleType as TypeFichier, nom: piece.modeleNom ?? `modele-${piece.code.toLowerCase()}` };
  }

  /** The stored files of the model documents (all of them, or those among `cles`): for the deletion of unreferenced files. */
  async clesModeles(cles?: string[]): Promise<string[]> {
    const rows = await this.dataSource.getRepository(PieceJustificative).find({ select: { modeleCle: true }, where: { modeleCle: cles ? In(cles) : Not(IsNull()) } });
    return rows.map((p) => p.modeleCle as string);
  }

  private async dtoOf(piece: PieceJustificative): Promise<PieceDto> {
    return pieceDto(piece, piece.centre?.code ?? null, (await this.formationIdsOf([piece.id])).get(piece.id) ?? []);
  }

  /** A file no row names any more: its deletion failing leaves an orphan on disk, never a broken row. */
  private async forget(key: string | null): Promise<void> {
    if (!key) return;
    await this.storage.delete(key).catch((error: unknown) => this.logger.warn({ err: error, key }, 'Ancien fichier modèle non supprimé'));
  }

  private async write<T>(code: string, change: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(change);
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('CODE_DEJA_UTILISE', `Le code « ${code} » est déjà celui d'une autre pièce justificative : choisissez-en un autre.`);
      throw error;
    }
  }

  private async attach(em: EntityManager, pieceId: number, formationIds: number[]): Promise<void> {
    if (formationIds.length > 0) await em.getRepository(PieceFormation).insert(formationIds.map((formationId) => ({ pieceId, formationId })));
  }

  private async formationIdsOf(pieceIds: number[]): Promise<Map<number, number[]>> {
    const byPiece = new Map<number, number[]>();
    if (pieceIds.length === 0) return byPiece;
    const links = await this.dataSource.getRepository(PieceFormation).find({ where: { pieceId: In(pieceIds) }, order: { formationId: 'ASC' } });
    for (const { pieceId, formationId } of links) byPiece.set(pieceId, [...(byPiece.get(pieceId) ?? []), formationId]);
    return byPiece;
  }

  private async pieceOf(id: number): Promise<PieceJustificative> {
    const piece = await this.dataSource.getRepository(PieceJustificative).findOne({ where: { id }, relations: { centre: true } });
    if (!piece) throw pieceIntrouvable();
    return piece;
  }

  private async ownerOf(centreId: number | null): Promise<CentreCandidature | null> {
    if (centreId === null) return null;
    const centre = await this.dataSource.getRepository(CentreCandidature).findOneBy({ id: centreId });
    if (!centre) throw new ValidationFailed([{ field: 'centreId', message: 'ne désigne aucun centre de candidature' }]);
    return centre;
  }

  /** The field rules between fields and against the offer; answers the formation ids to attach. */
  private async assertPiece(input: PieceInput, centre: CentreCandidature | null): Promise<number[]> {
    const errors: FieldError[] = [];
    const formationIds = input.formationIds ?? [];
    if (input.commun && formationIds.length > 0) {
      errors.push({ field: 'formationIds', message: "ne se renseigne que pour une pièce spécifique (commun : false) ; une pièce commune s'applique déjà à toutes les formations" });
    }
    if (!input.commun && input.unicite) {
      errors.push({ field: 'unicite', message: "ne s'applique qu'à une pièce commune (commun : true)" });
    }
    if (errors.length === 0 && formationIds.length > 0) {
      const found = await this.dataSource
        .getRepository(Formation)
        .find({ where: { id: In(formationIds) }, relations: { commission: true }, select: { id: true, code: true, commission: { id: true, centreId: true } } });
      const missing = formationIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length > 0) errors.push({ field: 'formationIds', message: `ne désigne aucune formation pour ${missing.join(', ')}` });
      const elsewhere = centre ? found.filter((f) => f.commission!.centreId !== centre.id) : [];
      if (elsewhere.length > 0) {
        errors.push({ field: 'formationIds', message: `${elsewhere.map((f) => f.code).join(', ')} : formation(s) d'un autre centre que ${centre!.code}, propriétaire de la pièce` });
      }
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
    return formationIds;
  }
}

/** The UPDATE applies only to the version read: a concurrent change in between makes it a 412. */
async function versionedUpdate(em: EntityManager, id: number, version: number, changes: Partial<PieceJustificative>): Promise<void> {
  const result = await em.getRepository(PieceJustificative).update({ id, version }, { ...changes, version: () => 'version + 1' });
  if (!result.affected) throw new PreconditionFailed();
}

const pieceIntrouvable = () => new NotFound('PIECE_INTROUVABLE', "Cette pièce justificative n'existe pas (ou plus).");

function pieceColumns(input: PieceInput): Columns {
  return {
    code: input.code,
    libelle: input.libelle,
    commun: input.commun,
    unicite: input.commun ? (input.unicite ?? false) : false,
    conditionnel: input.conditionnel ?? false,
    actif: input.actif ?? true,
    ordre: input.ordre ?? 1,
    centreId: input.centreId ?? null,
    typeTraitement: input.typeTraitement ?? null,
  };
}

function pieceDto(p: Omit<PieceJustificative, 'centre'>, centreCode: string | null, formationIds: number[]): PieceDto {
  return {
    id: p.id,
    code: p.code,
    libelle: p.libelle,
    commun: p.commun,
    unicite: p.unicite,
    conditionnel: p.conditionnel,
    actif: p.actif,
    ordre: p.ordre,
    centreId: p.centreId,
    centreCode,
    typeTraitement: p.typeTraitement,
    formationIds,
    modele: p.modeleNom && p.modeleType ? { nom: p.modeleNom, type: p.modeleType } : null,
    version: p.version,
  };
}
