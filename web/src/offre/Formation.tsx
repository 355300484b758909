import { Fragment } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link, useNavigate, useParams } from 'react-router';
import { $api } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { useSession } from '../commun/session';
import { Contact } from './Contact';
import { TEXTES_OFFRE } from './textes';

/** A formation's public page (GET /api/offre/formations/{id}): dates, pièces, contact, and « Candidater ». */
export default function Formation() {
  const id = Number(useParams().id);
  const t = useTextes(TEXTES_OFFRE);
  const formation = $api.useQuery('get', '/api/offre/formations/{id}', { params: { path: { id } } }, { enabled: Number.isInteger(id) && id > 0 });
  const f = formation.data;
  if (!f) {
    return (
      <Page titre={t.formation}>
        {formation.isPending && Number.isInteger(id) && id > 0 ? <Chargement /> : <Probleme erreur={formation.error ?? { status: 404, detail: t.inexistante }} />}
        <Link to="/offre">{t.retourOffre}</Link>
      </Page>
    );
  }
  const dates: [string, string | null][] = [
    [t.debut, f.dateDebutCandidature],
    [t.fin, f.dateFinCandidature],
    [t.retour, f.dateRetour],
    [t.analyse, f.dateAnalyse],
    [t.jury, f.dateJury],
    [t.publication, f.datePublication],
    [t.confirmation, f.dateConfirmation],
  ];
  return (
    <Page titre={f.libelle}>
      <p>
        <Link to="/offre">{t.lienOffre}</Link>
      </p>
      <p className="lead">
        {f.typeDiplome.libelle} · {f.centre.libelle} · {t.code} {f.code}
      </p>
      <div className={`alert ${f.ouverte ? 'alert-success' : 'alert-secondary'} text-body`}>
        {f.ouverte ? t.estOuverte : t.estFermee}{' '}
        {f.mode === 'DEMATERIALISE' ? t.modeEnLigne : t.modePapier}
      </div>
      <Candidater formationId={f.id} />
      <Row className="g-4 mt-2">
        <Col lg={6}>
          <h2 className="h4">{t.dates}</h2>
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
                <dt className="col-sm-7 mb-2">{t.delaiConfirmation}</dt>
                <dd className="col-sm-5">{t.joursApres(f.delaiConfirmation)}</dd>
              </>
            )}
          </dl>
        </Col>
        <Col lg={6}>
          <h2 className="h4">{t.contact}</h2>
          <Contact contact={f.contact} />
        </Col>
      </Row>
      <h2 className="h4 mt-4">{t.pieces}</h2>
      {f.pieces.length === 0 ? (
        <p>{t.aucunePiece}</p>
      ) : (
        <ul>
          {f.pieces.map((p) => (
            <li key={p.id}>
              {p.libelle}
              {p.conditionnel && <em>{t.siConcerne}</em>}
              {p.partagee && <span className="small text-body-secondary">{t.partagee}</span>}
              {p.modele && (
                <>
                  {' '}
                  ·{' '}
                  <a href={p.modele.url} download={p.modele.nom}>
                    {t.modele(p.modele.nom)}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {f.informationsComplementaires && (
        <>
          <h2 className="h4 mt-4">{t.informations}</h2>
          <p>{f.informationsComplementaires}</p>
        </>
      )}
      {f.messageCommission && (
        <>
          <h2 className="h4 mt-4">{t.messageCommission}</h2>
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
  const t = useTextes(TEXTES_OFFRE);
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
          {t.connecterPourCandidater}
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
          {t.dejaCandidate} <Link to={`/mes-candidatures/${existante.id}`}>{t.voirCandidature}</Link>.
        </p>
      )}
      <Button onClick={() => candidater.mutate({ body: { formationId } })} disabled={candidater.isPending}>
        {t.candidater}
      </Button>
    </div>
  );
}
