import { useId } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { siVersion } from '../dossier/version';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';
import { relire } from './outils';

type Campagne = Schemas['CampagneDto'];

/**
 * The campaigns' switches (scolarité centrale, admin): the last day candidates may log in (eCandidat's
 * datFinCandidatCamp) and whether accounts may be opened without CAS. An archived campaign no longer changes.
 */
export default function Campagnes() {
  const campagnes = $api.useQuery('get', '/api/offre/gestion/campagnes', { params: { query: { limit: 20 } } });
  return (
    <Page titre="Campagnes">
      {campagnes.isPending && <Chargement />}
      <Probleme erreur={campagnes.error} />
      {campagnes.data?.items.map((c) => <FicheCampagne key={c.id} campagne={c} />)}
    </Page>
  );
}

function FicheCampagne({ campagne: c }: { campagne: Campagne }) {
  const id = useId();
  const modification = $api.useMutation('put', '/api/offre/gestion/campagnes/{id}', {
    onSuccess: () => relire('/api/offre/gestion/campagnes'),
  });
  return (
    <Card as="section" className="mb-4" aria-labelledby={id}>
      <Card.Body>
        <h2 id={id} className="h4">
          {c.libelle} {c.enService && <Badge bg="success">en service</Badge>} {c.archiveeAt && <Badge bg="secondary">archivée</Badge>}
        </h2>
        <p>
          Code {c.code} · candidatures du {dateLisible(c.dateDebut)} au {dateLisible(c.dateFin)}
        </p>
        {modification.isSuccess && <Succes>Campagne enregistrée.</Succes>}
        {c.archiveeAt ? (
          <p>
            Connexion des candidats : {c.dateFinCandidat ? `jusqu’au ${dateLisible(c.dateFinCandidat)}` : 'sans limite'} · création de comptes hors CAS : {c.creationComptesHorsCas ? 'ouverte' : 'fermée'}.
          </p>
        ) : (
          <Form
            noValidate
            aria-label={`Réglages de la campagne ${c.libelle}`}
            onSubmit={(e) => {
              const v = lireFormulaire(e);
              modification.mutate({
                params: { path: { id: c.id }, ...siVersion(c.version) },
                body: {
                  code: c.code,
                  libelle: c.libelle,
                  dateDebut: c.dateDebut,
                  dateFin: c.dateFin,
                  ...(c.dateActivationPrevue ? { dateActivationPrevue: c.dateActivationPrevue } : {}),
                  ...(c.campagneAArchiverId !== null ? { campagneAArchiverId: c.campagneAArchiverId } : {}),
                  ...(v.dateFinCandidat ? { dateFinCandidat: v.dateFinCandidat } : {}),
                  creationComptesHorsCas: v.creationComptesHorsCas === 'on',
                },
              });
            }}
          >
            <Probleme erreur={modification.error} />
            <Row>
              <Col md={6}>
                <ChampGestion
                  nom="dateFinCandidat"
                  libelle="Dernier jour de connexion des candidats"
                  type="date"
                  defaultValue={c.dateFinCandidat ?? ''}
                  aide="Pas avant le dernier jour de la campagne ; vide : sans limite. Le personnel n’est pas concerné."
                  erreur={modification.error}
                />
              </Col>
            </Row>
            <Form.Check
              className="mb-3"
              id={`${id}-hors-cas`}
              name="creationComptesHorsCas"
              defaultChecked={c.creationComptesHorsCas}
              label="Les candidats peuvent créer un compte avec une adresse e-mail et un mot de passe (décoché : par le CAS seulement)"
            />
            <Button type="submit" disabled={modification.isPending}>
              Enregistrer la campagne {c.code}
            </Button>
          </Form>
        )}
      </Card.Body>
    </Card>
  );
}
