import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { AppConfig, appConfig } from '../config';
import { MailOutbox, StatutMail } from './entities/mail-outbox.entity';
import { MailEnvoyeDto } from './dto/mail.dto';
import { MailAttachment, MailTransport } from './mail.transport';
import { PieceJointeRef, PiecesJointes } from './pieces-jointes';

export interface MailToSend {
  /** Reference mail code (CPT_MIN_CREATE…) */
  code: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Attached when the mail is sent, by the resolver registered for its type (see PiecesJointes) */
  pieceJointe?: PieceJointeRef;
}

export interface DeliveryCounts {
  envoyes: number;
  reportes: number;
  abandonnes: number;
}

/** After this many failed tries a mail is marked ECHEC and left for an operator to look at. */
export const MAX_ESSAIS = 8;
/** A sender that claimed rows and died releases them after this long. */
const CLAIM_SECONDS = 300;

/** Wait before try n+1: 1, 2, 4, 8… minutes, at most an hour. */
export function delaiAvantNouvelEssai(essais: number): number {
  return Math.min(60, 2 ** (essais - 1)) * 60_000;
}

/**
 * The transactional outbox: features enqueue mails in their own transaction; the sender job delivers due rows.
 * Rows are claimed with a token by an atomic UPDATE, so concurrent senders (instances, or two ticks) never send
 * the same row; an SMTP failure leaves the row waiting with a backoff, so nothing is lost during an outage.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    private readonly piecesJointes: PiecesJointes,
  ) {}

  /** The mails written to these addresses, newest first: what, when, whether sent (not their text, which held links). */
  async sentTo(addresses: string[]): Promise<MailEnvoyeDto[]> {
    const rows = await this.dataSource.getRepository(MailOutbox).find({
      where: addresses.map((destinataire) => ({ destinataire })),
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return rows.map((m) => ({
      code: m.code,
      destinataire: m.destinataire,
      sujet: m.sujet,
      statut: m.statut,
      createdAt: m.createdAt.toISOString(),
      envoyeAt: m.envoyeAt?.toISOString() ?? null,
    }));
  }

  /** Writes the mail in the caller's transaction: it exists if and only if the caller's change is committed. */
  async enqueue(em: EntityManager, mail: MailToSend): Promise<void> {
    const piece = mail.pieceJointe;
    // A mistake here is the caller's, and would otherwise only show at send time, as a mail that never leaves.
    if (piece && (!this.piecesJointes.has(piece.type) || piece.ref.length === 0 || piece.ref.length > 100)) {
      throw new Error(`Pièce jointe invalide : type « ${piece.type} » sans résolveur ou référence vide ou trop longue`);
    }
    await em.getRepository(MailOutbox).insert({
      code: mail.code,
      destinataire: mail.to,
      sujet: mail.subject,
      texte: mail.text,
      html: mail.html,
      messageId: `<${randomUUID()}@${new URL(this.app.publicUrl).hostname}>`,
      statut: StatutMail.EN_ATTENTE,
      essais: 0,
      prochainEssaiAt: this.clock.now(),
      pieceJointeType: piece?.type ?? null,
      pieceJointeRef: piece?.ref ?? null,
    });
  }

  /** Whether any mail is due now (cheap: lets the job skip taking a lease when there is nothing to do). */
  async hasDue(): Promise<boolean> {
    return (await this.dataSource.getRepository(MailOutbox).count({ where: { statut: StatutMail.EN_ATTENTE, prochainEssaiAt: LessThanOrEqual(this.clock.now()) }, take: 1 })) > 0;
  }

  /** Sends up to `batchSize` due mails. */
  async deliverDue(batchSize = 100): Promise<DeliveryCounts> {
    const counts: DeliveryCounts = { envoyes: 0, reportes: 0, abandonnes: 0 };
    const claimed = await this.claim(batchSize);
    const repo = this.dataSource.getRepository(MailOutbox);
    for (const mail of claimed) {
      const mine = { id: mail.id, claimToken: mail.claimToken as string };
      try {
        // Resolved on each try: a failure to build the attachment is retried like an SMTP failure.
        const attachments = await this.attachments(mail);
        await this.transport.send({ to: mail.destinataire, subject: mail.sujet, text: mail.texte, html: mail.html, messageId: mail.messageId, ...(attachments && { attachments }) });
        await repo.update(mine, { statut: StatutMail.ENVOYE, envoyeAt: this.clock.now(), claimToken: null, claimedUntil: null, derniereErreur: null });
        counts.envoyes++;
      } catch (error) {
        const essais = mail.essais + 1;
        const abandon = essais >= MAX_ESSAIS;
        await repo.update(mine, {
          essais,
          statut: abandon ? StatutMail.ECHEC : StatutMail.EN_ATTENTE,
          prochainEssaiAt: new Date(this.clock.now().getTime() + delaiAvantNouvelEssai(essais)),
          claimToken: null,
          claimedUntil: null,
          derniereErreur: String(error instanceof Error ? error.message : error).slice(0, 1000),
        });
        if (abandon) {
          counts.abandonnes++;
          this.logger.error(`Mail ${mail.id} (${mail.code}) abandonné après ${essais} essais : ${String(error)}`);
        } else {
          counts.reportes++;
        }
      }
    }
    return counts;
  }

  private async attachments(mail: MailOutbox): Promise<MailAttachment[] | undefined> {
    if (mail.pieceJointeType === null || mail.pieceJointeRef === null) return undefined;
    const piece = { type: mail.pieceJointeType, ref: mail.pieceJointeRef };
    try {
      return [await this.piecesJointes.resolve(piece)];
    } catch (error) {
      throw new Error(`Pièce jointe ${piece.type} ${piece.ref} : ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  /** Takes due rows for this sender: candidates are read, then an UPDATE that re-checks them decides who gets each. */
  private async claim(batchSize: number): Promise<MailOutbox[]> {
    const now = this.clock.now();
    const repo = this.dataSource.getRepository(MailOutbox);
    const candidates = await repo
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where('m.statut = :statut', { statut: StatutMail.EN_ATTENTE })
      .andWhere('m.prochainEssaiAt <= :now', { now })
      .andWhere('(m.claimedUntil IS NULL OR m.claimedUntil < :now)', { now })
      .orderBy('m.id', 'ASC')
      .limit(batchSize)
      .getRawMany<{ id: number }>();
    if (candidates.length === 0) return [];
    const token = randomUUID();
    await repo
      .createQueryBuilder()
      .update()
      .set({ claimToken: token, claimedUntil: new Date(now.getTime() + CLAIM_SECONDS * 1000) })
      .where({ id: In(candidates.map((c) => c.id)), statut: StatutMail.EN_ATTENTE })
      .andWhere('(claimed_until IS NULL OR claimed_until < :now)', { now })
      .execute();
    return repo.find({ where: { claimToken: token }, order: { id: 'ASC' } });
  }
}
