import { Injectable } from '@nestjs/common';
import { DossierService } from '../candidat/dossier.service';
import { DossierDto } from '../candidat/dto/dossier.dto';
import { Principal } from '../common/auth/roles';
import { FichierATelecharger } from '../pieces/upload/send-file';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccesCandidatures } from './acces-candidatures';
import { DossierPdfService } from './dossier-pdf.service';

/** What staff read of candidates: the access policy first (AccesCandidatures), then the candidate-side readers. */
@Injectable()
export class CandidatureStaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossierService,
    private readonly pdf: DossierPdfService,
  ) {}

  async dossierCandidat(principal: Principal, numeroDossier: string): Promise<DossierDto> {
    const compte = await this.dossiers.compteParNumero(numeroDossier);
    await AccesCandidatures.lireDossier(this.dataSource.manager, principal, compte.id);
    return this.dossiers.dossier(compte.id);
  }

  dossierPdf(principal: Principal, id: number): Promise<FichierATelecharger> {
    return this.pdf.pourStaff(principal, id);
  }
}
