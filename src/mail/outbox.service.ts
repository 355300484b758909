import { insererLigne } from '../database/inserer-ligne';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { renewalIntervalMs, startHeartbeat } from '../common/concurrency/heartbeat';
import { AppConfig, MailConfig, appConfig, mailConfig } from '../config';
import { MailOutbox, StatutMail } from './entities/mail-outbox.entity';
import { MailEnvoyeDto } from './dto/mail.dto';
import { MailAttachment, MailTransport } from './mail.transport';
import { PieceJointeRef, PiecesJointes } from './pieces-jointes';
import { appliquerModeleEnregistre } from './modeles/surcharge';
import { OrigineModele } from './templates/mail-template';

export interface MailToSend {
  /** Reference mail code (CPT_MIN_CREATE…) */
  code: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Attached when the mail is sent, by the resolver registered for its type (see PiecesJointes) */
  pieceJointe?: PieceJointeRef;
  /** The editable template it was rendered from: the text staff saved for it, if any, is rendered instead */
  origine?: OrigineModele;
}

export interface DeliveryCounts {
  envoyes: number;
  reportes: number;
  abandonnes: number;
}

/** After this many failed tries a mail is marked ECHEC and left for an operator to look at. */
export const MAX_ESSAIS = 8;
/** Wait before try n+1: 1, 2, 4, 8… minutes, at most an hour. */
export function delaiAvantNouvelEssai(essais: number): number {
  return Math.min(60, 2 ** (essais - 1)) * 60_000;
}

/**
 * The transactional outbox: features enqueue mails in their own transaction; the sender job delivers due rows.
 * A row is claimed with a token by an atomic UPDATE just before it is sent, and the claim is renewed while the send
 * lasts, so concurrent senders (instances, or two ticks) never send the same row however slow the SMTP server is;
 * a sender that crashed leaves its claims to expire after MAIL_CLAIM_SECONDS. An SMTP failure leaves the row waiting
 * with a backoff, so nothing is lost during an outage.
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
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
  ) {}

  /** How long a claim lasts unless renewed: also the envoi-mails job's lease. */
  get claimSeconds(): number {
    return this.mail.claimSeconds;
  }

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
    // Rendered now, in the caller's transaction: the row holds what is sent, whatever the template becomes later.
    const rendu = await appliquerModeleEnregistre(em, mail);
    await insererLigne(em, MailOutbox, {
      code: mail.code,
      destinataire: mail.to,
      sujet: rendu.subject,
      texte: rendu.text,
      html: rendu.html,
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

  /**
   * Sends up to `limit` due mails, as many at once as the transport has connections. Each mail is claimed just
   * before it is sent, its claim renewed while it is under way (six times over MAIL_CLAIM_SECONDS) and once more
   * right before the send, and it is marked sent as soon as the server acknowledged it. A claim found lost (this
   * sender could not renew it in time and another took the row) stops the run: that row is not sent, nor any other.
   * `signal` (the job lease lost) stops it too; sends under way finish and are recorded.
   */
  async deliverDue(limit = 100, signal?: AbortSignal): Promise<DeliveryCounts> {
    const run: SenderRun = { token: randomUUID(), counts: { envoyes: 0, reportes: 0, abandonnes: 0 }, underway: new Map(), destinataires: new Set(), stopped: false };
    const halt = (why: string) => {
      if (run.stopped) return;
      run.stopped = true;
      this.logger.warn(`Envoi des mails interrompu : ${why}`);
    };
    const onAbort = () => halt('le bail du job envoi-mails a été perdu');
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort);
    const heartbeat = startHeartbeat(
      renewalIntervalMs(this.mail.claimSeconds),
      async () => {
        await Promise.all(
          [...run.underway].map(async ([id, row]) => {
            // A row being recorded may no longer match; only a row still being sent after the renewal is lost.
            if (row.settling || (await this.renew(id, run.token)) || row.settling) return;
            row.lost = true;
            halt(`le mail ${id} a été repris par un autre expéditeur`);
          }),
        );
      },
      (error) => halt(`réservations non renouvelées : ${error instanceof Error ? error.message : String(error)}`),
    );
    const errors: unknown[] = [];
    let started = 0;
    const worker = async () => {
      try {
        while (!run.stopped && started < limit) {
          started++;
          const mail = await this.claimNext(run);
          if (!mail) return;
          await this.deliverOne(mail, run, halt);
        }
      } catch (error) {
        errors.push(error);
        halt(error instanceof Error ? error.message : String(error));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.transport.connexions, limit) }, worker));
    } finally {
      signal?.removeEventListener('abort', onAbort);
      await heartbeat.stop();
    }
    if (errors.length > 0) throw errors[0];
    return run.counts;
  }

  private async deliverOne(mail: MailOutbox, run: SenderRun, halt: (why: string) => void): Promise<void> {
    const row = { lost: false, settling: false };
    run.underway.set(mail.id, row);
    try {
      let attachments: MailAttachment[] | undefined;
      try {
        // Resolved on each try: a failure to build the attachment is retried like an SMTP failure.
        attachments = await this.attachments(mail);
      } catch (error) {
        row.settling = true;
        return await this.postpone(mail, run, error);
      }
      if (row.lost || !(await this.renew(mail.id, run.token))) {
        row.lost = true;
        return halt(`le mail ${mail.id} a été repris par un autre expéditeur avant son envoi`);
      }
      try {
        await this.transport.send({ to: mail.destinataire, subject: mail.sujet, text: mail.texte, html: mail.html, messageId: mail.messageId, ...(attachments && { attachments }) });
      } catch (error) {
        row.settling = true;
        return await this.postpone(mail, run, error);
      }
      row.settling = true;
      // Whoever holds the claim now, this mail has left: recorded so that nobody sends it again.
      const recorded = await this.dataSource
        .getRepository(MailOutbox)
        .update({ id: mail.id, statut: StatutMail.EN_ATTENTE }, { statut: StatutMail.ENVOYE, envoyeAt: this.clock.now(), claimToken: null, claimedUntil: null, derniereErreur: null });
      if (recorded.affected !== 1) this.logger.error(`Mail ${mail.id} (${mail.code}) envoyé alors qu'un autre expéditeur l'avait déjà envoyé : il est parti deux fois`);
      run.counts.envoyes++;
    } finally {
      run.underway.delete(mail.id);
      run.destinataires.delete(mail.destinataire);
    }
  }

  /** After a failed try: waits with a backoff, or is given up; left alone if this sender no longer holds it. */
  private async postpone(mail: MailOutbox, run: SenderRun, error: unknown): Promise<void> {
    const essais = mail.essais + 1;
    const abandon = essais >= MAX_ESSAIS;
    const updated = await this.dataSource.getRepository(MailOutbox).update(
      { id: mail.id, claimToken: run.token },
      {
        essais,
        statut: abandon ? StatutMail.ECHEC : StatutMail.EN_ATTENTE,
        prochainEssaiAt: new Date(this.clock.now().getTime() + delaiAvantNouvelEssai(essais)),
        claimToken: null,
        claimedUntil: null,
        derniereErreur: String(error instanceof Error ? error.message : error).slice(0, 1000),
      },
    );
    if (updated.affected !== 1) return;
    if (abandon) {
      run.counts.abandonnes++;
      this.logger.error(`Mail ${mail.id} (${mail.code}) abandonné après ${essais} essais : ${String(error)}`);
    } else {
      run.counts.reportes++;
    }
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

  /**
   * Claims the oldest due mail nobody holds, or null when there is none: candidates are read, then an UPDATE that
   * re-checks one decides who gets it (another sender may have taken it in between: then the next). A mail waits
   * while an older one to the same address is being sent, by this run or another sender, so that one person's mails
   * leave in the order they were written (the second of two activation links is the one that works).
   */
  private async claimNext(run: SenderRun): Promise<MailOutbox | null> {
    const repo = this.dataSource.getRepository(MailOutbox);
    for (let round = 0; round < 10; round++) {
      const now = this.clock.now();
      const due = { statut: StatutMail.EN_ATTENTE, prochainEssaiAt: LessThanOrEqual(now) };
      const candidates = await repo
        .createQueryBuilder('m')
        .select('m.id', 'id')
        .addSelect('m.destinataire', 'destinataire')
        .where(due)
        .andWhere('(m.claimedUntil IS NULL OR m.claimedUntil < :now)', { now })
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.destinataire = m.destinataire AND o.id < m.id AND o.statut = :attente AND o.claimed_until >= :now)',
          { attente: StatutMail.EN_ATTENTE },
        )
        .orderBy('m.id', 'ASC')
        .limit(this.transport.connexions * 2)
        .getRawMany<{ id: number; destinataire: string }>();
      if (candidates.length === 0) return null;
      for (const { id, destinataire } of candidates) {
        // Reserved before the UPDATE is sent: another worker of this run skips the address at once.
        if (run.destinataires.has(destinataire)) continue;
        run.destinataires.add(destinataire);
        const taken = await repo
          .createQueryBuilder()
          .update()
          .set({ claimToken: run.token, claimedUntil: this.claimedUntil() })
          .where({ id, ...due })
          .andWhere('(claimed_until IS NULL OR claimed_until < :now)', { now })
          .execute();
        if (taken.affected === 1) return repo.findOneByOrFail({ id });
        run.destinataires.delete(destinataire);
      }
      // Every candidate was taken by another sender or waits behind a mail of this run: none for this worker now.
      if (candidates.every(({ destinataire }) => run.destinataires.has(destinataire))) return null;
    }
    return null;
  }

  /** Extends this sender's claim on a mail still waiting; false when it no longer holds it. */
  private async renew(id: number, token: string): Promise<boolean> {
    const renewed = await this.dataSource.getRepository(MailOutbox).update({ id, claimToken: token, statut: StatutMail.EN_ATTENTE }, { claimedUntil: this.claimedUntil() });
    return renewed.affected === 1;
  }

  private claimedUntil(): Date {
    return new Date(this.clock.now().getTime() + this.mail.claimSeconds * 1000);
  }
}

/** One call of deliverDue: its claim token, its counts, the mails it is sending, and whether it must stop. */
interface SenderRun {
  token: string;
  counts: DeliveryCounts;
  /** By id: `lost` once another sender holds it, `settling` once its outcome is being recorded */
  underway: Map<number, { lost: boolean; settling: boolean }>;
  /** The addresses of the mails this run is sending (one at a time per address) */
  destinataires: Set<string>;
  stopped: boolean;
}
