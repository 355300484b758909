import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Commission } from '../offre/entities/commission.entity';
import { OffrePubliqueService, formationIntrouvable } from '../offre/offre-publique.service';
import { PieceJustificative } from '../pieces/entities/piece-justificative.entity';
import { lienModele } from '../pieces/pieces.controller';
import { PiecesService } from '../pieces/pieces.service';
import { typeTraitementInitial } from './candidature-rules';
import { CourrierCandidature } from './courrier-candidature.service';
import { FormationDetailDto, PieceAFournirDto } from './dto/formation-offre.dto';
import { estPartagee } from './pieces-candidature.service';

/**
 * The public page of a formation: its entry of the public offer (the same snapshot, so a formation is reachable
 * exactly when GET /api/offre shows it), and what applying involves, by the rules a candidature follows: the pièces
 * of a new candidature (its initial type de traitement) and the commission's contact as the récapitulatif gives it.
 * Here rather than in src/offre because those rules are the candidature's.
 */
@Injectable()
export class FormationOffreService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offre: OffrePubliqueService,
    private readonly pieces: PiecesService,
    private readonly courrier: CourrierCandidature,
  ) {}

  async detail(id: number): Promise<FormationDetailDto> {
    const f = await this.offre.formation(id);
    if (!f) throw formationIntrouvable();
    const { commissionId, typeTraitement, ...dates } = f.detail;
    // Pièces and commission are read now: their changes do not bump the offer's snapshot.
    const [pieces, commission] = await Promise.all([
      this.pieces.piecesDe({ id, commissionId }, typeTraitementInitial(typeTraitement).typeTraitement),
      this.dataSource.getRepository(Commission).findOneByOrFail({ id: commissionId }),
    ]);
    return {
      ...f.formation,
      centre: f.centre,
      typeDiplome: f.typeDiplome,
      ...dates,
      pieces: pieces.map(pieceAFournir),
      contact: await this.courrier.contact(commission),
      messageCommission: commission.commentaireCandidat,
    };
  }
}

function pieceAFournir(p: PieceJustificative): PieceAFournirDto {
  return {
    id: p.id,
    code: p.code,
    libelle: p.libelle,
    conditionnel: p.conditionnel,
    partagee: estPartagee(p),
    modele: p.modeleNom && p.modeleType ? { nom: p.modeleNom, type: p.modeleType, url: lienModele(p.id) } : null,
  };
}
