import Table from 'react-bootstrap/Table';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { useSession } from '../commun/session';

/** The candidate's space: who is logged in and their candidatures (GET /api/candidat/candidatures), each one's récapitulatif a link away. */
export default function MonEspace() {
  const session = useSession();
  const candidatures = $api.useQuery('get', '/api/candidat/candidatures');
  return (
    <Page titre="Mon espace">
      {session && (
        <p>
          Bonjour {session.me.prenom} {session.me.nom} · numéro de dossier <strong>{session.me.login}</strong>
        </p>
      )}
      <p>
        <Link to="/mon-dossier">Mon dossier</Link> : identité, adresse, baccalauréat, cursus, stages et expériences professionnelles.
      </p>
      <h2 className="h4 mt-4">Mes candidatures</h2>
      {candidatures.isPending && <Chargement />}
      <Probleme erreur={candidatures.error} />
      {candidatures.data?.length === 0 && <p>Vous n’avez pas encore candidaté.</p>}
      <p>
        <Link to="/offre">Consulter l’offre de formation et candidater</Link>
      </p>
      {candidatures.data && candidatures.data.length > 0 && (
        <Table responsive>
          <caption className="visually-hidden">Mes candidatures, la plus récente en premier</caption>
          <thead>
            <tr>
              <th scope="col">Formation</th>
              <th scope="col">Dossier</th>
              <th scope="col">Décision</th>
              <th scope="col">Date limite de retour</th>
            </tr>
          </thead>
          <tbody>
            {candidatures.data.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/mes-candidatures/${c.id}`}>{c.formation.libelle}</Link>
                </th>
                <td>{c.statutDossier.libelle}</td>
                <td>{c.decision.libelle}</td>
                <td>{dateLisible(c.dateLimiteRetour)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Page>
  );
}
