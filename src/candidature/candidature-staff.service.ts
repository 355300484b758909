import { Injectable } from '@nestjs/common';
import { DossierService } from '../candidat/dossier.service';
import { DossierDto } from '../candidat/dto/dossier.dto';
import { Principal } from '../common/auth/roles';
import { FichierATelecharger } from '../pieces/upload/send-file';
import { CandidatureService } from './candidature.service';
import { DossierPdfService } from './dossier-pdf.service';

/** What staff read of candidates: the access rule first (PerimetreCandidatures), then the candidate-side readers. */
@Injectable()
export class CandidatureStaffService {
  constructor(
    private readonly candidatures: CandidatureService,
    private readonly dossiers: DossierService,
    private readonly pdf: DossierPdfService,
  ) {}

  async dossierCandidat(principal: Principal, numeroDossier: string): Promise<DossierDto> {
    const compte = await this.dossiers.compteParNumero(numeroDossier);
    await this.candidatures.assertStaffMayRead(principal, compte.id);
    return this.dossiers.dossier(compte.id);
  }

  dossierPdf(principal: Principal, id: number): Promise<FichierATelecharger> {
    return this.pdf.pourStaff(principal, id);
  }
}
