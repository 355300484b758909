import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TypeTraitement } from '../../offre/entities/formation.entity';
import { SelectionCandidatures } from '../dto/selection-candidatures.dto';

export class TypeTraitementInput extends SelectionCandidatures {
  @ApiProperty({ enum: TypeTraitement, enumName: 'TypeTraitement', description: 'AC accès contrôlé (validated at once), AD accès direct, AT en attente' })
  @IsIn(Object.values(TypeTraitement), { message: 'doit valoir AC, AD ou AT' })
  typeTraitement: TypeTraitement;
}

export class TypeTraitementResultatDto {
  /** @example 3 */
  modifiees: number;
}
