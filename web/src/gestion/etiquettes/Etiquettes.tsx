import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link } from 'react-router';
import type { Schemas } from '@client';
import { relire, useApresEnregistrement } from '../../administration/outils';
import { $api } from '../../commun/api';
import { Cadre } from '../../commun/Champ';
import { Chargement } from '../../commun/Gabarit';
import { Page } from '../../commun/Page';
import { Probleme, Succes } from '../../commun/Probleme';
import { useSession } from '../../commun/session';
import { ChampGestion, lireFormulaire } from '../ChampGestion';
import { acces } from '../roles-gestion';
import { Section } from '../Section';
import { Pastille } from './Pastille';

type Etiquette = Schemas['EtiquetteDto'];

/** After a change: the labels, and the candidatures that show them. */
const recharger = () => relire('/api/etiquettes', '/api/candidatures');

/**
 * The labels (GET /api/etiquettes): the institution's, managed by scolarité centrale and admin, and each centre's,
 * managed by its gestionnaires (and the institution). Created, renamed, recoloured, deleted (taken off every
 * candidature); a label of a centre only goes on that centre's candidatures.
 */
export default function Etiquettes() {
  const me = useSession()?.me;
  const roles = me?.roles ?? [];
  const etablissement = acces.etiquettesEtablissement(roles);
  const centresGeres = roles.includes('gestionnaire') ? (me?.scopes.centres ?? []) : [];
  const gerable = (e: Etiquette) => etablissement || (e.centre !== null && centresGeres.includes(e.centre));
  const etiquettes = $api.useQuery('get', '/api/etiquettes', {}, { enabled: acces.etiqueter(roles) });
  const [edition, setEdition] = useState<number | null>(null);
  const [aSupprimer, setASupprimer] = useState<number | null>(null);
  const suppression = $api.useMutation('delete', '/api/etiquettes/{id}', {
    onSuccess: () => {
      setASupprimer(null);
      void recharger();
    },
  });
  const enEdition = etiquettes.data?.find((e) => e.id === edition);
  if (!acces.etiqueter(roles)) {
    return (
      <Page titre="Étiquettes">
        <p>Les étiquettes sont réservées aux gestionnaires, à la scolarité centrale et à l’administration.</p>
      </Page>
    );
  }
  return (
    <Page titre="Étiquettes">
      <p>
        <Link to="/gestion">Retour aux candidatures</Link>
      </p>
      <p>
        Une étiquette se pose sur des candidatures (depuis leur fiche, ou sur une sélection de la liste) ; la liste se filtre sur elle et l’export peut la reprendre. Celles de l’établissement valent pour toutes
        les candidatures, celles d’un centre pour ses seules candidatures.
      </p>
      <Section titre="Étiquettes existantes">
        {etiquettes.isPending && <Chargement />}
        <Probleme erreur={etiquettes.error ?? suppression.error} />
        {suppression.isSuccess && <Succes>Étiquette supprimée, et retirée de toutes les candidatures.</Succes>}
        {etiquettes.data && etiquettes.data.length === 0 && <p>Aucune étiquette pour l’instant.</p>}
        {etiquettes.data && etiquettes.data.length > 0 && (
          <Table responsive size="sm">
            <caption className="visually-hidden">Étiquettes : celles de l’établissement, puis celles des centres</caption>
            <thead>
              <tr>
                <th scope="col">Étiquette</th>
                <th scope="col">Couleur</th>
                <th scope="col">Propriétaire</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {etiquettes.data.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Pastille etiquette={e} />
                  </th>
                  <td>{e.couleur}</td>
                  <td>{e.centre === null ? 'L’établissement' : `Centre ${e.centre}`}</td>
                  <td>
                    {gerable(e) ? (
                      <Stack direction="horizontal" gap={2} className="flex-wrap">
                        <Button size="sm" variant="outline-primary" onClick={() => setEdition(e.id)}>
                          Modifier « {e.libelle} »
                        </Button>
                        {aSupprimer === e.id ? (
                          <>
                            <Button size="sm" variant="danger" disabled={suppression.isPending} onClick={() => suppression.mutate({ params: { path: { id: e.id } } })}>
                              Confirmer la suppression de « {e.libelle} »
                            </Button>
                            <Button size="sm" variant="outline-secondary" onClick={() => setASupprimer(null)}>
                              Garder « {e.libelle} »
                            </Button>
                          </>
                        ) : (
                          <Button size="sm" variant="outline-danger" onClick={() => setASupprimer(e.id)}>
                            Supprimer « {e.libelle} »
                          </Button>
                        )}
                      </Stack>
                    ) : (
                      <span className="text-body-secondary">Gérée par {e.centre === null ? 'la scolarité centrale' : `les gestionnaires du centre ${e.centre}`}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {enEdition && (
          <Card className="mb-3">
            <Card.Body>
              <h3 className="h5">Modifier « {enEdition.libelle} »</h3>
              <FormulaireEtiquette key={enEdition.id} etiquette={enEdition} onFait={() => setEdition(null)} />
            </Card.Body>
          </Card>
        )}
      </Section>
      <Section titre="Nouvelle étiquette">
        {etablissement || centresGeres.length > 0 ? <FormulaireEtiquette /> : <p>Vous ne gérez aucun centre : vous utilisez les étiquettes existantes sans en créer.</p>}
      </Section>
    </Page>
  );
}

/** Creates a label (its owner chosen among those the caller manages), or renames and recolours one (its owner stays). */
function FormulaireEtiquette({ etiquette, onFait }: { etiquette?: Etiquette; onFait?: () => void }) {
  const me = useSession()?.me;
  const etablissement = acces.etiquettesEtablissement(me?.roles ?? []);
  const centres = $api.useQuery('get', '/api/offre/gestion/centres', { params: { query: { limit: 200 } } }, { staleTime: 300_000, enabled: !etiquette && etablissement });
  const { cle, apresCreation, apresModification } = useApresEnregistrement(recharger, onFait);
  const creation = $api.useMutation('post', '/api/etiquettes', apresCreation);
  const modification = $api.useMutation('put', '/api/etiquettes/{id}', apresModification);
  const erreur = etiquette ? modification.error : creation.error;
  const proprietaires: Record<string, string> = etablissement
    ? { '': 'L’établissement (toutes les candidatures)', ...Object.fromEntries((centres.data?.items ?? []).map((c) => [c.code, `Centre ${c.code} · ${c.libelle}`])) }
    : Object.fromEntries((me?.scopes.centres ?? []).map((c) => [c, `Centre ${c}`]));
  return (
    <Form
      key={cle}
      noValidate
      aria-label={etiquette ? `Modifier l’étiquette « ${etiquette.libelle} »` : 'Nouvelle étiquette'}
      onSubmit={(e) => {
        const v = lireFormulaire(e);
        if (etiquette) modification.mutate({ params: { path: { id: etiquette.id } }, body: { libelle: v.libelle, couleur: v.couleur } });
        else creation.mutate({ body: { libelle: v.libelle, couleur: v.couleur, ...(v.centre ? { centre: v.centre } : {}) } });
      }}
    >
      <Probleme erreur={erreur} />
      {creation.isSuccess && (
        <Succes>
          Étiquette « {creation.data.libelle} » créée{creation.data.centre ? ` pour le centre ${creation.data.centre}` : ' pour l’établissement'} : posez-la depuis la fiche d’une candidature ou sur une sélection de la liste.
        </Succes>
      )}
      <Row>
        <Col md={5}>
          <ChampGestion nom="libelle" libelle="Libellé" defaultValue={etiquette?.libelle} aide="50 caractères au plus ; unique parmi les étiquettes du même propriétaire." erreur={erreur} required />
        </Col>
        <Col md={3}>
          <Cadre nom="couleur" libelle="Couleur" aide="Le texte s’écrit en noir ou en blanc, le plus lisible des deux." erreur={erreur} required>
            {(attributs) => <Form.Control type="color" className="form-control-color" defaultValue={etiquette?.couleur ?? '#1f77b4'} {...attributs} />}
          </Cadre>
        </Col>
        {!etiquette && (
          <Col md={4}>
            <ChampGestion nom="centre" libelle="Propriétaire" options={proprietaires} aide="Une étiquette de centre ne se pose que sur les candidatures de ce centre." erreur={erreur} required />
          </Col>
        )}
      </Row>
      <Stack direction="horizontal" gap={2}>
        <Button type="submit" disabled={creation.isPending || modification.isPending}>
          {etiquette ? 'Enregistrer l’étiquette' : 'Créer l’étiquette'}
        </Button>
        {etiquette && (
          <Button variant="outline-secondary" onClick={onFait}>
            Annuler
          </Button>
        )}
      </Stack>
    </Form>
  );
}
