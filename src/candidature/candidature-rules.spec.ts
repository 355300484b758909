import { TypeTraitement } from '../offre/entities/formation.entity';
import { EtatCandidature, actionsPossibles, dansLaFenetre, typeTraitementInitial } from './candidature-rules';
import { StatutDossier } from './entities/candidature.entity';

const etat = (overrides: Partial<EtatCandidature> = {}): EtatCandidature => ({
  statutDossier: StatutDossier.AT,
  annulee: false,
  archivee: false,
  avis: false,
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
    expect(actionsPossibles(etat({ avis: true }), '2027-01-15').annuler).toEqual({ possible: false, raison: expect.stringContaining('avis') });
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
});
