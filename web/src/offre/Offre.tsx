import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import { Link, useSearchParams } from 'react-router';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { TEXTES_OFFRE } from './textes';

type Filtres = { q?: string; centre?: string; typeDiplome?: string; ouverte?: boolean };

/** The filters live in the address (shareable, kept by « précédent »): q, centre, typeDiplome, ouverte=true. */
function filtresDe(params: URLSearchParams): Filtres {
  const filtres: Filtres = {};
  for (const cle of ['q', 'centre', 'typeDiplome'] as const) {
    const valeur = params.get(cle)?.trim();
    if (valeur) filtres[cle] = valeur;
  }
  if (params.get('ouverte') === 'true') filtres.ouverte = true;
  return filtres;
}

/** GET /api/offre: the centres, their types de diplôme, their formations; filtered as the API filters. */
export default function Offre() {
  const [params, setParams] = useSearchParams();
  const t = useTextes(TEXTES_OFFRE);
  const filtres = filtresDe(params);
  const offre = $api.useQuery('get', '/api/offre', { params: { query: filtres } });
  // The choices of the filters: the whole offer (one request, cached), whatever is filtered below.
  const tout = $api.useQuery('get', '/api/offre', {}, { staleTime: 60_000 });
  const centres = tout.data?.centres ?? [];
  const types = new Map(centres.flatMap((c) => c.typesDiplome.map((t) => [t.code, t.libelle] as const)));
  const nombre = offre.data?.centres.reduce((n, c) => n + c.typesDiplome.reduce((m, t) => m + t.formations.length, 0), 0) ?? 0;

  return (
    <Page titre={t.offre}>
      <p>{t.introduction}</p>
      <Form
        role="search"
        aria-label={t.filtrer}
        className="border rounded p-3 mb-4"
        onSubmit={(e) => {
          e.preventDefault();
          const donnees = new FormData(e.currentTarget);
          const suivants = new URLSearchParams();
          for (const cle of ['q', 'centre', 'typeDiplome']) {
            const valeur = String(donnees.get(cle) ?? '').trim();
            if (valeur) suivants.set(cle, valeur);
          }
          if (donnees.get('ouverte')) suivants.set('ouverte', 'true');
          setParams(suivants);
        }}
        key={params.toString()}
      >
        <Row className="g-3 align-items-end">
          <Col md={4}>
            <Form.Group controlId="filtre-q">
              <Form.Label>{t.motsCles}</Form.Label>
              <Form.Control name="q" type="search" defaultValue={filtres.q ?? ''} />
            </Form.Group>
          </Col>
          <Col md={3}>
            <Form.Group controlId="filtre-centre">
              <Form.Label>{t.centre}</Form.Label>
              <Form.Select name="centre" defaultValue={filtres.centre ?? ''}>
                <option value="">{t.tousCentres}</option>
                {centres.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.libelle}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
          <Col md={3}>
            <Form.Group controlId="filtre-type">
              <Form.Label>{t.typeDiplome}</Form.Label>
              <Form.Select name="typeDiplome" defaultValue={filtres.typeDiplome ?? ''}>
                <option value="">{t.tousDiplomes}</option>
                {[...types].map(([code, libelle]) => (
                  <option key={code} value={code}>
                    {libelle}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
          <Col md={2}>
            <Form.Check id="filtre-ouverte" name="ouverte" label={t.ouvertesAujourdhui} defaultChecked={filtres.ouverte} />
          </Col>
        </Row>
        <div className="mt-3 d-flex gap-2">
          <Button type="submit">{t.boutonFiltrer}</Button>
          {params.size > 0 && (
            <Button variant="outline-secondary" onClick={() => setParams(new URLSearchParams())}>
              {t.effacer}
            </Button>
          )}
        </div>
      </Form>

      {offre.isPending && <Chargement />}
      <Probleme erreur={offre.error} />
      {offre.data && (
        <p role="status" className="fw-semibold">
          {t.nombre(nombre)}
        </p>
      )}
      {offre.data?.centres.map((centre) => (
        <section key={centre.code} aria-labelledby={`centre-${centre.code}`} className="mb-4">
          <h2 id={`centre-${centre.code}`} className="h3">
            {centre.libelle}
          </h2>
          {centre.typesDiplome.map((type) => (
            <section key={type.code} aria-labelledby={`type-${centre.code}-${type.code}`} className="ms-md-3 mb-3">
              <h3 id={`type-${centre.code}-${type.code}`} className="h5">
                {type.libelle}
              </h3>
              <ul className="list-unstyled">
                {type.formations.map((f) => (
                  <ElementFormation key={f.id} formation={f} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </Page>
  );
}

function ElementFormation({ formation: f }: { formation: Schemas['FormationPubliqueDto'] }) {
  const t = useTextes(TEXTES_OFFRE);
  return (
    <li className="border-start border-3 ps-3 mb-3">
      <Link to={`/offre/formations/${f.id}`} className="fw-semibold">
        {f.libelle}
      </Link>{' '}
      <Badge bg={f.ouverte ? 'success' : 'secondary'}>{f.ouverte ? t.ouvertes : t.fermees}</Badge>{' '}
      <Badge bg="light" text="dark" className="border">
        {f.mode === 'DEMATERIALISE' ? t.enLigne : t.papier}
      </Badge>
      <div className="small">
        {t.periode(dateLisible(f.dateDebutCandidature), dateLisible(f.dateFinCandidature), dateLisible(f.dateRetour))}
      </div>
    </li>
  );
}
