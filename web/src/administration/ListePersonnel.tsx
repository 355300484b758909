import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';
import { Pagination } from './Pagination';
import { ROLES, type RolePersonnel } from './personnel';

const LIMITE = 20;

/**
 * Staff accounts (GET /api/admin/utilisateurs): searched by login, name or e-mail, filtered by role, centre,
 * commission and state, by name, paginated. The filters live in the address.
 */
export default function ListePersonnel() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const actif = params.get('actif');
  const query = {
    q: params.get('q') || undefined,
    role: (params.get('role') || undefined) as RolePersonnel | undefined,
    centre: params.get('centre') || undefined,
    commission: params.get('commission') || undefined,
    actif: actif === 'true' ? true : actif === 'false' ? false : undefined,
    page,
    limit: LIMITE,
  };
  const liste = $api.useQuery('get', '/api/admin/utilisateurs', { params: { query } }, { placeholderData: (precedent) => precedent });
  const filtrer = (valeurs: Record<string, string>) => setParams(new URLSearchParams(Object.entries(valeurs).filter(([, v]) => v !== '')));
  return (
    <Page titre="Personnel">
      <p>
        <Link to="/gestion/personnel/nouveau" className="btn btn-primary">
          Créer un compte
        </Link>
      </p>
      <Form key={params.toString()} noValidate role="search" aria-label="Chercher un compte" className="border rounded p-3 mb-4" onSubmit={(e) => filtrer(lireFormulaire(e))}>
        <Row>
          <Col md={6}>
            <ChampGestion nom="q" libelle="Recherche" type="search" defaultValue={params.get('q') ?? ''} aide="Login, nom, prénom ou adresse e-mail ; accents et majuscules indifférents." erreur={liste.error} />
          </Col>
          <Col sm={6} md={3}>
            <ChampGestion nom="role" libelle="Rôle" options={{ '': 'Tous', ...ROLES }} defaultValue={params.get('role') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} md={3}>
            <ChampGestion nom="actif" libelle="État" options={{ '': 'Tous', true: 'Actifs', false: 'Désactivés' }} defaultValue={actif ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} md={3}>
            <ChampGestion nom="centre" libelle="Centre (code)" defaultValue={params.get('centre') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} md={3}>
            <ChampGestion nom="commission" libelle="Commission (code)" defaultValue={params.get('commission') ?? ''} erreur={liste.error} />
          </Col>
        </Row>
        <Stack direction="horizontal" gap={2}>
          <Button type="submit">Chercher</Button>
          <Button variant="outline-secondary" onClick={() => filtrer({})}>
            Effacer les filtres
          </Button>
        </Stack>
      </Form>
      <Probleme erreur={liste.error} />
      {liste.isPending && <Chargement />}
      <p role="status" aria-live="polite">
        {liste.data && `${liste.data.total} compte${liste.data.total > 1 ? 's' : ''}`}
      </p>
      {liste.data && liste.data.items.length > 0 && (
        <>
          <Table responsive hover>
            <caption className="visually-hidden">Comptes du personnel, page {page}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Login</th>
                <th scope="col">Rôles</th>
                <th scope="col">Périmètre</th>
                <th scope="col">Connexion</th>
              </tr>
            </thead>
            <tbody>
              {liste.data.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={`/gestion/personnel/${u.id}`}>
                      {u.prenom} {u.nom}
                    </Link>{' '}
                    {!u.actif && <Badge bg="secondary">désactivé</Badge>}
                    <div className="small text-body-secondary">{u.email}</div>
                  </th>
                  <td>{u.login}</td>
                  <td>{u.roles.map((r) => ROLES[r as RolePersonnel] ?? r).join(', ')}</td>
                  <td>
                    {[
                      ...u.centres.map((c) => (c.commissions ? `${c.code} (${c.commissions.join(', ')})` : `${c.code} (tout le centre)`)),
                      ...u.commissions.map((c) => `${c.code}${c.president ? ' (président)' : ''}`),
                    ].join(' · ') || '—'}
                  </td>
                  <td>{u.casUniquement ? 'CAS seulement' : 'Mot de passe ou CAS'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            page={page}
            limit={LIMITE}
            total={liste.data.total}
            libelle="Pages des comptes"
            onPage={(p) => {
              const suivants = new URLSearchParams(params);
              suivants.set('page', String(p));
              setParams(suivants);
            }}
          />
        </>
      )}
    </Page>
  );
}
