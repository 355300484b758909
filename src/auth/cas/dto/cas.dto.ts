import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export type Espace = 'candidat' | 'gestion';

export class CasLoginQueryDto {
  // Explicit: the CLI plugin does not describe a union of string literals.
  @ApiProperty({ enum: ['candidat', 'gestion'], example: 'candidat', description: "The candidate's side (`candidat`) or staff's (`gestion`)" })
  @IsIn(['candidat', 'gestion'], { message: 'doit valoir candidat ou gestion' })
  espace: Espace;

  @ApiPropertyOptional({
    enum: ['json'],
    description:
      '`json`: the callback answers the session as JSON instead of redirecting to the front-end with a one-time code (for the Swagger console, opened in a browser tab)',
  })
  @IsOptional()
  @IsIn(['json'], { message: 'ne peut valoir que json' })
  reponse?: 'json';
}

export class CasCallbackQueryDto extends CasLoginQueryDto {
  /** The service ticket CAS added to the address @example "ST-1-Qx2aZ9bY8cX7dW6e" */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @Length(1, 256, { message: 'doit être le ticket transmis par le CAS' })
  ticket: string;
}

export class CasEchangeDto {
  /** The `code` parameter of the front-end address the callback redirected to: one use, within 60 seconds */
  @IsString({ message: 'doit être une chaîne de caractères' })
  @Length(20, 200, { message: "n'est pas un code de connexion valide" })
  code: string;
}
