import { IsBoolean, IsDefined, IsISO8601, IsOptional } from 'class-validator';
import { OptionalText } from '../../common/validation/decorators';

export class ModifierMaintenanceDto {
  /** true: candidates are turned away (503) until it is switched off or its end passes; false: switched off */
  @IsDefined({ message: 'est obligatoire' })
  @IsBoolean({ message: 'doit valoir true ou false' })
  active: boolean;

  /** What candidates read, in French; empty: a general sentence @example "Mise à jour de la plateforme : retour prévu à 14 h." */
  @OptionalText(500)
  message?: string;

  /** When it ends by itself (UTC ISO-8601), also the `Retry-After` candidates get; absent: when switched off @example "2026-12-06T13:00:00.000Z" */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'doit être un instant ISO-8601 (2026-12-06T13:00:00Z)' })
  fin?: string;
}

export class MaintenanceDto {
  /** Switched on (its end may have passed: see enCours) */
  active: boolean;
  /** Candidates are turned away right now */
  enCours: boolean;
  /** @example "Mise à jour de la plateforme : retour prévu à 14 h." */
  message: string | null;
  /** @example "2026-12-06T13:00:00.000Z" */
  fin: string | null;
  /** Administrator who last changed it @example "admin" */
  modifiePar: string | null;
  /** @example "2026-12-06T11:00:00.000Z" */
  updatedAt: string | null;
}

/** What anyone (the front-end before login) may know of the maintenance mode */
export class MaintenancePubliqueDto {
  enCours: boolean;
  /** @example "Mise à jour de la plateforme : retour prévu à 14 h." */
  message: string | null;
  /** @example "2026-12-06T13:00:00.000Z" */
  fin: string | null;
}
