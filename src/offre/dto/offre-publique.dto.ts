import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { OptionalRefCode, OptionalText } from '../../common/validation/decorators';

export class OffreQueryDto {
  /** Words of the title or keywords, accents and case ignored @example "planetes" */
  @OptionalText(100)
  q?: string;

  /** Only this centre de candidature (code) @example "OSUC" */
  @OptionalRefCode(20)
  centre?: string;

  /** Only this type of diploma (code of /api/referentiels/types-diplome) @example "MAS" */
  @OptionalRefCode(10)
  typeDiplome?: string;

  /** true: only the formations open to applications today @example true */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'doit valoir true ou false' })
  ouverte?: boolean;
}

export class FormationPubliqueDto {
  /** What POST /api/candidat/candidatures takes as formationId, and GET /api/offre/formations/{id} the detail of @example 4 */
  id: number;
  /** @example "M1-GEO2ENV" */
  code: string;
  /** @example "M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env" */
  libelle: string;
  /** @example "géologie environnement" */
  motsCles: string | null;
  @ApiProperty({ enum: ['DEMATERIALISE', 'PAPIER'], example: 'DEMATERIALISE', description: 'Pieces uploaded online, or the file printed and posted' })
  mode: 'DEMATERIALISE' | 'PAPIER';
  /** @example "2026-11-15" */
  dateDebutCandidature: string;
  /** Inclusive @example "2027-03-31" */
  dateFinCandidature: string;
  /** @example "2027-04-07" */
  dateRetour: string;
  dateJury: string | null;
  datePublication: string | null;
  informationsComplementaires: string | null;
  /** Today (Europe/Paris) is within the application window, bounds included */
  ouverte: boolean;
}

export class TypeDiplomeOffreDto {
  /** @example "MAS" */
  code: string;
  /** @example "Master" */
  libelle: string;
  formations: FormationPubliqueDto[];
}

export class CentreOffreDto {
  /** @example "OSUC" */
  code: string;
  /** @example "Observatoire des Sciences de l'Univers en région Centre" */
  libelle: string;
  typesDiplome: TypeDiplomeOffreDto[];
}

/** The public offer: active formations of active centres, by centre then type of diploma. */
export class OffreDto {
  centres: CentreOffreDto[];
}
