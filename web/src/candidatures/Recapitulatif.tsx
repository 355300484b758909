import { Fragment, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link, useLocation, useParams } from 'react-router';
import type { Schemas } from '@client';
import { $api, api, queryClient } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { Contact } from '../offre/Contact';
import { ChoixDefinitif } from './ChoixDefinitif';
import { Pieces } from './Pieces';
import { useTelechargement } from '../commun/telechargement';

type Candidature = Schemas['CandidatureDto'];
type ActionCandidat = keyof Schemas['ActionsDto'];

const LIBELLES_ACTIONS: Record<ActionCandidat, string> = {
  deposerPieces: 'Déposer les pièces justificatives',
  transmettre: 'Transmettre ma candidature',
  telechargerDossier: 'Télécharger mon dossier (PDF)',
  annuler: 'Annuler la candidature',
  confirmer: 'Confirmer mon admission',
  desister: 'Me désister',
};
const ORDRE: ActionCandidat[] = ['deposerPieces', 'transmettre', 'telechargerDossier', 'confirmer', 'desister', 'annuler'];
type Choix = 'annuler' | 'confirmer' | 'desister';

const instant = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));

/**
 * « Récapitulatif de votre candidature » (GET /api/candidat/candidatures/{id}): statut, type de traitement, décision,
 * dates, contact, pièces; the candidate's actions as the API allows them, with the reasons for the others; the
 * irreversible ones (cancel, confirm, withdraw) through an explicit dialog.
 */
export default function Recapitulatif() {
  const id = Number(useParams().id);
  const nouvelle = (useLocation().state as { nouvelle?: boolean } | null)?.nouvelle === true;
  const options = $api.queryOptions('get', '/api/candidat/candidatures/{id}', { params: { path: { id } } });
  const lecture = $api.useQuery('get', '/api/candidat/candidatures/{id}', { params: { path: { id } } }, { enabled: Number.isInteger(id) && id > 0 });
  const [message, setMessage] = useState<string | null>(nouvelle ? 'Votre candidature est enregistrée : un e-mail vous le confirme.' : null);
  const [choix, setChoix] = useState<Choix | null>(null);

  /** Every action answers the récapitulatif: shown at once, and the list of « Mon espace » read again. */
  const mettreAJour = (c: Candidature, texte: string) => {
    queryClient.setQueryData(options.queryKey, c);
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/candidat/candidatures'] });
    setMessage(texte);
  };
  const chemin = { params: { path: { id } } };
  const transmission = $api.useMutation('post', '/api/candidat/candidatures/{id}/transmission', { onSuccess: (c) => mettreAJour(c, 'Votre candidature est transmise à la commission.') });
  const annulation = $api.useMutation('post', '/api/candidat/candidatures/{id}/annulation', { onSuccess: (c) => (setChoix(null), mettreAJour(c, 'Votre candidature est annulée.')) });
  const confirmation = $api.useMutation('post', '/api/candidat/candidatures/{id}/confirmation', { onSuccess: (c) => (setChoix(null), mettreAJour(c, 'Vous avez confirmé votre admission.')) });
  const desistement = $api.useMutation('post', '/api/candidat/candidatures/{id}/desistement', { onSuccess: (c) => (setChoix(null), mettreAJour(c, 'Votre désistement est enregistré.')) });
  const dossier = useTelechargement('dossier.pdf');
  const lettre = useTelechargement('lettre.pdf');
  const mutations = { annuler: annulation, confirmer: confirmation, desister: desistement };

  const c = lecture.data;
  if (!c) {
    return (
      <Page titre="Ma candidature">
        {lecture.isPending && Number.isInteger(id) && id > 0 ? <Chargement /> : <Probleme erreur={lecture.error ?? { status: 404, detail: 'Cette candidature n’existe pas.' }} />}
        <Link to="/mon-espace">Revenir à mon espace</Link>
      </Page>
    );
  }

  const d = c.decision;
  const recap: [string, string | null][] = [
    ['Numéro de dossier', c.numeroDossier],
    ['Formation', `${c.formation.libelle} (${c.formation.code}) · ${c.formation.demat ? 'dossier en ligne' : 'dossier papier'}`],
    ['Statut du dossier', c.statutDossier.libelle],
    ['Type de traitement', `${c.typeTraitement.libelle}${c.typeTraitement.valide ? '' : ' (Non validé)'}`],
    ['Décision', d.libelle + (d.rang ? ` · rang ${d.rang} sur la liste complémentaire` : '')],
    ['Motif', d.motif ?? null],
    ['Commentaire de la commission', d.commentaire ?? null],
    ['Présélection', d.preselection ? `le ${dateLisible(d.preselection.date)} à ${d.preselection.heure}, ${d.preselection.lieu}` : null],
    ['Date limite de confirmation', d.dateLimiteConfirmation ? dateLisible(d.dateLimiteConfirmation) : null],
    [
      'Votre réponse',
      c.reponse ? `${c.reponse.libelle}${c.reponse.date ? ` le ${instant(c.reponse.date)}` : ''}${c.reponse.automatique ? ' (automatique : la date limite est passée sans réponse)' : ''}` : null,
    ],
    ['Code OPI (inscription administrative)', c.codeOpi],
    ['Candidature enregistrée le', instant(c.createdAt)],
    ['Transmise le', c.transmiseAt ? instant(c.transmiseAt) : null],
    ['Annulée le', c.annuleeAt ? instant(c.annuleeAt) : null],
  ];
  const dates: [string, string | null][] = [
    ['Date limite de retour du dossier', c.dates.limiteRetour],
    ['Pré-analyse', c.dates.analyse],
    ['Commission (jury)', c.dates.jury],
    ['Publication des résultats', c.dates.publication],
    ['Date limite de confirmation', c.dates.confirmation],
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
    <Page titre={`Ma candidature : ${c.formation.libelle}`}>
      <p>
        <Link to="/mon-espace">← Mes candidatures</Link>
      </p>
      {message && <Succes>{message}</Succes>}
      {c.annuleeAt && <p className="alert alert-secondary text-body">Cette candidature est annulée.</p>}
      <Probleme erreur={transmission.error ?? dossier.error ?? lettre.error} />

      <section aria-labelledby="titre-actions" className="mb-4">
        <h2 id="titre-actions" className="h4">
          Ce que vous pouvez faire
        </h2>
        <ul className="list-unstyled">
          {ORDRE.map((action) => {
            const a = c.actions[action];
            return (
              <li key={action} className="mb-2">
                {!a.possible ? (
                  <>
                    <span className="fw-semibold">{LIBELLES_ACTIONS[action]}</span> : impossible. <span>{a.raison}</span>
                  </>
                ) : action === 'deposerPieces' ? (
                  c.pieces.length > 0 ? <a href="#titre-pieces">{LIBELLES_ACTIONS[action]} (ci-dessous)</a> : <span>Aucune pièce justificative n’est demandée.</span>
                ) : (
                  <Button
                    variant={action === 'annuler' || action === 'desister' ? 'outline-danger' : action === 'telechargerDossier' ? 'outline-primary' : 'primary'}
                    disabled={transmission.isPending || dossier.isPending}
                    onClick={() => agir(action)}
                  >
                    {LIBELLES_ACTIONS[action]}
                  </Button>
                )}
              </li>
            );
          })}
          {lettrePossible && (
            <li className="mb-2">
              <Button variant="outline-primary" disabled={lettre.isPending} onClick={() => lettre.mutate(() => api.GET('/api/candidat/candidatures/{id}/lettre.pdf', { ...chemin, parseAs: 'blob' }))}>
                Télécharger la lettre {d.code === 'FA' ? 'd’admission' : 'de refus'} (PDF)
              </Button>
            </li>
          )}
        </ul>
      </section>

      <Row className="g-4">
        <Col lg={7}>
          <h2 className="h4">Récapitulatif</h2>
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
          <h2 className="h4">Dates utiles</h2>
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
                <dt className="col-sm-7 mb-2">Délai de confirmation</dt>
                <dd className="col-sm-5">{c.dates.delaiConfirmation} jours après la décision</dd>
              </>
            )}
          </dl>
          <h2 className="h4">Contact</h2>
          <Contact contact={c.contact} />
        </Col>
      </Row>

      {(c.informationsComplementaires || c.messageCommission) && (
        <section aria-label="Informations de la formation" className="mt-3">
          {c.informationsComplementaires && <p>{c.informationsComplementaires}</p>}
          {c.messageCommission && (
            <p>
              <strong>Message de la commission :</strong> {c.messageCommission}
            </p>
          )}
        </section>
      )}

      {c.pieces.length > 0 && (
        <section aria-labelledby="titre-pieces" className="mt-4">
          <h2 id="titre-pieces" className="h4">
            Pièces justificatives
          </h2>
          {!c.actions.deposerPieces.possible && <p>{c.actions.deposerPieces.raison}</p>}
          <Pieces candidature={c} onChange={(nouvelle) => mettreAJour(nouvelle, 'Vos pièces justificatives sont enregistrées.')} />
        </section>
      )}

      <ChoixDefinitif
        ouvert={choix === 'annuler'}
        titre="Annuler cette candidature ?"
        libelleAction="Oui, annuler la candidature"
        enCours={annulation.isPending}
        erreur={annulation.error}
        onChoisir={() => annulation.mutate(chemin)}
        onFermer={() => setChoix(null)}
      >
        <p>Votre candidature à « {c.formation.libelle} » sera annulée et ses pièces supprimées.</p>
        <p className="mb-0">C’est définitif : une candidature annulée ne peut pas être rétablie.</p>
      </ChoixDefinitif>
      <ChoixDefinitif
        ouvert={choix === 'confirmer'}
        titre="Confirmer votre admission ?"
        libelleAction="Oui, je confirme mon admission"
        variante="primary"
        enCours={confirmation.isPending}
        erreur={confirmation.error}
        onChoisir={() => confirmation.mutate(chemin)}
        onFermer={() => setChoix(null)}
      >
        <p>Vous acceptez la place qui vous est proposée en « {c.formation.libelle} » : l’établissement vous enverra de quoi vous inscrire.</p>
        <p className="mb-0">Cette confirmation est définitive : elle ne peut pas être retirée (vous pourrez encore vous désister avant la date limite).</p>
      </ChoixDefinitif>
      <ChoixDefinitif
        ouvert={choix === 'desister'}
        titre="Vous désister de cette formation ?"
        libelleAction="Oui, je me désiste"
        enCours={desistement.isPending}
        erreur={desistement.error}
        onChoisir={() => desistement.mutate(chemin)}
        onFermer={() => setChoix(null)}
      >
        <p>Vous renoncez à la place qui vous est proposée en « {c.formation.libelle} » : elle sera proposée à un autre candidat.</p>
        <p className="mb-0">Ce désistement est définitif : vous ne pourrez pas revenir sur ce choix.</p>
      </ChoixDefinitif>
    </Page>
  );
}
