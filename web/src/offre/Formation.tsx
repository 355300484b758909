import { Fragment } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link, useNavigate, useParams } from 'react-router';
import { $api } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { useSession } from '../commun/session';
import { Contact } from './Contact';

/** A formation's public page (GET /api/offre/formations/{id}): dates, pièces, contact, and « Candidater ». */
export default function Formation() {
  const id = Number(useParams().id);
  const formation = $api.useQuery('get', '/api/offre/formations/{id}', { params: { path: { id } } }, { enabled: Number.isInteger(id) && id > 0 });
  const f = formation.data;
  if (!f) {
    return (
      <Page titre="Formation">
        {formation.isPending && Number.isInteger(id) && id > 0 ? <Chargement /> : <Probleme erreur={formation.error ?? { status: 404, detail: 'Cette formation n’existe pas.' }} />}
        <Link to="/offre">Revenir à l’offre de formation</Link>
      </Page>
    );
  }
  const dates: [string, string | null][] = [
    ['Début des candidatures', f.dateDebutCandidature],
    ['Fin des candidatures (incluse)', f.dateFinCandidature],
    ['Date limite de retour du dossier', f.dateRetour],
    ['Pré-analyse', f.dateAnalyse],
    ['Commission (jury)', f.dateJury],
    ['Publication des résultats', f.datePublication],
    ['Date limite de confirmation', f.dateConfirmation],
  ];
  return (
    <Page titre={f.libelle}>
      <p>
        <Link to="/offre">← Offre de formation</Link>
      </p>
      <p className="lead">
        {f.typeDiplome.libelle} · {f.centre.libelle} · code {f.code}
      </p>
      <div className={`alert ${f.ouverte ? 'alert-success' : 'alert-secondary'} text-body`}>
        {f.ouverte ? 'Les candidatures à cette formation sont ouvertes.' : 'Les candidatures à cette formation ne sont pas ouvertes aujourd’hui.'}{' '}
        {f.mode === 'DEMATERIALISE'
          ? 'Le dossier se fait en ligne : vous déposerez les pièces justificatives sur ce site.'
          : 'Le dossier se fait sur papier : vous l’imprimerez et l’enverrez avec les pièces à l’adresse de la commission.'}
      </div>
      <Candidater formationId={f.id} />
      <Row className="g-4 mt-2">
        <Col lg={6}>
          <h2 className="h4">Dates</h2>
          <dl className="row">
            {dates
              .filter((d): d is [string, string] => d[1] !== null)
              .map(([libelle, date]) => (
                <Fragment key={libelle}>
                  <dt className="col-sm-7 mb-2">{libelle}</dt>
                  <dd className="col-sm-5">{dateLisible(date)}</dd>
                </Fragment>
              ))}
            {f.delaiConfirmation !== null && (
              <>
                <dt className="col-sm-7 mb-2">Délai de confirmation</dt>
                <dd className="col-sm-5">{f.delaiConfirmation} jours après la décision</dd>
              </>
            )}
          </dl>
        </Col>
        <Col lg={6}>
          <h2 className="h4">Contact</h2>
          <Contact contact={f.contact} />
        </Col>
      </Row>
      <h2 className="h4 mt-4">Pièces justificatives à fournir</h2>
      {f.pieces.length === 0 ? (
        <p>Aucune pièce n’est demandée.</p>
      ) : (
        <ul>
          {f.pieces.map((p) => (
            <li key={p.id}>
              {p.libelle}
              {p.conditionnel && <em> (si vous êtes concerné·e)</em>}
              {p.partagee && <span className="small text-body-secondary"> · un même fichier pour toutes vos candidatures du centre</span>}
              {p.modele && (
                <>
                  {' '}
                  · <a href={p.modele.url} download={p.modele.nom}>modèle à télécharger ({p.modele.nom})</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {f.informationsComplementaires && (
        <>
          <h2 className="h4 mt-4">Informations complémentaires</h2>
          <p>{f.informationsComplementaires}</p>
        </>
      )}
      {f.messageCommission && (
        <>
          <h2 className="h4 mt-4">Message de la commission</h2>
          <p>{f.messageCommission}</p>
        </>
      )}
    </Page>
  );
}

/**
 * « Candidater »: POST /api/candidat/candidatures, then the new candidature's récapitulatif. The API's refusals
 * (file incomplete, outside the window, already applied, maximum reached) are shown as it words them.
 */
function Candidater({ formationId }: { formationId: number }) {
  const session = useSession();
  const navigate = useNavigate();
  const utils = $api.useQuery('get', '/api/candidat/candidatures', {}, { enabled: session?.me.kind === 'candidat' });
  const existante = utils.data?.find((c) => c.formation.id === formationId);
  const candidater = $api.useMutation('post', '/api/candidat/candidatures', {
    onSuccess: (c) => {
      void utils.refetch();
      void navigate(`/mes-candidatures/${c.id}`, { state: { nouvelle: true } });
    },
  });
  if (!session) {
    return (
      <p>
        <Link className="btn btn-primary" to={`/connexion?retour=${encodeURIComponent(`/offre/formations/${formationId}`)}`}>
          Se connecter pour candidater
        </Link>
      </p>
    );
  }
  if (session.me.kind !== 'candidat') return null;
  return (
    <div className="mb-3">
      <Probleme erreur={candidater.error} />
      {existante && (
        <p>
          Vous avez candidaté à cette formation : <Link to={`/mes-candidatures/${existante.id}`}>voir ma candidature</Link>.
        </p>
      )}
      <Button onClick={() => candidater.mutate({ body: { formationId } })} disabled={candidater.isPending}>
        Candidater à cette formation
      </Button>
    </div>
  );
}
