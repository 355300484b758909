import { BusinessRule } from '../common/errors/domain-errors';
import { TypeTraitement } from '../offre/entities/formation.entity';
import {
  ACTIONS_AUTOMATIQUES,
  ACTIONS_CANDIDAT,
  ACTIONS_GESTION,
  ActionCandidature,
  EtatCandidature,
  REGLES_MODELES,
  actionsPossibles,
  attendConfirmation,
  champsTypeDecision,
  dansLaFenetre,
  lettreDe,
  reglesDe,
  exigerPourTous,
  typeTraitementInitial,
  verdict,
  verdictDepotPiece,
  verdictPiece,
} from './candidature-rules';
import { TypeAvis } from './entities/avis.entity';
import { StatutDossier } from './entities/candidature.entity';
import { StatutPiece } from './entities/piece-candidature.entity';

const etat = (overrides: Partial<EtatCandidature> = {}): EtatCandidature => ({
  statutDossier: StatutDossier.AT,
  annulee: false,
  archivee: false,
  dernierAvis: null,
  avisValide: null,
  typeTraitementValide: true,
  demat: true,
  dateRetour: '2027-04-10',
  piecesManquantes: [],
  favorable: false,
  acceptee: null,
  limiteConfirmation: null,
  ...overrides,
});

describe('candidature rules', () => {
  it('the application window includes both ends', () => {
    const f = { dateDebutCandidature: '2027-01-10', dateFinCandidature: '2027-03-31' };
    expect(['2027-01-09', '2027-01-10', '2027-03-31', '2027-04-01'].map((d) => dansLaFenetre(f, d))).toEqual([false, true, true, false]);
  });

  it('accès direct waits for validation, accès contrôlé is validated at once', () => {
    expect(typeTraitementInitial(TypeTraitement.AD)).toEqual({ typeTraitement: TypeTraitement.AT, typeTraitementValide: false });
    expect(typeTraitementInitial(TypeTraitement.AC)).toEqual({ typeTraitement: TypeTraitement.AC, typeTraitementValide: true });
    expect(typeTraitementInitial(TypeTraitement.AT)).toEqual({ typeTraitement: TypeTraitement.AT, typeTraitementValide: false });
  });

  it('cancelling needs statut AT and no avis', () => {
    expect(actionsPossibles(etat(), '2027-01-15').annuler.possible).toBe(true);
    expect(actionsPossibles(etat({ statutDossier: StatutDossier.RE }), '2027-01-15').annuler).toEqual({ possible: false, raison: expect.stringContaining('réceptionné') });
    expect(actionsPossibles(etat({ dernierAvis: { type: TypeAvis.LC, valide: false } }), '2027-01-15').annuler).toEqual({ possible: false, raison: expect.stringContaining('avis') });
  });

  it('staff give pièces for the candidate under the candidate\'s rule, except the return deadline', () => {
    const apres = '2027-04-11';
    expect(verdict('deposerPieces', etat(), apres)?.code).toBe('PIECES_NON_MODIFIABLES');
    expect(verdict('deposerPiecesPourCandidat', etat(), apres)).toBeNull();
    for (const e of [etat({ annulee: true }), etat({ statutDossier: StatutDossier.RE }), etat({ demat: false }), etat({ acceptee: false })]) {
      expect(verdict('deposerPiecesPourCandidat', e, apres)).toEqual(verdict('deposerPieces', e, '2027-01-15'));
      expect(verdict('deposerPiecesPourCandidat', e, apres)).not.toBeNull();
    }
  });

  it('restoring needs a cancelled candidature, of a campaign not archived, without any avis', () => {
    expect(verdict('restaurer', etat({ annulee: true }), '2027-01-15')).toBeNull();
    expect(verdict('restaurer', etat(), '2027-01-15')).toEqual({ code: 'RESTAURATION_IMPOSSIBLE', raison: "Cette candidature n'est pas annulée." });
    expect(verdict('restaurer', etat({ annulee: true, archivee: true }), '2027-01-15')?.raison).toContain('archivée');
    expect(verdict('restaurer', etat({ annulee: true, dernierAvis: { type: TypeAvis.DE, valide: false } }), '2027-01-15')?.raison).toContain('avis');
  });

  it('transmitting needs a demat formation, statut AT or IN, no missing pièce, and the return deadline not passed', () => {
    expect(actionsPossibles(etat(), '2027-04-10').transmettre.possible).toBe(true);
    expect(actionsPossibles(etat({ statutDossier: StatutDossier.IN }), '2027-04-10').transmettre.possible).toBe(true);
    expect(actionsPossibles(etat(), '2027-04-11').transmettre.raison).toContain('10/04/2027');
    expect(actionsPossibles(etat({ demat: false }), '2027-01-15').transmettre.raison).toContain('dossier papier');
    expect(actionsPossibles(etat({ statutDossier: StatutDossier.CO }), '2027-01-15').transmettre.raison).toContain('transmise');
    expect(actionsPossibles(etat({ piecesManquantes: ['CV', 'Lettre de motivation'] }), '2027-01-15').transmettre.raison).toBe(
      'Il manque 2 pièces justificatives : CV, Lettre de motivation.',
    );
    expect(actionsPossibles(etat({ piecesManquantes: ['CV'] }), '2027-01-15').deposerPieces.possible).toBe(true);
  });

  it('a cancelled candidature allows nothing; an archived one only the download', () => {
    const annulee = actionsPossibles(etat({ annulee: true }), '2027-01-15');
    expect(Object.values(annulee).map((a) => a.possible)).toEqual([false, false, false, false, false, false]);
    const archivee = actionsPossibles(etat({ archivee: true }), '2027-01-15');
    expect([archivee.annuler.possible, archivee.transmettre.possible, archivee.telechargerDossier.possible]).toEqual([false, false, true]);
  });

  it('a favourable decision is confirmed once, withdrawn from once, both before the deadline', () => {
    const fa = { favorable: true, limiteConfirmation: '2027-04-20' };
    expect(actionsPossibles(etat(), '2027-04-20').confirmer.raison).toContain('avis favorable');
    expect([actionsPossibles(etat(fa), '2027-04-20').confirmer.possible, actionsPossibles(etat(fa), '2027-04-20').desister.possible]).toEqual([true, true]);
    expect(actionsPossibles(etat(fa), '2027-04-21').confirmer.raison).toContain('20/04/2027');
    const confirmee = actionsPossibles(etat({ ...fa, acceptee: true }), '2027-04-10');
    expect([confirmee.confirmer.possible, confirmee.desister.possible]).toEqual([false, true]);
    const desistee = actionsPossibles(etat({ ...fa, acceptee: false }), '2027-04-10');
    expect([desistee.confirmer.possible, desistee.desister.possible]).toEqual([false, false]);
  });

  it('a withdrawal is final: nothing more to upload, transmit, confirm or withdraw', () => {
    const desistee = actionsPossibles(etat({ statutDossier: StatutDossier.IN, favorable: true, acceptee: false, limiteConfirmation: '2027-04-20' }), '2027-01-15');
    expect(Object.entries(desistee).filter(([, a]) => a.possible).map(([k]) => k)).toEqual(['telechargerDossier']);
    expect(desistee.deposerPieces.raison).toContain('désisté');
  });
});

/**
 * Every cell of the transition table: each action (rows) in each of ten states a candidature goes through (columns),
 * allowed (✓) or refused with this code.
 */
describe('the transition table, cell by cell', () => {
  const today = '2027-04-05';
  const fa = { dernierAvis: { type: TypeAvis.FA, valide: true }, avisValide: TypeAvis.FA, favorable: true, limiteConfirmation: '2027-04-30' };
  const ETATS: Record<string, EtatCandidature> = {
    neuve: etat({ typeTraitementValide: false }),
    transmise: etat({ statutDossier: StatutDossier.RE, typeTraitementValide: false }),
    avisSaisi: etat({ statutDossier: StatutDossier.CO, dernierAvis: { type: TypeAvis.LC, valide: false } }),
    liste: etat({ statutDossier: StatutDossier.CO, dernierAvis: { type: TypeAvis.LC, valide: true }, avisValide: TypeAvis.LC }),
    favorable: etat({ statutDossier: StatutDossier.CO, ...fa }),
    echue: etat({ statutDossier: StatutDossier.CO, ...fa, limiteConfirmation: '2027-04-01' }),
    confirmee: etat({ statutDossier: StatutDossier.CO, ...fa, acceptee: true }),
    desistee: etat({ statutDossier: StatutDossier.CO, ...fa, acceptee: false }),
    annulee: etat({ annulee: true, typeTraitementValide: false }),
    archivee: etat({ statutDossier: StatutDossier.CO, ...fa, archivee: true }),
  };
  const colonnes = Object.keys(ETATS);
  const ok = '✓';
  const CNM = 'CANDIDATURE_NON_MODIFIABLE';
  const ADV = 'AVIS_DEJA_VALIDE';
  const tous = (code: string, sauf: Record<string, string> = {}) => colonnes.map((e) => sauf[e] ?? code);
  const TABLE: Record<ActionCandidature, string[]> = {
    //                                  neuve  transmise avisSaisi liste favorable echue confirmee desistee annulee archivee
    annuler: tous('ANNULATION_IMPOSSIBLE', { neuve: ok }),
    deposerPieces: tous('PIECES_NON_MODIFIABLES', { neuve: ok }),
    transmettre: tous('TRANSMISSION_IMPOSSIBLE', { neuve: ok }),
    telechargerDossier: tous(ok, { annulee: 'DOSSIER_INDISPONIBLE' }),
    confirmer: tous('CONFIRMATION_IMPOSSIBLE', { favorable: ok }),
    desister: tous('DESISTEMENT_IMPOSSIBLE', { favorable: ok, confirmee: ok }),
    changerStatutDossier: tous(ok, { desistee: CNM, annulee: CNM, archivee: CNM }),
    verifierPieces: tous(ok, { desistee: CNM, annulee: CNM, archivee: CNM }),
    fixerDelais: tous(ok, { desistee: CNM, annulee: CNM, archivee: CNM }),
    deposerPiecesPourCandidat: tous('PIECES_NON_MODIFIABLES', { neuve: ok }),
    restaurer: tous('RESTAURATION_IMPOSSIBLE', { annulee: ok }),
    changerTypeTraitement: [ok, ok, ok, ADV, ADV, ADV, CNM, CNM, CNM, CNM],
    validerTypeTraitement: [ok, ok, 'TYPE_TRAITEMENT_DEJA_VALIDE', 'TYPE_TRAITEMENT_DEJA_VALIDE', 'TYPE_TRAITEMENT_DEJA_VALIDE', 'TYPE_TRAITEMENT_DEJA_VALIDE', CNM, CNM, CNM, CNM],
    saisirAvis: [ok, ok, ok, ok, ok, ok, CNM, CNM, CNM, CNM],
    validerAvis: ['AUCUN_AVIS', 'AUCUN_AVIS', ok, ADV, ADV, ADV, CNM, CNM, CNM, CNM],
    supprimerAvis: ['AUCUN_AVIS', 'AUCUN_AVIS', ok, ADV, ADV, ADV, CNM, CNM, CNM, CNM],
    publierAvis: tous(ok, { annulee: CNM, archivee: CNM }),
    desisterAutomatiquement: tous('DESISTEMENT_IMPOSSIBLE', { echue: ok }),
    relancer: tous('RELANCE_IMPOSSIBLE', { favorable: ok }),
    promouvoir: tous('PROMOTION_IMPOSSIBLE', { liste: ok }),
    archiver: tous(ok, { archivee: 'DEJA_ARCHIVEE' }),
  };

  it('lists every action of the candidate, staff and jobs', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS_CANDIDAT, ...ACTIONS_GESTION, ...ACTIONS_AUTOMATIQUES].sort());
  });

  const cellules = (Object.keys(TABLE) as ActionCandidature[]).flatMap((action) => colonnes.map((e, i) => [action, e, TABLE[action][i]] as const));
  it.each(cellules)('%s in state %s: %s', (action, e, attendu) => {
    const r = verdict(action, ETATS[e], today);
    expect(r?.code ?? ok).toBe(attendu);
    // A refusal always says why, in a French sentence.
    if (r) expect(r.raison).toMatch(/^[«A-ZÀ-Ü].*[.)]$/);
  });

  it('tells staff why a decision cannot change once the candidate answered', () => {
    expect(verdict('saisirAvis', ETATS.desistee, today)?.raison).toContain('désisté');
    expect(verdict('validerAvis', ETATS.confirmee, today)?.raison).toContain('confirmé');
    expect(verdict('saisirAvis', ETATS.annulee, today)?.raison).toBe('Cette candidature est annulée.');
  });

  it('refuses a bulk action as a whole, naming each refused candidature with its reason', () => {
    const lot = [
      { id: 3, etat: ETATS.neuve },
      { id: 2, etat: ETATS.desistee },
      { id: 1, etat: ETATS.annulee },
      { id: 4, etat: ETATS.annulee },
    ];
    expect(() => exigerPourTous('saisirAvis', lot, today)).toThrow(BusinessRule);
    try {
      exigerPourTous('saisirAvis', lot, today);
    } catch (e) {
      expect((e as BusinessRule).detail).toMatch(/^Rien n'a été modifié\. candidature 2 : Le candidat s'est désisté.* ; candidatures 1, 4 : Cette candidature est annulée\.$/);
    }
    expect(() => exigerPourTous('saisirAvis', [lot[0]], today)).not.toThrow();
  });
});

describe('checking a pièce', () => {
  const p = (depot: 'fichier' | 'NC' | null, demat = true) => ({ libelle: 'CV', demat, depot });
  it('online: a file can be validated, refused or put back; « non concerné » only refused; nothing given, nothing to judge', () => {
    for (const s of [StatutPiece.VA, StatutPiece.RE, StatutPiece.TR]) expect(verdictPiece(s, p('fichier'))).toBeNull();
    expect(verdictPiece(StatutPiece.RE, p('NC'))).toBeNull();
    expect(verdictPiece(StatutPiece.VA, p('NC'))?.code).toBe('PIECE_NON_DEPOSEE');
    expect(verdictPiece(StatutPiece.VA, p(null))?.code).toBe('PIECE_NON_DEPOSEE');
    expect(verdictPiece(StatutPiece.AT, p('fichier'))?.raison).toContain('refusez-la');
  });

  it('on paper: received, validated, refused or missing, whatever came by post', () => {
    for (const s of [StatutPiece.VA, StatutPiece.RE, StatutPiece.TR, StatutPiece.AT]) expect(verdictPiece(s, p(null, false))).toBeNull();
  });
});

describe("the candidate's change of a pièce", () => {
  const p = (statut: StatutPiece, conditionnel = false) => ({ libelle: 'CV', statut, conditionnel });
  it('a validated pièce is locked; only a conditional one may be declared « non concerné »', () => {
    expect(verdictDepotPiece('fichier', p(StatutPiece.VA))?.code).toBe('PIECE_VALIDEE');
    expect(verdictDepotPiece('AT', p(StatutPiece.VA))?.code).toBe('PIECE_VALIDEE');
    expect(verdictDepotPiece('NC', p(StatutPiece.AT))?.code).toBe('PIECE_NON_CONDITIONNELLE');
    expect(verdictDepotPiece('NC', p(StatutPiece.AT, true))).toBeNull();
    for (const s of [StatutPiece.AT, StatutPiece.TR, StatutPiece.RE]) expect(verdictDepotPiece('fichier', p(s))).toBeNull();
  });
});

describe('types de décision', () => {
  const fa = { famille: TypeAvis.FA, definitif: true, confirmable: true, mail: 'AVIS_FAVORABLE' };

  it('an avis naming no type has its family model’s rules, those of every avis before types existed', () => {
    expect(reglesDe({ type: TypeAvis.FA, typeDecisionId: null })).toEqual(fa);
    expect(Object.values(TypeAvis).filter((f) => attendConfirmation(REGLES_MODELES[f]))).toEqual([TypeAvis.FA]);
    expect(Object.values(TypeAvis).map((f) => lettreDe(REGLES_MODELES[f]))).toEqual(['admission', 'refus', null, null, null]);
    const sousReserve = { ...fa, confirmable: false };
    expect(reglesDe({ type: TypeAvis.FA, typeDecisionId: 7, typeDecision: sousReserve })).toBe(sousReserve);
    expect(() => reglesDe({ type: TypeAvis.FA, typeDecisionId: 7 })).toThrow('sans son type');
  });

  it('only a favourable type waits for a confirmation; only a final favourable or défavorable one has a letter', () => {
    expect(attendConfirmation({ ...fa, confirmable: false })).toBe(false);
    expect(attendConfirmation({ ...fa, famille: TypeAvis.LC })).toBe(false);
    expect(lettreDe({ ...fa, definitif: false })).toBeNull();
    expect(lettreDe({ ...fa, famille: TypeAvis.LA })).toBeNull();
  });

  it('refuses a confirmable type outside the favourable family, and a mail of another family', () => {
    expect(champsTypeDecision(fa)).toEqual([]);
    expect(champsTypeDecision({ ...fa, mail: null })).toEqual([]);
    expect(champsTypeDecision({ famille: TypeAvis.DE, definitif: true, confirmable: true, mail: 'AVIS_FAVORABLE' }).map((e) => e.field)).toEqual(['confirmable', 'mail']);
  });
});
