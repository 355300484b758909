import { setImmediate as tourSuivant } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, LessThan, Not } from 'typeorm';
import { CompteCandidat } from '../auth/entities/compte-candidat.entity';
import { ComptesService } from '../auth/comptes.service';
import { Principal } from '../common/auth/roles';
import { Clock } from '../common/clock/clock';
import { Conflict, NotFound } from '../common/errors/domain-errors';
import { cleNumeroDossier } from '../common/text/cle-identifiant';
import { AppConfig, appConfig } from '../config';
import { Candidature } from '../candidature/entities/candidature.entity';
import { PieceCandidature } from '../candidature/entities/piece-candidature.entity';
import { TAILLE_LOT } from '../database/par-lots';
import { MailOutbox } from '../mail/entities/mail-outbox.entity';
import { OutboxService } from '../mail/outbox.service';
import { DonneesPersonnellesDto } from '../auth/dto/compte.dto';
import { Campagne } from '../offre/entities/campagne.entity';
import { NatureOpi, Opi } from '../opi/opi.entity';
import { FichiersOrphelinsService } from '../candidature/fichiers-orphelins.service';
import { ApercuRetentionDto, BilanDestructionDto, EffacementCandidatDto, EffacementDto } from './dto/retention.dto';
import { compteEfface } from '../mail/templates/compte.templates';

const effacementOpi = (numero: string) =>
  new Conflict(
    'EFFACEMENT_OPI',
    `Le dossier ${numero} ne peut pas être effacé : une admission confirmée a été transmise (ou est en cours de transmission) au SI Scolarité par l'OPI. Le candidat relève désormais de l'inscription administrative ; un désistement transmis lève ce blocage.`,
  );

const ZERO = (): BilanDestructionDto => ({ comptes: 0, candidatures: 0, pieces: 0, fichiers: 0, mails: 0 });

/**
 * What the service keeps, and for how long (reference BATCH_DESTRUCT_DOSSIER and SCOL_NB_JOUR_ARCHIVAGE): a campaign
 * archived more than RETENTION_JOURS days ago loses its accounts, files, candidatures (with their pièces, avis, notes
 * and OPI) and the mails sent to its candidates; the campaign and its offer stay, as the institution's record. And
 * one candidate's erasure on request (RGPD art. 17), by staff, once the candidate was offered their data.
 *
 * Deletes go in batches of TAILLE_LOT rows, each its own short statement, the event loop given back in between, so
 * a destruction of 100,000 candidatures never stalls requests. Files are deleted after the rows that named them
 * (a process stopped in between leaves files the nightly purge-fichiers collects), and only when no row names them.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);
  /** RETENTION_JOURS */
  readonly jours: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fichiers: FichiersOrphelinsService,
    private readonly outbox: OutboxService,
    private readonly comptes: ComptesService,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) app: AppConfig,
  ) {
    this.jours = app.retentionJours;
  }

  /** The dry run: what the next destruction would remove, campaign by campaign; nothing is deleted. */
  async apercu(): Promise<ApercuRetentionDto> {
    const avant = this.limite();
    const campagnes = [];
    for (const c of await this.campagnesEchues(avant)) {
      const [comptes, candidatures, pieces, fichiers, mails] = await Promise.all([
        this.dataSource.getRepository(CompteCandidat).countBy({ campagneId: c.id }),
        this.dataSource.getRepository(Candidature).countBy({ campagneId: c.id }),
        this.piecesDeCampagne(c.id).getCount(),
        this.piecesDeCampagne(c.id).andWhere('p.fichierCle IS NOT NULL').getCount(),
        this.dataSource
          .getRepository(MailOutbox)
          .createQueryBuilder('m')
          .where(`m.destinataire IN (SELECT cc.email FROM compte_candidat cc WHERE cc.campagne_id = :id)`, { id: c.id })
          .getCount(),
      ]);
      campagnes.push({ id: c.id, code: c.code, libelle: c.libelle, archiveeAt: (c.archiveeAt as Date).toISOString(), comptes, candidatures, pieces, fichiers, mails });
    }
    return { jours: this.jours, archiveesAvant: avant.toISOString(), campagnes };
  }

  /** The nightly job: every campaign archived before the limit, oldest first; stops between batches when told to. */
  async detruireCampagnesEchues(signal?: AbortSignal): Promise<Record<string, number>> {
    const total = { campagnes: 0, ...ZERO() };
    for (const campagne of await this.campagnesEchues(this.limite())) {
      if (signal?.aborted) break;
      const bilan = await this.detruireCampagne(campagne, signal);
      if (Object.values(bilan).some((n) => n > 0)) {
        total.campagnes++;
        this.logger.log({ campagne: campagne.code, ...bilan }, `Campagne ${campagne.code} détruite (archivée le ${(campagne.archiveeAt as Date).toISOString()})`);
      }
      for (const key of Object.keys(bilan) as (keyof BilanDestructionDto)[]) total[key] += bilan[key];
    }
    return total;
  }

  /** Staff's copy of a candidate's right-of-access export: what to offer before an erasure. */
  async donnees(numeroDossier: string): Promise<DonneesPersonnellesDto> {
    return this.comptes.donneesDuCompte((await this.compte(numeroDossier)).id);
  }

  /** Erases one candidate at their request: account, file, candidatures, pièces and files, mails; tells them by mail. */
  async effacer(principal: Principal, numeroDossier: string, dto: EffacementCandidatDto): Promise<EffacementDto> {
    const compte = await this.compte(numeroDossier);
    const { bilan, cles } = await this.dataSource.transaction(async (em) => {
      const bilan = ZERO();
      const candidatures = await em.getRepository(Candidature).find({ select: { id: true }, where: { compteCandidatId: compte.id } });
      const ids = candidatures.map((c) => c.id);
      if (ids.length && (await this.detenuParLeSiScol(em, ids))) throw effacementOpi(compte.numeroDossier);
      const pieces = ids.length ? await em.getRepository(PieceCandidature).find({ select: { id: true, fichierCle: true }, where: { candidatureId: In(ids) } }) : [];
      if (ids.length) bilan.candidatures = (await em.getRepository(Candidature).delete({ id: In(ids) })).affected ?? 0;
      bilan.pieces = pieces.length;
      bilan.mails = await this.supprimerMails(em, [compte], null);
      await this.outbox.enqueue(em, { code: 'CPT_SUPPR', to: compte.email, ...compteEfface({ ...compte, langue: compte.langue }) });
      bilan.comptes = (await em.getRepository(CompteCandidat).delete({ id: compte.id })).affected ?? 0;
      return { bilan, cles: pieces.map((p) => p.fichierCle).filter((k): k is string => k !== null) };
    });
    bilan.fichiers = await this.fichiers.liberer(cles);
    this.logger.warn({ numeroDossier: compte.numeroDossier, par: principal.login, motif: dto.motif ?? null, ...bilan }, `Compte candidat ${compte.numeroDossier} effacé à la demande du candidat`);
    return { numeroDossier: compte.numeroDossier, emailInforme: compte.email, ...bilan };
  }

  private async detruireCampagne(campagne: Campagne, signal?: AbortSignal): Promise<BilanDestructionDto> {
    const bilan = ZERO();
    const candidatures = this.dataSource.getRepository(Candidature);
    // Candidatures first (their pièces, avis, notes and OPI go with them, ON DELETE CASCADE), then the files they named.
    for (;;) {
      if (signal?.aborted) return bilan;
      const lot = await candidatures.find({ select: { id: true }, where: { campagneId: campagne.id }, order: { id: 'ASC' }, take: TAILLE_LOT });
      if (lot.length === 0) break;
      const ids = lot.map((c) => c.id);
      const pieces = await this.dataSource.getRepository(PieceCandidature).find({ select: { id: true, fichierCle: true }, where: { candidatureId: In(ids) } });
      bilan.candidatures += (await candidatures.delete({ id: In(ids), campagneId: campagne.id })).affected ?? 0;
      bilan.pieces += pieces.length;
      bilan.fichiers += await this.fichiers.liberer(pieces.map((p) => p.fichierCle).filter((k): k is string => k !== null));
      if (lot.length < TAILLE_LOT) break;
      await tourSuivant();
    }
    // Then the accounts (their file, sessions, imports go with them), with the mails sent to them.
    const comptes = this.dataSource.getRepository(CompteCandidat);
    for (;;) {
      if (signal?.aborted) return bilan;
      const lot = await comptes.find({ select: { id: true, email: true, emailNouveau: true }, where: { campagneId: campagne.id }, order: { id: 'ASC' }, take: TAILLE_LOT });
      if (lot.length === 0) break;
      bilan.mails += await this.supprimerMails(this.dataSource.manager, lot, campagne);
      bilan.comptes += (await comptes.delete({ id: In(lot.map((c) => c.id)), campagneId: campagne.id })).affected ?? 0;
      if (lot.length < TAILLE_LOT) break;
      await tourSuivant();
    }
    return bilan;
  }

  /**
   * The outbox rows sent to these accounts' addresses. An address another account still uses (the same person in a
   * later campaign) keeps its rows, but for those written before `campagne` was archived when a campaign is given.
   */
  private async supprimerMails(em: EntityManager, comptes: Pick<CompteCandidat, 'id' | 'email' | 'emailNouveau'>[], campagne: Campagne | null): Promise<number> {
    const adresses = [...new Set(comptes.flatMap((c) => [c.email, ...(c.emailNouveau ? [c.emailNouveau] : [])]))];
    if (adresses.length === 0) return 0;
    const partagees = new Set(
      (await em.getRepository(CompteCandidat).find({ select: { email: true }, where: { email: In(adresses), id: Not(In(comptes.map((c) => c.id))) } })).map((c) => c.email),
    );
    const mails = em.getRepository(MailOutbox);
    const propres = adresses.filter((a) => !partagees.has(a));
    let supprimes = propres.length ? ((await mails.delete({ destinataire: In(propres) })).affected ?? 0) : 0;
    if (campagne?.archiveeAt && partagees.size > 0) {
      supprimes += (await mails.delete({ destinataire: In([...partagees]), createdAt: LessThan(campagne.archiveeAt) })).affected ?? 0;
    }
    return supprimes;
  }

  /**
   * Whether the SI Scolarité holds or awaits something of these candidatures: an admission (pushed or pending), or a
   * withdrawal not pushed yet. Erasing then would leave an enrolment the institution can no longer trace.
   */
  private async detenuParLeSiScol(em: EntityManager, candidatureIds: number[]): Promise<boolean> {
    return em
      .getRepository(Opi)
      .createQueryBuilder('o')
      .where('o.candidatureId IN (:...candidatureIds)', { candidatureIds })
      .andWhere(new Brackets((b) => b.where('o.nature = :admission', { admission: NatureOpi.ADMISSION }).orWhere('o.transmisAt IS NULL')))
      .getExists();
  }

  private piecesDeCampagne(campagneId: number) {
    return this.dataSource
      .getRepository(PieceCandidature)
      .createQueryBuilder('p')
      .innerJoin(Candidature, 'c', 'c.id = p.candidatureId')
      .where('c.campagneId = :campagneId', { campagneId });
  }

  private campagnesEchues(avant: Date): Promise<Campagne[]> {
    return this.dataSource.getRepository(Campagne).find({ where: { archiveeAt: LessThan(avant) }, order: { archiveeAt: 'ASC', id: 'ASC' } });
  }

  private limite(): Date {
    return new Date(this.clock.now().getTime() - this.jours * 86_400_000);
  }

  private async compte(numeroDossier: string): Promise<CompteCandidat> {
    const compte = await this.dataSource.getRepository(CompteCandidat).findOneBy({ numeroDossier: cleNumeroDossier(numeroDossier.replace(/\s/g, '')) });
    if (!compte) throw new NotFound('DOSSIER_INTROUVABLE', `Aucun dossier ne porte le numéro ${numeroDossier}.`);
    return compte;
  }
}
