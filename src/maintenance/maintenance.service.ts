import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/roles';
import { Clock } from '../common/clock/clock';
import { BusinessRule, ServiceUnavailable } from '../common/errors/domain-errors';
import { MaintenanceDto, MaintenancePubliqueDto, ModifierMaintenanceDto } from './dto/maintenance.dto';
import { Maintenance } from './maintenance.entity';

/** How long an instance trusts what it read: a change reaches every instance within this (the writer's at once). */
export const FRAICHEUR_MAINTENANCE_MS = 2000;
/** Retry-After of a maintenance with no end given: five minutes. */
export const RETRY_AFTER_SANS_FIN = 300;
const MESSAGE_PAR_DEFAUT = 'La plateforme de candidature est en maintenance : réessayez un peu plus tard.';
const LIGNE = 1;

/**
 * The maintenance mode: while it is on, candidates (their routes, their login, account creation and links) are
 * answered 503 with the administrator's message and a Retry-After; staff, the public offer and health keep working.
 * Stored in the database so every instance agrees; each instance re-reads it at most every two seconds.
 */
@Injectable()
export class MaintenanceService {
  private lu: { ligne: Maintenance | null; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Throws MAINTENANCE_EN_COURS (503) while the maintenance mode is on. */
  async refuserCandidats(): Promise<void> {
    const ligne = await this.ligne();
    if (!ligne || !this.enCours(ligne)) return;
    const restant = ligne.finAt ? Math.max(1, Math.ceil((ligne.finAt.getTime() - this.clock.now().getTime()) / 1000)) : RETRY_AFTER_SANS_FIN;
    throw new ServiceUnavailable('MAINTENANCE_EN_COURS', ligne.message || MESSAGE_PAR_DEFAUT, restant);
  }

  async etat(): Promise<MaintenanceDto> {
    return this.toDto(await this.ligne(true));
  }

  async etatPublic(): Promise<MaintenancePubliqueDto> {
    const ligne = await this.ligne();
    const enCours = ligne !== null && this.enCours(ligne);
    return { enCours, message: enCours ? ligne.message || MESSAGE_PAR_DEFAUT : null, fin: enCours ? (ligne.finAt?.toISOString() ?? null) : null };
  }

  async modifier(principal: Principal, dto: ModifierMaintenanceDto): Promise<MaintenanceDto> {
    const now = this.clock.now();
    const fin = dto.active && dto.fin ? new Date(dto.fin) : null;
    if (fin && fin <= now) {
      throw new BusinessRule('FIN_MAINTENANCE_PASSEE', 'La fin de la maintenance doit être à venir : sans fin, elle dure jusqu’à ce que vous la désactiviez.');
    }
    await this.dataSource.getRepository(Maintenance).save({
      id: LIGNE,
      active: dto.active,
      message: dto.active ? dto.message || null : null,
      finAt: fin,
      modifiePar: principal.login,
      updatedAt: now,
    });
    this.lu = null;
    return this.etat();
  }

  private enCours(ligne: Maintenance): boolean {
    return Boolean(ligne.active) && (!ligne.finAt || ligne.finAt > this.clock.now());
  }

  private async ligne(fraiche = false): Promise<Maintenance | null> {
    const now = Date.now();
    if (!fraiche && this.lu && now - this.lu.at < FRAICHEUR_MAINTENANCE_MS) return this.lu.ligne;
    const ligne = await this.dataSource.getRepository(Maintenance).findOneBy({ id: LIGNE });
    this.lu = { ligne, at: now };
    return ligne;
  }

  private toDto(ligne: Maintenance | null): MaintenanceDto {
    return {
      active: Boolean(ligne?.active),
      enCours: ligne !== null && this.enCours(ligne),
      message: ligne?.message ?? null,
      fin: ligne?.finAt?.toISOString() ?? null,
      modifiePar: ligne?.modifiePar ?? null,
      updatedAt: ligne?.updatedAt?.toISOString() ?? null,
    };
  }
}
