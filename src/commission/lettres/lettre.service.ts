import { ETABLISSEMENT } from '../../pdf/pdf-commun';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { AccesCandidatures, CandidatureAvecCompte, candidat } from '../../candidature/acces-candidatures';
import { CandidatureService } from '../../candidature/candidature.service';
import { CourrierCandidature } from '../../candidature/courrier-candidature.service';
import { datesDe } from '../../candidature/dates-archivees';
import { DossierPdfService } from '../../candidature/dossier-pdf.service';
import { Candidature } from '../../candidature/entities/candidature.entity';
import { DossierService } from '../../candidat/dossier.service';
import { Principal } from '../../common/auth/roles';
import { Clock, parisDate } from '../../common/clock/clock';
import { BusinessRule, NotFound } from '../../common/errors/domain-errors';
import { MailAttachment } from '../../mail/mail.transport';
import { PieceJointeResolver, PiecesJointes } from '../../mail/pieces-jointes';
import { Campagne } from '../../offre/entities/campagne.entity';
import { LettreData, buildLettreAdmission, buildLettreRefus, nomLettre } from '../../pdf/lettre-pdf';
import { PdfRenderer } from '../../pdf/pdf-renderer';
import { Avis, TypeAvis } from '../../candidature/entities/avis.entity';
import { MotifAvis } from '../../candidature/entities/motif-avis.entity';
import { LETTRE, dateLimiteConfirmation } from '../../candidature/avis/avis-rules';
import { lettreDe, reglesDe } from '../../candidature/candidature-rules';
import { libelleDecision, typeNomme, typesDesAvis } from '../../candidature/decisions';

/**
 * Lettres d'admission and de refus (reference §6), in the candidate's language: built from the published favourable
 * or défavorable avis, for the candidate to download when the commission allows it, and as the decision mail's
 * attachment when it wants that — rendered when the mail is sent (PiecesJointes), never stored; staff preview the
 * letter of an avis before it is validated or published.
 */
@Injectable()
export class LettreService extends PieceJointeResolver implements OnModuleInit {
  readonly type = LETTRE;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly candidatures: CandidatureService,
    private readonly courrier: CourrierCandidature,
    private readonly dossiers: DossierService,
    private readonly dossierPdf: DossierPdfService,
    private readonly renderer: PdfRenderer,
    private readonly piecesJointes: PiecesJointes,
  ) {
    super();
  }

  onModuleInit(): void {
    this.piecesJointes.register(this);
  }

  /** The letter of the candidate's latest published decision, if it is one that has a letter and the commission allows it. */
  async pourCandidat(compteId: number, candidatureId: number): Promise<MailAttachment> {
    const c = await AccesCandidatures.lire(this.dataSource.manager, candidat(compteId), candidatureId);
    const avis = await this.dataSource.getRepository(Avis).findOne({ where: { candidatureId, publieAt: Not(IsNull()) }, relations: { typeDecision: true }, order: { id: 'DESC' } });
    if (!avis || lettreDe(reglesDe(avis)) === null) {
      throw new NotFound('LETTRE_INTROUVABLE', "Aucune lettre n'accompagne pour l'instant cette candidature : elle vient avec la décision d'admission ou de refus.");
    }
    if (!c.formation.commission.lettresTelechargeables) {
      throw new BusinessRule('LETTRE_INDISPONIBLE', 'La commission ne propose pas de lettre à télécharger : sa décision vous a été envoyée par e-mail.');
    }
    return this.lettre(c, avis);
  }

  /**
   * Staff preview, within their scope (AccesCandidatures): the letter of the candidature's latest favourable or
   * défavorable avis, entered, validated or published, as the candidate will receive it (their language included).
   */
  async pourStaff(principal: Principal, candidatureId: number): Promise<MailAttachment> {
    const c = await AccesCandidatures.lire(this.dataSource.manager, principal, candidatureId);
    const avis = await this.dataSource.getRepository(Avis).findOne({ where: { candidatureId, type: In([TypeAvis.FA, TypeAvis.DE]) }, relations: { typeDecision: true }, order: { id: 'DESC' } });
    if (!avis || lettreDe(reglesDe(avis)) === null) {
      throw new NotFound('LETTRE_INTROUVABLE', "Cette candidature n'a pas d'avis favorable ou défavorable définitif : une lettre d'admission ou de refus ne s'écrit qu'à partir d'un tel avis.");
    }
    return this.lettre(c, avis);
  }

  /** For the outbox: the letter of an avis, rebuilt when the mail is sent. */
  async resolve(ref: string): Promise<MailAttachment> {
    const avis = await this.dataSource.getRepository(Avis).findOneOrFail({ where: { id: Number(ref) }, relations: { typeDecision: true } });
    const c = (await this.dataSource.getRepository(Candidature).findOneOrFail({
      where: { id: avis.candidatureId },
      relations: { formation: { commission: { centre: true } }, compteCandidat: true },
    })) as CandidatureAvecCompte;
    return this.lettre(c, avis);
  }

  /**
   * The letter of an avis, in the candidate's language. It names the commission's meeting only when staff typed its
   * date on the avis (never later than the day they entered it): the formation's planned jury date may still be to
   * come, or may not be the day this candidature was decided, so it is never printed as the meeting.
   */
  private async lettre(c: CandidatureAvecCompte, avis: Avis): Promise<MailAttachment> {
    const [dossier, campagne, adresseCommission, typeDe] = await Promise.all([
      this.dossiers.dossier(c.compteCandidatId),
      this.dataSource.getRepository(Campagne).findOneByOrFail({ id: c.campagneId }),
      this.courrier.adresseCommission(c.formation.commission),
      typesDesAvis(this.dataSource.manager, [avis]),
    ]);
    const type = typeDe(avis);
    const sections = await this.dossierPdf.sectionsLisibles(dossier);
    const identite = sections.identite;
    const nom = identite ? (identite.nomUsage ?? identite.nomNaissance) : '';
    const prenom = identite?.prenom ?? '';
    const publieLe = avis.publieAt ? parisDate(avis.publieAt) : parisDate(avis.valideAt ?? this.clock.now());
    const data: LettreData = {
      langue: c.compteCandidat.langue,
      etablissement: ETABLISSEMENT,
      campagne: campagne.libelle,
      editeLe: this.clock.now(),
      numeroDossier: dossier.numeroDossier,
      candidat: { civilite: identite?.civilite ?? '', nom, prenom, adresse: sections.adresse?.lignes ?? [] },
      formation: `${c.formation.code} — ${c.formation.libelle}`,
      commission: { libelle: c.formation.commission.libelle, adresse: adresseCommission, signataire: c.formation.commission.signataire },
      dateReunion: avis.dateReunion,
      dateValidation: publieLe,
      dateConfirmation: dateLimiteConfirmation(c, datesDe(c), publieLe),
      commentaire: avis.commentaireVisible ? avis.commentaire : null,
      decision: typeNomme(type) ? libelleDecision(type, c.compteCandidat.langue) : null,
    };
    const admission = lettreDe(reglesDe(avis)) === 'admission';
    const motif = admission ? null : ((await this.dataSource.getRepository(MotifAvis).findOneBy({ code: avis.motif ?? '' }))?.libelle ?? avis.motif);
    const content = await this.renderer.render(admission ? buildLettreAdmission(data) : buildLettreRefus({ ...data, motif }));
    return { filename: nomLettre(admission ? 'admission' : 'refus', dossier.numeroDossier, nom, prenom, c.formation.code), content, contentType: 'application/pdf' };
  }
}
