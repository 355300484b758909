import Badge from 'react-bootstrap/Badge';
import Table from 'react-bootstrap/Table';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { LANGUES } from './outils';


/** Every mail the API sends whose text may be changed (GET /api/admin/modeles-mail), with the languages changed. */
export default function ModelesMail() {
  const modeles = $api.useQuery('get', '/api/admin/modeles-mail');
  return (
    <Page titre="Textes des mails">
      <p>Chaque mail a un texte livré avec l’application, en français et en anglais. Un texte modifié sert dès le mail suivant, sur toutes les instances.</p>
      {modeles.isPending && <Chargement />}
      <Probleme erreur={modeles.error} />
      {modeles.data && (
        <Table responsive hover size="sm">
          <caption className="visually-hidden">Mails, par code</caption>
          <thead>
            <tr>
              <th scope="col">Mail</th>
              <th scope="col">Code</th>
              <th scope="col">Textes</th>
            </tr>
          </thead>
          <tbody>
            {modeles.data.map((m) => (
              <tr key={m.code}>
                <th scope="row">{m.description}</th>
                <td>{m.code}</td>
                <td>
                  {(Object.keys(LANGUES) as (keyof typeof LANGUES)[]).map((l) => (
                    <span key={l} className="me-3 text-nowrap">
                      <Link to={`/gestion/modeles-mail/${m.code}/${l}`} aria-label={`${m.code} en ${LANGUES[l]}`}>
                        {l.toUpperCase()}
                      </Link>{' '}
                      {m.modifie.includes(l) && <Badge bg="warning" text="dark">modifié</Badge>}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Page>
  );
}
