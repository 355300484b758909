import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { requetePreparee } from '../database/requete-preparee';
import { NotFound } from '../common/errors/domain-errors';
import { PieceJustificative } from '../pieces/entities/piece-justificative.entity';
import { PiecesService } from '../pieces/pieces.service';
import { FileStorage, StoredFile } from '../pieces/storage/file-storage';
import { FichierATelecharger } from '../pieces/upload/send-file';
import { PieceCandidatureDto } from './dto/candidature.dto';
import { Candidature } from './entities/candidature.entity';
import { PieceCandidature, StatutPiece } from './entities/piece-candidature.entity';

export const STATUT_PIECE_LIBELLES: Record<StatutPiece, string> = {
  [StatutPiece.AT]: 'En attente',
  [StatutPiece.TR]: 'Transmise',
  [StatutPiece.VA]: 'Validée',
  [StatutPiece.RE]: 'Refusée',
  [StatutPiece.NC]: 'Non concerné',
};

/** A pièce's label for the candidate: a row in AT was put there by staff checking a paper file (« manquante »). */
export const libellePiece = (statut: StatutPiece, ligne: boolean): string => (statut === StatutPiece.AT && ligne ? 'Manquante' : STATUT_PIECE_LIBELLES[statut]);

type AvecFormation = Pick<Candidature, 'id' | 'typeTraitement' | 'compteCandidatId'> & { formation?: { id: number; commissionId: number } };

/** A candidature's pièce rows with their definitions, in a statement built once (every récapitulatif reads it). */
const piecesDeLaCandidature = requetePreparee((em) => em.getRepository(PieceCandidature).createQueryBuilder('pc').innerJoinAndSelect('pc.piece', 'piece').where('pc.candidatureId = :id'));

/** A common pièce without unicity: one file for all the candidate's candidatures. */
export const estPartagee = (p: Pick<PieceJustificative, 'commun' | 'unicite'>) => p.commun && !p.unicite;

/**
 * The pièces of candidatures: which apply (the definitions of PiecesService), their statut and file. Files are
 * referred to by key from `piece_candidature` rows; a key no row refers to any more is deleted from the storage.
 */
@Injectable()
export class PiecesCandidatureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly definitions: PiecesService,
    private readonly storage: FileStorage,
  ) {}

  /** The pièces of a candidature: those its formation asks for, plus any already given that has been withdrawn since. */
  async ofCandidature(c: AvecFormation, em: EntityManager = this.dataSource.manager): Promise<PieceCandidatureDto[]> {
    const [defs, rows] = await Promise.all([
      this.definitions.piecesDe(c.formation!, c.typeTraitement, em),
      piecesDeLaCandidature(em, { id: c.id }),
    ]);
    const byPiece = new Map(rows.map((r) => [r.pieceId, r]));
    const retirees = rows.filter((r) => !defs.some((d) => d.id === r.pieceId)).map((r) => r.piece!);
    return [...defs, ...retirees].map((p) => toDto(p, byPiece.get(p.id)));
  }

  /** The row of one pièce (with its definition) of a candidature, if any. */
  row(candidatureId: number, pieceId: number, em: EntityManager = this.dataSource.manager): Promise<PieceCandidature | null> {
    return em.getRepository(PieceCandidature).findOneBy({ candidatureId, pieceId });
  }

  /**
   * The stored file of a pièce row, for every reader (the candidate's download, staff's, the dossier PDF), once they
   * have checked access: FICHIER_INTROUVABLE (404) when no file was given, or when the storage lost it.
   */
  async fichier(row: PieceCandidature | null): Promise<FichierATelecharger> {
    if (!row?.fichierCle) throw new NotFound('FICHIER_INTROUVABLE', "Aucun fichier n'a été déposé pour cette pièce.");
    return { stream: await this.storage.read(row.fichierCle), type: row.fichierType as FichierATelecharger['type'], taille: row.fichierTaille ?? undefined, nom: row.fichierNom ?? 'piece' };
  }

  /** The rows of a candidature that hold a file. */
  avecFichier(candidatureId: number, em: EntityManager = this.dataSource.manager): Promise<PieceCandidature[]> {
    return em.getRepository(PieceCandidature).find({ where: { candidatureId, fichierCle: Not(IsNull()) } });
  }

  /**
   * Sets a pièce of candidatures (one, or several for a shared pièce) to a file or to « non concerné »; returns the
   * keys of the files these rows referred to before, to pass to `FichiersOrphelinsService.liberer` after the commit.
   */
  async poser(em: EntityManager, candidatureIds: number[], pieceId: number, valeur: { fichier: StoredFile; nom: string } | 'NC' | 'AT'): Promise<string[]> {
    const repo = em.getRepository(PieceCandidature);
    const anciennes = await repo.find({ where: { candidatureId: In(candidatureIds), pieceId } });
    const liberes = anciennes.map((r) => r.fichierCle).filter((k): k is string => k !== null);
    // Rows are changed by primary key only, never by (candidature, pièce): on MariaDB a DELETE or UPDATE matching no
    // row of that unique index locks the gap around it, and two candidates whose candidatures are neighbours would
    // each wait for the other's gap to insert (a deadlock). An INSERT of a key nobody holds takes no such lock.
    const existantes = { id: In(anciennes.map((r) => r.id)) };
    if (valeur === 'AT') {
      if (anciennes.length > 0) await repo.delete(existantes);
      return liberes;
    }
    const colonnes = {
      commentaire: null,
      updatedAt: this.clock.now(),
      ...(valeur === 'NC'
        ? { statut: StatutPiece.NC, fichierCle: null, fichierNom: null, fichierType: null, fichierTaille: null }
        : { statut: StatutPiece.TR, fichierCle: valeur.fichier.key, fichierNom: valeur.nom, fichierType: valeur.fichier.type, fichierTaille: valeur.fichier.taille }),
    };
    if (anciennes.length > 0) await repo.update(existantes, colonnes);
    const nouvelles = candidatureIds.filter((id) => !anciennes.some((r) => r.candidatureId === id));
    if (nouvelles.length > 0) await repo.insert(nouvelles.map((candidatureId) => ({ candidatureId, pieceId, ...colonnes })));
    return liberes;
  }

  /**
   * A new candidature starts with the shared pièces the candidate already gave for another live candidature (the
   * latest file, or « non concerné »), as the reference system looks them up across candidatures.
   */
  async reprendrePartagees(em: EntityManager, c: Pick<Candidature, 'id' | 'compteCandidatId' | 'typeTraitement'> & { formation: { id: number; commissionId: number } }): Promise<void> {
    const candidatureId = c.id;
    const partagees = (await this.definitions.piecesDe(c.formation, c.typeTraitement, em)).filter(estPartagee);
    if (partagees.length === 0) return;
    const existantes = await em.getRepository(PieceCandidature).find({
      where: { pieceId: In(partagees.map((p) => p.id)), statut: In([StatutPiece.TR, StatutPiece.VA, StatutPiece.NC]), candidature: { compteCandidatId: c.compteCandidatId, nonAnnulee: true } },
      order: { updatedAt: 'DESC', id: 'DESC' },
    });
    const updatedAt = this.clock.now();
    for (const piece of partagees) {
      const source = existantes.find((r) => r.pieceId === piece.id && r.candidatureId !== candidatureId);
      if (!source) continue;
      await em.getRepository(PieceCandidature).insert({
        candidatureId,
        pieceId: piece.id,
        // Validated for another commission is not validated for this one.
        statut: source.statut === StatutPiece.NC ? StatutPiece.NC : StatutPiece.TR,
        commentaire: null,
        fichierCle: source.fichierCle,
        fichierNom: source.fichierNom,
        fichierType: source.fichierType,
        fichierTaille: source.fichierTaille,
        updatedAt,
      });
    }
  }

  /** Drops every pièce of a (cancelled) candidature; returns the keys of its files for `FichiersOrphelinsService.liberer`. */
  async retirerTout(em: EntityManager, candidatureId: number): Promise<string[]> {
    const rows = await em.getRepository(PieceCandidature).find({ where: { candidatureId } });
    await em.getRepository(PieceCandidature).delete({ candidatureId });
    return rows.map((r) => r.fichierCle).filter((k): k is string => k !== null);
  }
}

function toDto(p: PieceJustificative, row: PieceCandidature | undefined): PieceCandidatureDto {
  const statut = row?.statut ?? StatutPiece.AT;
  return {
    id: p.id,
    code: p.code,
    libelle: p.libelle,
    statut,
    statutLibelle: libellePiece(statut, row !== undefined),
    conditionnel: p.conditionnel,
    partagee: estPartagee(p),
    fichier: row?.fichierNom ?? null,
    commentaire: row?.commentaire ?? null,
    modele: p.modeleCle !== null,
  };
}
