import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { Role } from '../common/auth/roles';
import { AppConfig, appConfig } from '../config';
import { CampagneService } from '../offre/campagne.service';
import { Campagne } from '../offre/entities/campagne.entity';

/** The demo staff: one account a role, so a newcomer can try every screen from the Swagger console. */
export const DEMO_STAFF = [
  { login: 'admin', role: Role.ADMIN, prenom: 'Camille', nom: 'Admin' },
  { login: 'scol', role: Role.SCOL_CENTRALE, prenom: 'Dominique', nom: 'Scolarité' },
  { login: 'gestionnaire', role: Role.GESTIONNAIRE, prenom: 'Claude', nom: 'Gestion' },
  { login: 'commission', role: Role.COMMISSION, prenom: 'Alex', nom: 'Commission' },
].map((s) => ({ ...s, password: `demo-${s.login}-candidatures` }));

/**
 * Loads the demo data once, into an empty database, when DEMO_DATA=true (the embedded default): a campaign in
 * service and the demo staff. Never in production.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campagnes: CampagneService,
    private readonly auth: AuthService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.app.demoData || (await this.dataSource.getRepository(Campagne).count()) > 0) return;
    await this.campagnes.create({ code: '2027', libelle: 'Campagne 2027', dateDebut: '2026-11-01', dateFin: '2027-09-30', enService: true });
    for (const s of DEMO_STAFF) {
      await this.auth.createStaff({ login: s.login, email: `${s.login}@candidatures.localhost`, nom: s.nom, prenom: s.prenom, password: s.password, roles: [s.role] });
    }
    this.logger.log('Données de démonstration chargées : campagne 2027 en service, un compte par rôle');
  }
}
