import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompteCandidat } from '../auth/entities/compte-candidat.entity';
import { Langue } from '../common/i18n/langue';
import { lienFrontEnd } from '../common/front-end/front-end-pages';
import { AppConfig, appConfig } from '../config';
import { OutboxService } from '../mail/outbox.service';
import { PieceJointeRef } from '../mail/pieces-jointes';
import { RenderedMail } from '../mail/templates/mail-template';
import { CentreCandidature } from '../offre/entities/centre-candidature.entity';
import { Commission } from '../offre/entities/commission.entity';
import { ReferentielService } from '../referentiel/referentiel.service';
import { ContactDto } from './dto/candidature.dto';

/**
 * What every mail about a candidature says of it: the candidate's names and numéro, the formation, the follow link,
 * and the language to write it in (the candidate's; French for the commission's alerts).
 */
export interface DonneesCourrier {
  langue: Langue;
  prenom: string;
  nom: string;
  numeroDossier: string;
  formation: string;
  lien: string;
}

/**
 * The candidature a mail is about; with its account when the caller read it in the transaction (AccesCandidatures
 * loads it with the candidature), else the account is read here.
 */
type Concernee = {
  compteCandidatId: number;
  compteCandidat?: CompteCandidat;
  formation: { libelle: string; commissionId: number; commission?: { centre?: Pick<CentreCandidature, 'copieMailsCandidats' | 'contactEmail'> | null } };
};

/**
 * The mail of a candidature's life, in one place: to the candidate (written to the outbox in the caller's
 * transaction), the commission's alerts, and the commission's postal address as mails, PDFs and the récapitulatif
 * print it.
 */
@Injectable()
export class CourrierCandidature {
  constructor(
    private readonly outbox: OutboxService,
    private readonly referentiel: ReferentielService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /**
   * Mails the candidate of this candidature: `build` gets the common data and returns the rendered template. When the
   * candidature's centre asks for it (copieMailsCandidats), the same mail, attachment included, goes to the centre's
   * contact address too, as its own outbox row (reference typ_send_mail `M`: every candidate mail about a candidature,
   * none of the account's).
   */
  async auCandidat(em: EntityManager, c: Concernee, code: string, build: (d: DonneesCourrier) => RenderedMail, pieceJointe?: PieceJointeRef): Promise<void> {
    const { compte, donnees } = await this.donnees(em, c);
    const mail = { code, ...build(donnees), ...(pieceJointe ? { pieceJointe } : {}) };
    await this.outbox.enqueue(em, { ...mail, to: compte.email });
    const copie = await this.adresseCopie(em, c.formation);
    if (copie) await this.outbox.enqueue(em, { ...mail, to: copie });
  }

  /**
   * The contact address of the centre of this formation's commission, when the centre asks for a copy of its
   * candidates' mails: from the centre the caller loaded with the formation (AccesCandidatures does), else read.
   */
  private async adresseCopie(em: EntityManager, formation: Concernee['formation']): Promise<string | null> {
    const centre = formation.commission?.centre ?? (await em
      .getRepository(CentreCandidature)
      .createQueryBuilder('ce')
      .innerJoin(Commission, 'cm', 'cm.centreId = ce.id')
      .where('cm.id = :commissionId', { commissionId: formation.commissionId })
      .select(['ce.id', 'ce.copieMailsCandidats', 'ce.contactEmail'])
      .getOne());
    return centre?.copieMailsCandidats && centre.contactEmail ? centre.contactEmail : null;
  }

  /** Alerts the candidature's commission, when it wants alerts and has an address: in French, whatever the candidate's language. */
  async alerterCommission(em: EntityManager, c: Concernee & { formation: { commission: Commission } }, code: string, build: (d: DonneesCourrier) => RenderedMail): Promise<void> {
    const commission = c.formation.commission;
    if (!commission.alerte || !commission.email) return;
    const { donnees } = await this.donnees(em, c);
    await this.outbox.enqueue(em, { code, to: commission.email, ...build({ ...donnees, langue: Langue.FR }) });
  }

  private async donnees(em: EntityManager, c: Concernee): Promise<{ compte: CompteCandidat; donnees: DonneesCourrier }> {
    const compte = c.compteCandidat ?? (await em.getRepository(CompteCandidat).findOneByOrFail({ id: c.compteCandidatId }));
    const donnees = { langue: compte.langue, prenom: compte.prenom, nom: compte.nom, numeroDossier: compte.numeroDossier, formation: c.formation.libelle, lien: lienFrontEnd(this.app.publicUrl, 'suiviCandidatures', { numeroDossier: compte.numeroDossier }) };
    return { compte, donnees };
  }

  async contact(commission: Commission): Promise<ContactDto> {
    return { commission: commission.libelle, adresse: await this.adresseCommission(commission), email: commission.email, telephone: commission.telephone };
  }

  /** The commission's address as on an envelope: name, street lines, postal code and city, country abroad. */
  async adresseCommission(c: Commission): Promise<string[]> {
    const libelle = await this.referentiel.libelleur();
    const ville = c.ville ?? libelle('commune', c.commune);
    return [
      c.libelle,
      c.adresseLigne1,
      c.adresseLigne2,
      c.adresseLigne3,
      [c.codePostal, ville].filter(Boolean).join(' '),
      c.pays === 'FR' ? null : libelle('pays', c.pays),
    ].filter((line): line is string => Boolean(line));
  }
}
