import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { PageOf } from '../../common/pagination/page';
import { NatureOpi } from '../opi.entity';

export const ETATS_OPI = ['en-attente', 'transmis'] as const;
export type EtatOpi = (typeof ETATS_OPI)[number];

export class OpiQueryDto extends PageQueryDto {
  @ApiProperty({ enum: ETATS_OPI, required: false, description: 'en-attente: not received by the SI Scol yet; transmis: received. Both when absent' })
  @IsOptional()
  @IsIn(ETATS_OPI, { message: 'doit valoir en-attente ou transmis' })
  etat?: EtatOpi;
}

/** One row of the OPI queue */
export class OpiDto {
  candidatureId: number;
  /** @example "T0000001" */
  numeroDossier: string;
  /** Nom d'usage, else nom de naissance */
  nom: string;
  prenom: string;
  /** Code of the formation @example "M1-GEO2ENV" */
  codeFormation: string;
  /** @example "ECT0000001" */
  codeOpi: string;
  @ApiProperty({ enum: NatureOpi, enumName: 'NatureOpi', description: 'ADMISSION: the candidate confirmed; DESISTEMENT: they withdrew after their admission was transmitted' })
  nature: NatureOpi;
  /** When this nature was queued */
  creeAt: string;
  /** When the SI Scol received it; null: pending */
  transmisAt: string | null;
  /** The batch it went in (file name with OPI_ADAPTER=file); null while pending @example "opi-20270415-223000-1.csv" */
  lot: string | null;
}

export class OpiPage extends PageOf(OpiDto) {}
