import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { CompteCandidat } from '../auth/entities/compte-candidat.entity';
import { BusinessRule, NotFound } from '../common/errors/domain-errors';
import { lockRows } from '../database/row-lock';
import { FileStorage } from '../pieces/storage/file-storage';
import { FichierATelecharger } from '../pieces/upload/send-file';
import { UploadReceiver } from '../pieces/upload/receive-upload';
import { Clock } from '../common/clock/clock';
import { AccesCandidatures, Acteur, CandidatureComplete, Demandeur, candidat, usagePourCandidat } from './acces-candidatures';
import { verdictDepotPiece } from './candidature-rules';
import { ActionHistorique, tracer } from './historique';
import { CandidatureService } from './candidature.service';
import { CandidatureDto, PieceCandidatureDto } from './dto/candidature.dto';
import { Candidature } from './entities/candidature.entity';
import { FichiersOrphelinsService } from './fichiers-orphelins.service';
import { PiecesCandidatureService } from './pieces-candidature.service';

type Valeur = Parameters<PiecesCandidatureService['poser']>[3];
/** What the candidate gives a pièce: a file, « non concerné », or nothing (back to en attente). */
type Depot = 'fichier' | 'NC' | 'AT';
const depot = (v: Valeur): Depot => (typeof v === 'string' ? v : 'fichier');
const TRACE: Record<Depot, ActionHistorique> = { fichier: 'PIECE_DEPOSEE', NC: 'PIECE_NON_CONCERNE', AT: 'PIECE_RETIREE' };

/**
 * The candidate's side of the pièces justificatives: upload or replace a file, declare « non concerné », start
 * over, download; by the candidate, or by a gestionnaire acting for them (`Acteur`). Allowed while the rules
 * (candidature-rules.ts: « deposerPieces », for staff « deposerPiecesPourCandidat », and verdictDepotPiece) allow it;
 * checked before the upload is read, and again under lock once it is stored, since a transmission may land in
 * between. What staff do is recorded in the candidature's history (historique.ts).
 */
@Injectable()
export class DepotPiecesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly candidatures: CandidatureService,
    private readonly pieces: PiecesCandidatureService,
    private readonly fichiers: FichiersOrphelinsService,
    private readonly receiver: UploadReceiver,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  /** Uploads (or replaces) the file of a pièce; a shared pièce gets it in every candidature still open to changes. */
  async deposer(a: Acteur, id: number, pieceId: number, request: FastifyRequest): Promise<CandidatureDto> {
    await this.modifiable(a, id, pieceId, 'fichier');
    const upload = await this.receiver.receive(request);
    try {
      return await this.poser(a, id, pieceId, { fichier: upload.stored, nom: upload.nomOriginal });
    } catch (error) {
      await this.storage.delete(upload.stored.key);
      throw error;
    }
  }

  /** « Non concerné par cette pièce », for a conditional pièce only. */
  async nonConcerne(a: Acteur, id: number, pieceId: number): Promise<CandidatureDto> {
    await this.modifiable(a, id, pieceId, 'NC');
    return this.poser(a, id, pieceId, 'NC');
  }

  /** Back to « en attente »: the file or the « non concerné » is withdrawn. */
  async retirer(a: Acteur, id: number, pieceId: number): Promise<CandidatureDto> {
    await this.modifiable(a, id, pieceId, 'AT');
    return this.poser(a, id, pieceId, 'AT');
  }

  /** The file the candidate uploaded for a pièce. */
  async fichier(compteId: number, id: number, pieceId: number): Promise<FichierATelecharger> {
    await AccesCandidatures.lire(this.dataSource.manager, candidat(compteId), id);
    return this.pieces.fichier(await this.pieces.row(id, pieceId));
  }

  /** Checked before reading an upload: the candidate (or staff for them) may give this value to the pièce now. */
  private async modifiable(a: Acteur, id: number, pieceId: number, valeur: Depot): Promise<void> {
    await this.piece(a, await AccesCandidatures.lire(this.dataSource.manager, a, id, usagePourCandidat(a)), pieceId, valeur);
  }

  /** The pièce, if the rules let `a` give it this value now (404 when the candidature does not ask for it). */
  private async piece(a: Demandeur, c: CandidatureComplete, pieceId: number, valeur: Depot, em?: EntityManager): Promise<PieceCandidatureDto> {
    const pieces = await this.pieces.ofCandidature(c, em);
    const piece = pieces.find((p) => p.id === pieceId);
    if (!piece) throw new NotFound('PIECE_INTROUVABLE', 'Cette candidature ne demande pas cette pièce justificative.');
    await this.candidatures.assertPossible(c, a.kind === 'candidat' ? 'deposerPieces' : 'deposerPiecesPourCandidat', em, pieces);
    const refus = verdictDepotPiece(valeur, piece);
    if (refus) throw new BusinessRule(refus.code, refus.raison);
    return piece;
  }

  /**
   * Writes the pièce under lock of the candidate's account and candidatures, after checking again that each
   * candidature it goes to is still open to changes; then deletes the files nothing refers to any more. A shared pièce
   * goes to the candidate's other candidatures only where the candidate could give it themselves: what staff may do
   * past the deadline is for the candidature they act on.
   */
  private async poser(a: Acteur, id: number, pieceId: number, valeur: Valeur): Promise<CandidatureDto> {
    const { compteCandidatId: compteId } = await AccesCandidatures.lire(this.dataSource.manager, a, id, usagePourCandidat(a));
    const { liberes, c } = await this.dataSource.transaction(async (em) => {
      await lockRows(em, CompteCandidat, { id: compteId });
      await lockRows(em, Candidature, { compteCandidatId: compteId });
      const c = await AccesCandidatures.lire(em, a, id, usagePourCandidat(a));
      const piece = await this.piece(a, c, pieceId, depot(valeur), em);
      const cibles = [id, ...(piece.partagee && valeur !== 'AT' ? await this.autresOuvertes(em, compteId, id, pieceId, depot(valeur)) : [])];
      if (a.kind === 'staff') await tracer(em, [id], TRACE[depot(valeur)], a.login, this.clock.now(), piece.libelle);
      return { liberes: await this.pieces.poser(em, cibles, pieceId, valeur), c };
    });
    await this.fichiers.liberer(liberes);
    // The candidature read under lock: a pièce changes its pièces, not its row; the récapitulatif reads those again.
    return this.candidatures.recapitulatif(c);
  }

  /** The candidate's other live candidatures that ask for this shared pièce and may still change it themselves. */
  private async autresOuvertes(em: EntityManager, compteId: number, id: number, pieceId: number, valeur: Depot): Promise<number[]> {
    const autres = await em.getRepository(Candidature).find({ where: { compteCandidatId: compteId, nonAnnulee: true }, relations: { formation: { commission: { centre: true } } } });
    const ouvertes: number[] = [];
    for (const autre of autres) {
      if (autre.id === id) continue;
      try {
        await this.piece(candidat(compteId), autre as CandidatureComplete, pieceId, valeur, em);
        ouvertes.push(autre.id);
      } catch (error) {
        if (!(error instanceof NotFound || error instanceof BusinessRule)) throw error;
      }
    }
    return ouvertes;
  }
}
