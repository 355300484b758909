import { Fragment, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link, useLocation, useParams } from 'react-router';
import type { Schemas } from '@client';
import { $api, api, queryClient } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { langue, useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { Contact } from '../offre/Contact';
import { ChoixDefinitif } from './ChoixDefinitif';
import { Pieces } from './Pieces';
import { useTelechargement } from '../commun/telechargement';
import { TEXTES_CANDIDATURES } from './textes';

type Candidature = Schemas['CandidatureDto'];
type ActionCandidat = keyof Schemas['ActionsDto'];

const ORDRE: ActionCandidat[] = ['deposerPieces', 'transmettre', 'telechargerDossier', 'confirmer', 'desister', 'annuler'];
type Choix = 'annuler' | 'confirmer' | 'desister';

/** An instant (recorded, submitted…) in the pages' language, Paris time. */
const instant = (iso: string) => TEXTES_CANDIDATURES[langue.courante()].instant(new Date(iso));

/**
 * « Récapitulatif de votre candidature » (GET /api/candidat/candidatures/{id}): statut, type de traitement, décision,
 * dates, contact, pièces; the candidate's actions as the API allows them, with the reasons for the others; the
 * irreversible ones (cancel, confirm, withdraw) through an explicit dialog.
 */
export default function Recapitulatif() {
  const id = Number(useParams().id);
  const t = useTextes(TEXTES_CANDIDATURES);
  const nouvelle = (useLocation().state as { nouvelle?: boolean } | null)?.nouvelle === true;
  const options = $api.queryOptions('get', '/api/candidat/candidatures/{id}', { params: { path: { id } } });
  const lecture = $api.useQuery('get', '/api/candidat/candidatures/{id}', { params: { path: { id } } }, { enabled: Number.isInteger(id) && id > 0 });
  const [message, setMessage] = useState<string | null>(nouvelle ? t.enregistree : null);
  const [choix, setChoix] = useState<Choix | null>(null);

  /** Every action answers the récapitulatif: shown at once, and the list of « Mon espace » read again. */
  const mettreAJour = (c: Candidature, texte: string) => {
    queryClient.setQueryData(options.queryKey, c);
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/candidat/candidatures'] });
    setMessage(texte);
  };
  const chemin = { params: { path: { id } } };
  const transmission = $api.useMutation('post', '/api/candidat/candidatures/{id}/transmission', { onSuccess: (c) => mettreAJour(c, t.transmise) });
  const annulation = $api.useMutation('post', '/api/candidat/candidatures/{id}/annulation', { onSuccess: (c) => (setChoix(null), mettreAJour(c, t.annulee)) });
  const confirmation = $api.useMutation('post', '/api/candidat/candidatures/{id}/confirmation', { onSuccess: (c) => (setChoix(null), mettreAJour(c, t.confirmee)) });
  const desistement = $api.useMutation('post', '/api/candidat/candidatures/{id}/desistement', { onSuccess: (c) => (setChoix(null), mettreAJour(c, t.desistee)) });
  const dossier = useTelechargement('dossier.pdf');
  const lettre = useTelechargement('lettre.pdf');
  const mutations = { annuler: annulation, confirmer: confirmation, desister: desistement };

  const c = lecture.data;
  if (!c) {
    return (
      <Page titre={t.maCandidature}>
        {lecture.isPending && Number.isInteger(id) && id > 0 ? <Chargement /> : <Probleme erreur={lecture.error ?? { status: 404, detail: t.inexistante }} />}
        <Link to="/mon-espace">{t.retourEspace}</Link>
      </Page>
    );
  }

  const d = c.decision;
  const recap: [string, string | null][] = [
    [t.numeroDossier, c.numeroDossier],
    [t.formation, `${c.formation.libelle} (${c.formation.code}) · ${c.formation.demat ? t.enLigne : t.papier}`],
    [t.statutDossier, c.statutDossier.libelle],
    [t.typeTraitement, `${c.typeTraitement.libelle}${c.typeTraitement.valide ? '' : t.nonValide}`],
    [t.decision, d.libelle + (d.rang ? t.rang(d.rang) : '')],
    [t.motif, d.motif ?? null],
    [t.commentaireCommission, d.commentaire ?? null],
    [t.preselection, d.preselection ? t.preselectionLe(dateLisible(d.preselection.date), d.preselection.heure, d.preselection.lieu) : null],
    [t.dateLimiteConfirmation, d.dateLimiteConfirmation ? dateLisible(d.dateLimiteConfirmation) : null],
    [t.votreReponse, c.reponse ? `${c.reponse.libelle}${c.reponse.date ? t.le(instant(c.reponse.date)) : ''}${c.reponse.automatique ? t.automatique : ''}` : null],
    [t.codeOpi, c.codeOpi],
    [t.enregistreeLe, instant(c.createdAt)],
    [t.transmiseLe, c.transmiseAt ? instant(c.transmiseAt) : null],
    [t.annuleeLe, c.annuleeAt ? instant(c.annuleeAt) : null],
  ];
  const dates: [string, string | null][] = [
    [t.retour, c.dates.limiteRetour],
    [t.analyse, c.dates.analyse],
    [t.jury, c.dates.jury],
    [t.publication, c.dates.publication],
    [t.dateLimiteConfirmation, c.dates.confirmation],
  ];
  // A final decision only (its type's `definitif`): an admission or refusal letter goes with it.
  const lettrePossible = d.definitif === true && (d.code === 'FA' || d.code === 'DE');

  const agir = (action: ActionCandidat) => {
    setMessage(null);
    if (action === 'transmettre') transmission.mutate(chemin);
    else if (action === 'telechargerDossier') dossier.mutate(() => api.GET('/api/candidat/candidatures/{id}/dossier.pdf', { ...chemin, parseAs: 'blob' }));
    else if (action === 'annuler' || action === 'confirmer' || action === 'desister') {
      mutations[action].reset();
      setChoix(action);
    }
  };

  return (
    <Page titre={t.titre(c.formation.libelle)}>
      <p>
        <Link to="/mon-espace">{t.mesCandidatures}</Link>
      </p>
      {message && <Succes>{message}</Succes>}
      {c.annuleeAt && <p className="alert alert-secondary text-body">{t.estAnnulee}</p>}
      <Probleme erreur={transmission.error ?? dossier.error ?? lettre.error} />

      <section aria-labelledby="titre-actions" className="mb-4">
        <h2 id="titre-actions" className="h4">
          {t.ceQueVousPouvezFaire}
        </h2>
        <ul className="list-unstyled">
          {ORDRE.map((action) => {
            const a = c.actions[action];
            return (
              <li key={action} className="mb-2">
                {!a.possible ? (
                  <>
                    <span className="fw-semibold">{t.actions[action]}</span>
                    {t.impossible}
                    <span lang="fr">{a.raison}</span>
                  </>
                ) : action === 'deposerPieces' ? (
                  c.pieces.length > 0 ? (
                    <a href="#titre-pieces">
                      {t.actions[action]}
                      {t.ciDessous}
                    </a>
                  ) : (
                    <span>{t.aucunePiece}</span>
                  )
                ) : (
                  <Button
                    variant={action === 'annuler' || action === 'desister' ? 'outline-danger' : action === 'telechargerDossier' ? 'outline-primary' : 'primary'}
                    disabled={transmission.isPending || dossier.isPending}
                    onClick={() => agir(action)}
                  >
                    {t.actions[action]}
                  </Button>
                )}
              </li>
            );
          })}
          {lettrePossible && (
            <li className="mb-2">
              <Button variant="outline-primary" disabled={lettre.isPending} onClick={() => lettre.mutate(() => api.GET('/api/candidat/candidatures/{id}/lettre.pdf', { ...chemin, parseAs: 'blob' }))}>
                {t.lettre(d.code === 'FA')}
              </Button>
            </li>
          )}
        </ul>
      </section>

      <Row className="g-4">
        <Col lg={7}>
          <h2 className="h4">{t.recapitulatif}</h2>
          <dl className="row">
            {recap
              .filter((x): x is [string, string] => x[1] !== null)
              .map(([libelle, valeur]) => (
              <Fragment key={libelle}>
                <dt className="col-sm-5 mb-2">{libelle}</dt>
                <dd className="col-sm-7">{valeur}</dd>
              </Fragment>
            ))}
          </dl>
        </Col>
        <Col lg={5}>
          <h2 className="h4">{t.datesUtiles}</h2>
          <dl className="row">
            {dates
              .filter((x): x is [string, string] => x[1] !== null)
              .map(([libelle, date]) => (
                <Fragment key={libelle}>
                  <dt className="col-sm-7 mb-2">{libelle}</dt>
                  <dd className="col-sm-5">{dateLisible(date)}</dd>
                </Fragment>
              ))}
            {c.dates.delaiConfirmation !== null && (
              <>
                <dt className="col-sm-7 mb-2">{t.delaiConfirmation}</dt>
                <dd className="col-sm-5">{t.joursApres(c.dates.delaiConfirmation)}</dd>
              </>
            )}
          </dl>
          <h2 className="h4">{t.contact}</h2>
          <Contact contact={c.contact} />
        </Col>
      </Row>

      {(c.informationsComplementaires || c.messageCommission) && (
        <section aria-label={t.informationsFormation} className="mt-3">
          {c.informationsComplementaires && <p>{c.informationsComplementaires}</p>}
          {c.messageCommission && (
            <p>
              <strong>{t.messageCommission}</strong> {c.messageCommission}
            </p>
          )}
        </section>
      )}

      {c.pieces.length > 0 && (
        <section aria-labelledby="titre-pieces" className="mt-4">
          <h2 id="titre-pieces" className="h4">
            {t.pieces}
          </h2>
          {!c.actions.deposerPieces.possible && <p lang="fr">{c.actions.deposerPieces.raison}</p>}
          <Pieces candidature={c} onChange={(nouvelle) => mettreAJour(nouvelle, t.piecesEnregistrees)} />
        </section>
      )}

      <ChoixDefinitif
        ouvert={choix === 'annuler'}
        titre={t.annulerTitre}
        libelleAction={t.annulerAction}
        enCours={annulation.isPending}
        erreur={annulation.error}
        onChoisir={() => annulation.mutate(chemin)}
        onFermer={() => setChoix(null)}
      >
        <p>{t.annulerTexte(c.formation.libelle)}</p>
        <p className="mb-0">{t.annulerDefinitif}</p>
      </ChoixDefinitif>
      <ChoixDefinitif
        ouvert={choix === 'confirmer'}
        titre={t.confirmerTitre}
        libelleAction={t.confirmerAction}
        variante="primary"
        enCours={confirmation.isPending}
        erreur={confirmation.error}
        onChoisir={() => confirmation.mutate(chemin)}
        onFermer={() => setChoix(null)}
      >
        <p>{t.confirmerTexte(c.formation.libelle)}</p>
        <p className="mb-0">{t.confirmerDefinitif}</p>
      </ChoixDefinitif>
      <ChoixDefinitif
        ouvert={choix === 'desister'}
        titre={t.desisterTitre}
        libelleAction={t.desisterAction}
        enCours={desistement.isPending}
        erreur={desistement.error}
        onChoisir={() => desistement.mutate(chemin)}
        onFermer={() => setChoix(null)}
      >
        <p>{t.desisterTexte(c.formation.libelle)}</p>
        <p className="mb-0">{t.desisterDefinitif}</p>
      </ChoixDefinitif>
    </Page>
  );
}
