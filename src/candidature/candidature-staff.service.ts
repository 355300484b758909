import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DossierService } from '../candidat/dossier.service';
import { DossierDto } from '../candidat/dto/dossier.dto';
import { Clock, parisDate } from '../common/clock/clock';
import { Principal } from '../common/auth/roles';
import { FichierATelecharger } from '../pieces/upload/send-file';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccesCandidatures } from './acces-candidatures';
import { DossierPdfService } from './dossier-pdf.service';
import { nomsDossiers, zipEnFlux } from './dossiers-zip';
import { PiecesCandidatureService } from './pieces-candidature.service';

/** An archive being written: the stream to send, and the name to save it under. */
export interface ArchiveZip {
  stream: Readable;
  nom: string;
}

/** What staff read of candidates: the access policy first (AccesCandidatures), then the candidate-side readers. */
@Injectable()
export class CandidatureStaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly dossiers: DossierService,
    private readonly pdf: DossierPdfService,
    private readonly pieces: PiecesCandidatureService,
  ) {}

  async dossierCandidat(principal: Principal, numeroDossier: string): Promise<DossierDto> {
    const compte = await this.dossiers.compteParNumero(numeroDossier);
    await AccesCandidatures.lireDossier(this.dataSource.manager, principal, compte.id);
    return this.dossiers.dossier(compte.id);
  }

  dossierPdf(principal: Principal, id: number): Promise<FichierATelecharger> {
    return this.pdf.pourStaff(principal, id);
  }

  /** The file a candidate uploaded for a pièce of a candidature of the caller's scope. */
  async fichierPiece(principal: Principal, id: number, pieceId: number): Promise<FichierATelecharger> {
    await AccesCandidatures.lire(this.dataSource.manager, principal, id);
    return this.pieces.fichier(await this.pieces.row(id, pieceId));
  }

  /**
   * The dossier PDFs of candidatures of the caller's scope as one ZIP, in the order asked: every id checked first
   * (all or nothing), then each PDF built when the archive reaches it.
   */
  async dossiersZip(principal: Principal, ids: number[]): Promise<ArchiveZip> {
    const lues = new Map((await AccesCandidatures.lirePlusieurs(this.dataSource.manager, principal, ids)).map((c) => [c.id, c]));
    const candidatures = ids.map((id) => lues.get(id)!);
    const noms = nomsDossiers(candidatures.map((c) => ({ numeroDossier: c.compteCandidat.numeroDossier, formationCode: c.formation.code })));
    const now = this.clock.now();
    const entrees = candidatures.map((c, i) => ({ nom: noms[i], construire: async () => (await this.pdf.pdf(c)).stream }));
    return { stream: zipEnFlux(entrees, now), nom: `dossiers-${parisDate(now)}.zip` };
  }
}
