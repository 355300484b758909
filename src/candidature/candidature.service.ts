import { Inject, Injectable } from '@nestjs/common';
import { codeFormationCopie, nomRechercheCopie, reporterAvisCourant } from './liste-candidature-colonnes';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CompteCandidat } from '../auth/entities/compte-candidat.entity';
import { DossierService } from '../candidat/dossier.service';
import { Clock, formatDate, parisDate } from '../common/clock/clock';
import { BusinessRule, Conflict } from '../common/errors/domain-errors';
import { AppConfig, appConfig } from '../config';
import { insererLigne } from '../database/inserer-ligne';
import { isUniqueViolation } from '../database/unique-violation';
import { lockRows } from '../database/row-lock';
import { requetePreparee } from '../database/requete-preparee';
import { CourrierCandidature } from './courrier-candidature.service';
import { alerteCommission, candidatureAnnulee, candidatureEnregistree, candidatureProposee, candidatureRestauree, candidatureTransmise } from '../mail/templates/candidature.templates';
import { CampagneService } from '../offre/campagne.service';
import { Formation } from '../offre/entities/formation.entity';
import { formationIntrouvable } from '../offre/offre-publique.service';
import { AccesCandidatures, Acteur, CandidatureComplete, candidat } from './acces-candidatures';
import { tracer } from './historique';
import { Avis, TypeAvis } from './entities/avis.entity';
import { nouvelAvis } from './avis/avis-rules';
import { ActionCandidat, Actions, DATES_FORMATION, HORS_PERIODE, STATUT_DOSSIER_LIBELLES, TYPE_TRAITEMENT_LIBELLES, actionsPossibles, dansLaFenetre, exiger, typeTraitementInitial } from './candidature-rules';
import { datesDe } from './dates-archivees';
import { codeOpiDe, decisionsVisibles, reponseDe } from './decisions';
import { AvisCourants, avisCourants, etatDe, etatsDe } from './etat-candidature';
import { CandidatureDto, CandidatureResumeDto, PieceCandidatureDto } from './dto/candidature.dto';
import { Candidature, StatutDossier } from './entities/candidature.entity';
import { FichiersOrphelinsService } from './fichiers-orphelins.service';
import { PiecesCandidatureService } from './pieces-candidature.service';

/**
 * The candidate's live candidatures with what the list shows of their formations (its summary and dates), newest
 * first: the statement of their list, built once.
 */
const candidaturesVivantes = requetePreparee((em) =>
  em
    .getRepository(Candidature)
    .createQueryBuilder('c')
    .innerJoin('c.formation', 'formation')
    .addSelect(['formation.id', 'formation.code', 'formation.libelle', 'formation.demat', ...DATES_FORMATION.map((d) => `formation.${d}`)])
    .where('c.compteCandidatId = :compteId')
    .andWhere('c.nonAnnulee = :oui')
    .orderBy('c.createdAt', 'DESC')
    .addOrderBy('c.id', 'DESC'),
);

/**
 * The candidate's vœux: apply, list, récapitulatif, cancel, transmit. Whether an action is allowed is the transition
 * table's verdict (candidature-rules.ts), on the state etat-candidature.ts loads; this service adds the transaction,
 * with the rows locked, that makes the verdict hold at commit.
 */
@Injectable()
export class CandidatureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly campagnes: CampagneService,
    private readonly dossiers: DossierService,
    private readonly pieces: PiecesCandidatureService,
    private readonly fichiers: FichiersOrphelinsService,
    private readonly courrier: CourrierCandidature,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /**
   * Applies to a formation: file complete, campaign in service, formation active and inside its window, once per
   * formation, within the maximum number of vœux.
   */
  async candidater(compteId: number, formationId: number): Promise<CandidatureDto> {
    const compte = () => this.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: compteId });
    return this.detail(compteId, await this.creer(compte, formationId, null));
  }

  /**
   * A « proposition » (reference §2.2, §2.9): a gestionnaire of the formation's centre (scolarité, admin) creates a
   * candidature for a candidate outside the formation's window and the maximum of vœux; the file is complete (CO) and
   * a favourable avis waits for the commission's validation; the commission is alerted and the candidate mailed.
   */
  async proposer(a: Acteur, numeroDossier: string, formationId: number): Promise<CandidatureDto> {
    const id = await this.creer(() => this.dossiers.compteParNumero(numeroDossier), formationId, a);
    return this.recapitulatif(await AccesCandidatures.lire(this.dataSource.manager, a, id));
  }

  /**
   * Creates a candidature, the candidate's own or staff's proposition (`proposePar`); the candidate's account is read
   * once the formation is known to be the caller's, so staff out of scope learn nothing of it. The account row is
   * locked first, so that concurrent creations for one candidate are counted one after the other; the unique index
   * catches what would slip through.
   */
  private async creer(compteDe: () => Promise<CompteCandidat>, formationId: number, proposePar: Acteur | null): Promise<number> {
    const today = parisDate(this.clock.now());
    // find, not findOne: with relations, findOne's LIMIT makes TypeORM run a SELECT DISTINCT of ids first.
    const [formation] = await this.dataSource.getRepository(Formation).find({ where: { id: formationId }, relations: { commission: { centre: true } } });
    // What the public offer shows (an active formation of an active centre) is what may be applied to.
    if (!formation?.actif || !formation.commission?.centre?.actif) throw formationIntrouvable();
    if (proposePar) AccesCandidatures.gererFormation(proposePar, formation as CandidatureComplete['formation']);
    const compte = await compteDe();
    const compteId = compte.id;
    const campagne = proposePar ? await this.campagnes.enService() : await this.campagnes.ouverte();
    if (campagne.id !== compte.campagneId) {
      throw new BusinessRule(
        'COMPTE_AUTRE_CAMPAGNE',
        proposePar
          ? `Le compte ${compte.numeroDossier} appartient à une campagne précédente : le candidat doit créer un compte pour la campagne ${campagne.libelle}.`
          : `Votre compte appartient à une campagne précédente : créez un compte pour la campagne ${campagne.libelle} pour candidater.`,
      );
    }
    const manquants = await this.dossiers.manquantsOf(compteId);
    if (manquants.length > 0) {
      throw new BusinessRule(
        'DOSSIER_INCOMPLET',
        `${proposePar ? 'Le dossier du candidat est incomplet' : 'Complétez votre dossier avant de candidater'} : ${manquants.map((m) => m.libelle).join(' ')}`,
        manquants.map((m) => ({ field: m.section, message: m.libelle })),
      );
    }
    if (!proposePar && !dansLaFenetre(formation, today)) throw new BusinessRule('CANDIDATURE_HORS_PERIODE', HORS_PERIODE);
    // Read before the transaction: inside it, nothing may wait for another pool connection than its own.
    const adresse = await this.courrier.adresseCommission(formation.commission!);
    const existante = () => (proposePar ? new Conflict('CANDIDATURE_EXISTANTE', `Le candidat ${compte.numeroDossier} a déjà une candidature à cette formation.`) : dejaCandidat());

    return this.dataSource.transaction(async (em) => {
      await lockRows(em, CompteCandidat, { id: compteId });
      const vivantes = await em.getRepository(Candidature).find({ where: { compteCandidatId: compteId, nonAnnulee: true }, relations: { formation: { commission: true } } });
      if (vivantes.some((c) => c.formationId === formationId)) throw existante();
      if (!proposePar) this.assertMaxVoeux(vivantes, formation as CandidatureComplete['formation']);
      const now = this.clock.now();
      const traitement = typeTraitementInitial(formation.typeTraitement);
      let inserted: number;
      try {
        inserted = await insererLigne(em, Candidature, {
          campagneId: campagne.id,
          compteCandidatId: compteId,
          numeroDossier: compte.numeroDossier,
          formationId,
          formationCode: codeFormationCopie(formationId),
          nomRecherche: nomRechercheCopie(compteId),
          statutDossier: proposePar ? StatutDossier.CO : StatutDossier.AT,
          statutDossierAt: now,
          ...(proposePar ? { dateComplet: today } : {}),
          ...traitement,
          createdAt: now,
          nonAnnulee: true,
          version: 1,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw existante();
        throw error;
      }
      await this.dossiers.verrouillerIdentite(em, compteId);
      await this.pieces.reprendrePartagees(em, { id: inserted, compteCandidatId: compteId, formation, typeTraitement: traitement.typeTraitement });
      const concernee = { compteCandidatId: compteId, compteCandidat: compte, formation: formation as CandidatureComplete['formation'] };
      if (proposePar) {
        await em.getRepository(Avis).insert(nouvelAvis({ candidatureId: inserted, type: TypeAvis.FA, creePar: proposePar.login, createdAt: now }));
        await reporterAvisCourant(em, [inserted]);
        await tracer(em, [inserted], 'PROPOSITION', proposePar.login, now);
        await this.courrier.auCandidat(em, concernee, 'CANDIDATURE_PROPOSITION', candidatureProposee);
        await this.courrier.alerterCommission(em, concernee, 'COMMISSION_ALERT_PROPOSITION', (d) => alerteCommission({ ...d, evenement: 'proposition' }));
      } else {
        await this.courrier.auCandidat(em, concernee, 'CANDIDATURE', (d) => candidatureEnregistree({ ...d, dateRetour: formation.dateRetour, demat: formation.demat, adresse }));
      }
      return inserted;
    });
  }

  /** The candidate's live candidatures, newest first (the guide's table). */
  async liste(compteId: number): Promise<CandidatureResumeDto[]> {
    const rows = (await candidaturesVivantes(this.dataSource.manager, { compteId, oui: 1 })) as CandidatureComplete[];
    const decisions = await decisionsVisibles(this.dataSource.manager, rows);
    return rows.map((c) => ({
      id: c.id,
      formation: formationResume(c.formation),
      dateLimiteRetour: datesDe(c).dateRetour,
      statutDossier: { code: c.statutDossier, libelle: STATUT_DOSSIER_LIBELLES[c.statutDossier] },
      decision: decisions.get(c.id)!,
      createdAt: c.createdAt.toISOString(),
    }));
  }

  /** « Récapitulatif de votre candidature » of one of the candidate's candidatures. */
  async detail(compteId: number, id: number): Promise<CandidatureDto> {
    return this.recapitulatif(await AccesCandidatures.lire(this.dataSource.manager, candidat(compteId), id));
  }

  /**
   * « Annuler la candidature »: only in statut AT without any avis (the table's `annuler`), irreversible. The candidature
   * row is locked before the check, as staff lock it to enter an avis or change the statut, so the two never cross.
   * The candidature's own files go; files shared with other candidatures stay. The account row is locked first, as
   * applying and uploading lock it: a new candidature taking up the candidate's shared files never copies the key of
   * a file this cancel is about to delete.
   */
  async annuler(compteId: number, id: number, par: string): Promise<CandidatureDto> {
    const liberes = await this.dataSource.transaction(async (em) => {
      await lockRows(em, CompteCandidat, { id: compteId });
      const [c] = await AccesCandidatures.agir(em, candidat(compteId), [id], 'saisie');
      await this.assertPossible(c, 'annuler', em);
      await em.getRepository(Candidature).update({ id }, { nonAnnulee: null, annuleeAt: this.clock.now(), annuleePar: par, version: c.version + 1 });
      const fichiers = await this.pieces.retirerTout(em, id);
      await this.courrier.auCandidat(em, c, 'CANDIDATURE_ANNULATION', candidatureAnnulee);
      await this.courrier.alerterCommission(em, c, 'COMMISSION_ALERT_ANNULATION', (d) => alerteCommission({ ...d, evenement: 'annulation' }));
      return fichiers;
    });
    await this.fichiers.liberer(liberes);
    return this.detail(compteId, id);
  }

  /**
   * Restores a cancelled candidature (reference #72): a gestionnaire of its centre (scolarité, admin), when it was
   * cancelled before any avis and its campaign is not archived (the table's `restaurer`). It comes back as it was,
   * with the candidate's shared pièces given elsewhere; the candidate is mailed. The account row is locked first, as
   * applying locks it, and the unique index refuses a restoration when the candidate has applied again since.
   */
  async restaurer(a: Acteur, id: number): Promise<CandidatureDto> {
    const { compteCandidatId } = await AccesCandidatures.lire(this.dataSource.manager, a, id, 'gestion');
    await this.dataSource.transaction(async (em) => {
      await lockRows(em, CompteCandidat, { id: compteCandidatId });
      const [c] = await AccesCandidatures.agir(em, a, [id], 'gestion');
      await this.assertPossible(c, 'restaurer', em);
      const detail = `Annulée le ${formatDate(parisDate(c.annuleeAt!))} par ${c.annuleePar}`;
      try {
        await em.getRepository(Candidature).update({ id }, { nonAnnulee: true, annuleeAt: null, annuleePar: null, version: c.version + 1 });
      } catch (error) {
        if (isUniqueViolation(error)) throw new Conflict('CANDIDATURE_EXISTANTE', 'Le candidat a de nouveau candidaté à cette formation depuis cette annulation : la candidature annulée ne peut pas être restaurée.');
        throw error;
      }
      await this.pieces.reprendrePartagees(em, c);
      await tracer(em, [id], 'RESTAURATION', a.login, this.clock.now(), detail);
      await this.courrier.auCandidat(em, c, 'CANDIDATURE_RESTAURATION', candidatureRestauree);
    });
    return this.recapitulatif(await AccesCandidatures.lire(this.dataSource.manager, a, id));
  }

  /**
   * « Transmettre ma candidature » (demat): statut AT or IN, no pièce missing or refused, return deadline not
   * passed. The candidature row is locked first, so a pièce change or a second click waits and then sees statut RE.
   */
  async transmettre(compteId: number, id: number): Promise<CandidatureDto> {
    await this.dataSource.transaction(async (em) => {
      const [c] = await AccesCandidatures.agir(em, candidat(compteId), [id], 'saisie');
      await this.assertPossible(c, 'transmettre', em);
      const now = this.clock.now();
      await em.getRepository(Candidature).update({ id }, { statutDossier: StatutDossier.RE, statutDossierAt: now, transmiseAt: now, version: c.version + 1 });
      await this.courrier.auCandidat(em, c, 'STATUT_RE', candidatureTransmise);
      await this.courrier.alerterCommission(em, c, 'COMMISSION_ALERT_TRANSMISSION', (d) => alerteCommission({ ...d, evenement: 'transmission' }));
    });
    return this.detail(compteId, id);
  }

  /** The transition rules' verdict on a candidate's action (or staff's for them), as a 422 with its code and reason when refused. */
  async assertPossible(c: CandidatureComplete, action: ActionCandidat | 'deposerPiecesPourCandidat' | 'restaurer', em: EntityManager = this.dataSource.manager, pieces?: PieceCandidatureDto[]): Promise<void> {
    exiger(action, await this.etat(c, em, pieces), parisDate(this.clock.now()));
  }

  /** The candidate's actions as the récapitulatif shows them. */
  async actions(c: CandidatureComplete, em: EntityManager = this.dataSource.manager, pieces?: PieceCandidatureDto[]): Promise<Actions> {
    return actionsPossibles(await this.etat(c, em, pieces), parisDate(this.clock.now()));
  }

  private async etat(c: CandidatureComplete, em: EntityManager, pieces?: PieceCandidatureDto[], avis?: Map<number, AvisCourants>) {
    const liste = pieces ?? (await this.pieces.ofCandidature(c, em));
    const manquantes = liste.filter((p) => p.statut === 'AT' || p.statut === 'RE').map((p) => p.libelle);
    if (avis) return etatDe(c, avis.get(c.id), manquantes);
    return (await etatsDe(em, [c], new Map([[c.id, manquantes]]))).get(c.id)!;
  }

  /** The récapitulatif: the candidature's pièces and current avis are read once each, for what it shows and for its actions. */
  async recapitulatif(c: CandidatureComplete & { compteCandidat?: CompteCandidat }): Promise<CandidatureDto> {
    const f = c.formation;
    const dates = datesDe(c);
    const em = this.dataSource.manager;
    const [pieces, compte, avis] = await Promise.all([
      this.pieces.ofCandidature(c),
      c.compteCandidat ?? this.dataSource.getRepository(CompteCandidat).findOneByOrFail({ id: c.compteCandidatId }),
      avisCourants(em, [c.id]),
    ]);
    const decisions = await decisionsVisibles(em, [c], avis);
    const etat = await this.etat(c, em, pieces, avis);
    return {
      id: c.id,
      numeroDossier: compte.numeroDossier,
      formation: formationResume(f),
      statutDossier: { code: c.statutDossier, libelle: STATUT_DOSSIER_LIBELLES[c.statutDossier] },
      typeTraitement: { code: c.typeTraitement, libelle: TYPE_TRAITEMENT_LIBELLES[c.typeTraitement], valide: c.typeTraitementValide },
      decision: decisions.get(c.id)!,
      reponse: reponseDe(c),
      codeOpi: codeOpiDe(c),
      dates: {
        limiteRetour: dates.dateRetour,
        analyse: dates.dateAnalyse,
        jury: dates.dateJury,
        publication: dates.datePublication,
        // The date staff set for this candidature wins over the formation's date or delay, as in the rules.
        confirmation: c.dateConfirmationCandidature ?? dates.dateConfirmation,
        delaiConfirmation: c.dateConfirmationCandidature ? null : dates.delaiConfirmation,
      },
      contact: await this.courrier.contact(f.commission),
      informationsComplementaires: f.informationsComplementaires,
      messageCommission: f.commission.commentaireCandidat,
      pieces,
      actions: actionsPossibles(etat, parisDate(this.clock.now())),
      createdAt: c.createdAt.toISOString(),
      transmiseAt: c.transmiseAt?.toISOString() ?? null,
      annuleeAt: c.annuleeAt?.toISOString() ?? null,
    };
  }

  /**
   * CANDIDATURE_NB_VOEUX_MAX: for the whole institution when configured, else per centre (the centre's maxVoeux,
   * none when it has no maximum). Cancelled candidatures do not count.
   */
  private assertMaxVoeux(vivantes: Candidature[], formation: CandidatureComplete['formation']): void {
    const etablissement = this.app.voeuxMaxEtablissement;
    if (etablissement !== null) {
      if (vivantes.length >= etablissement) {
        throw new BusinessRule('NB_VOEUX_MAX_ATTEINT', `Vous avez atteint le nombre maximum de candidatures (${etablissement}) pour l'établissement : annulez-en une pour candidater ici.`);
      }
      return;
    }
    const centre = formation.commission.centre;
    const max = centre.maxVoeux;
    if (max === null) return;
    const dansLeCentre = vivantes.filter((c) => c.formation!.commission!.centreId === centre.id).length;
    if (dansLeCentre >= max) {
      throw new BusinessRule('NB_VOEUX_MAX_ATTEINT', `Vous avez atteint le nombre maximum de candidatures (${max}) pour « ${centre.libelle} » : annulez-en une pour candidater ici.`);
    }
  }
}

const dejaCandidat = () => new Conflict('CANDIDATURE_EXISTANTE', 'Vous avez déjà candidaté à cette formation.');

function formationResume(f: Formation) {
  return { id: f.id, code: f.code, libelle: f.libelle, demat: f.demat };
}
