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
import { Langue } from '../../common/i18n/langue';
import { ApercuLettreQuery } from '../../lettres/dto/parametres-lettres.dto';
import { ParametresLettresService } from '../../lettres/parametres-lettres.service';
import { GestionOffreService } from '../../offre/gestion-offre.service';

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
    private readonly parametres: ParametresLettresService,
    private readonly offre: GestionOffreService,
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

  /**
   * A letter of the kind asked with sample data and the current settings, for staff setting them up: of a commission
   * of their scope (its overrides and address) or of an example one, with a type de diplôme's text when one is named.
   */
  async apercu(principal: Principal, query: ApercuLettreQuery): Promise<MailAttachment> {
    const langue = query.langue ?? Langue.FR;
    const commission = query.commissionId ? await this.offre.commissionModifiable(principal, query.commissionId) : null;
    if (query.typeDiplome) await this.parametres.typeDiplome(query.typeDiplome);
    const reglages = await this.parametres.reglages(commission ?? { id: 0, signataire: null }, query.typeDiplome ?? null, langue);
    const maintenant = this.clock.now();
    const jour = parisDate(maintenant);
    const exemple = EXEMPLE[langue];
    const data: LettreData = {
      langue,
      etablissement: reglages.etablissement,
      campagne: exemple.campagne,
      editeLe: maintenant,
      numeroDossier: 'EXEMPLE1',
      candidat: { civilite: 'Mme', nom: 'Exemple', prenom: 'Camille', adresse: ['12 rue des Exemples', '45000 ORLEANS'] },
      formation: exemple.formation,
      commission: {
        libelle: commission?.libelle ?? exemple.commission,
        adresse: reglages.adresseCommission ?? (commission ? await this.courrier.adresseCommission(commission) : []),
        signataire: commission?.signataire ?? null,
      },
      dateReunion: jour,
      dateValidation: jour,
      dateConfirmation: query.type === 'admission' ? parisDate(new Date(maintenant.getTime() + 14 * 24 * 3600 * 1000)) : null,
      commentaire: null,
      mentions: reglages.mentions,
    };
    const content = await this.renderer.render(query.type === 'admission' ? buildLettreAdmission(data) : buildLettreRefus({ ...data, motif: exemple.motif }));
    return { filename: `apercu_lettre_${query.type}.pdf`, content, contentType: 'application/pdf' };
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
    const langue = c.compteCandidat.langue;
    const [dossier, campagne, adresseCommission, typeDe, reglages] = await Promise.all([
      this.dossiers.dossier(c.compteCandidatId),
      this.dataSource.getRepository(Campagne).findOneByOrFail({ id: c.campagneId }),
      this.courrier.adresseCommission(c.formation.commission),
      typesDesAvis(this.dataSource.manager, [avis]),
      this.parametres.reglages(c.formation.commission, c.formation.typeDiplome, langue),
    ]);
    const type = typeDe(avis);
    const sections = await this.dossierPdf.sectionsLisibles(dossier);
    const identite = sections.identite;
    const nom = identite ? (identite.nomUsage ?? identite.nomNaissance) : '';
    const prenom = identite?.prenom ?? '';
    const publieLe = avis.publieAt ? parisDate(avis.publieAt) : parisDate(avis.valideAt ?? this.clock.now());
    const data: LettreData = {
      langue,
      etablissement: reglages.etablissement,
      campagne: campagne.libelle,
      editeLe: this.clock.now(),
      numeroDossier: dossier.numeroDossier,
      candidat: { civilite: identite?.civilite ?? '', nom, prenom, adresse: sections.adresse?.lignes ?? [] },
      formation: `${c.formation.code} — ${c.formation.libelle}`,
      commission: { libelle: c.formation.commission.libelle, adresse: reglages.adresseCommission ?? adresseCommission, signataire: c.formation.commission.signataire },
      dateReunion: avis.dateReunion,
      dateValidation: publieLe,
      dateConfirmation: dateLimiteConfirmation(c, datesDe(c), publieLe),
      commentaire: avis.commentaireVisible ? avis.commentaire : null,
      decision: typeNomme(type) ? libelleDecision(type, langue) : null,
      mentions: reglages.mentions,
    };
    const admission = lettreDe(reglesDe(avis)) === 'admission';
    const motif = admission ? null : ((await this.dataSource.getRepository(MotifAvis).findOneBy({ code: avis.motif ?? '' }))?.libelle ?? avis.motif);
    const content = await this.renderer.render(admission ? buildLettreAdmission(data) : buildLettreRefus({ ...data, motif }));
    return { filename: nomLettre(admission ? 'admission' : 'refus', dossier.numeroDossier, nom, prenom, c.formation.code), content, contentType: 'application/pdf' };
  }
}

/** The sample values of the preview, in each language. */
const EXEMPLE: Record<Langue, { campagne: string; formation: string; commission: string; motif: string }> = {
  fr: { campagne: "Campagne d'exemple", formation: "EXEMPLE — Formation d'exemple", commission: "Commission d'exemple", motif: "Capacité d'accueil atteinte" },
  en: { campagne: 'Sample campaign', formation: 'EXAMPLE — Sample programme', commission: 'Sample admissions committee', motif: 'All places have been filled' },
};
