import Table from 'react-bootstrap/Table';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { useSession } from '../commun/session';
import { TEXTES_CANDIDAT } from './textes';

/** The candidate's space: who is logged in and their candidatures (GET /api/candidat/candidatures), each one's récapitulatif a link away. */
export default function MonEspace() {
  const session = useSession();
  const t = useTextes(TEXTES_CANDIDAT);
  const candidatures = $api.useQuery('get', '/api/candidat/candidatures');
  return (
    <Page titre={t.monEspace}>
      {session && (
        <p>
          {t.bonjour(session.me.prenom, session.me.nom)}
          <strong>{session.me.login}</strong>
        </p>
      )}
      <p>
        <Link to="/mon-dossier">{t.monDossier}</Link>
        {t.monDossierContenu}
      </p>
      <p>
        <Link to="/mon-compte">{t.monCompte}</Link>
        {t.monCompteContenu}
      </p>
      <h2 className="h4 mt-4">{t.mesCandidatures}</h2>
      {candidatures.isPending && <Chargement />}
      <Probleme erreur={candidatures.error} />
      {candidatures.data?.length === 0 && <p>{t.aucune}</p>}
      <p>
        <Link to="/offre">{t.consulterOffre}</Link>
      </p>
      {candidatures.data && candidatures.data.length > 0 && (
        <Table responsive>
          <caption className="visually-hidden">{t.legende}</caption>
          <thead>
            <tr>
              <th scope="col">{t.formation}</th>
              <th scope="col">{t.dossier}</th>
              <th scope="col">{t.decision}</th>
              <th scope="col">{t.dateLimite}</th>
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
