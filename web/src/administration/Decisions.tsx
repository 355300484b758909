import { useState } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { siVersion } from '../dossier/version';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';
import { TYPES_AVIS } from '../gestion/filtres';
import { Section } from '../gestion/Section';
import { relire, useApresEnregistrement } from './outils';

type TypeDecision = Schemas['TypeDecisionDto'];
type Motif = Schemas['MotifAvisDto'];

/** The decision mails a type may send (TypeDecisionInput.mail). */
const MAILS = { AVIS_FAVORABLE: 'Avis favorable', AVIS_DEFAVORABLE: 'Avis défavorable', AVIS_LISTE_COMP: 'Liste complémentaire', AVIS_LISTE_ATT: 'Liste d’attente', AVIS_PRESELECTION: 'Présélection' } as const;
const COMME_LE_MODELE = { '': 'Comme le modèle de la famille', true: 'Oui', false: 'Non' };
const ouiNon = (valeur: string) => (valeur === 'true' ? true : valeur === 'false' ? false : undefined);

/** Staff read both lists at GET /api/candidatures/…; the avis form (gestion/FormulaireAvis) reads them too. */
const recharger = () =>
  relire('/api/candidatures/types-decision', '/api/candidatures/motifs-avis');

/**
 * The institution's settings of decisions (scolarité centrale, admin): types de décision per avis family (labels,
 * final or not, confirmable, the mail it sends; deactivated or deleted when unused), and motifs de refus.
 */
export default function Decisions() {
  return (
    <Page titre="Décisions">
      <TypesDecision />
      <Motifs />
    </Page>
  );
}


function TypesDecision() {
  const types = $api.useQuery('get', '/api/candidatures/types-decision');
  const [edition, setEdition] = useState<number | null>(null);
  const suppression = $api.useMutation('delete', '/api/parametrage/types-decision/{id}', { onSuccess: () => void recharger() });
  const enEdition = types.data?.find((t) => t.id === edition);
  return (
    <Section titre="Types de décision">
      <p>
        Chaque famille d’avis a son modèle (ce que veut dire un avis sans type) ; l’établissement y ajoute ses propres décisions, comme « Avis favorable sous réserve ». Un type déjà donné ne se supprime
        pas : désactivez-le.
      </p>
      {types.isPending && <Chargement />}
      <Probleme erreur={types.error ?? suppression.error} />
      {types.data && (
        <Table responsive size="sm">
          <caption className="visually-hidden">Types de décision, les modèles en premier</caption>
          <thead>
            <tr>
              <th scope="col">Libellé</th>
              <th scope="col">Code</th>
              <th scope="col">Famille</th>
              <th scope="col">Règles</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {types.data.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {t.libelle} {t.modele && <Badge bg="info" text="dark">modèle</Badge>} {!t.actif && <Badge bg="secondary">désactivé</Badge>}
                  {t.libelleEn && (
                    <div className="small text-body-secondary" lang="en">
                      {t.libelleEn}
                    </div>
                  )}
                </th>
                <td>{t.code}</td>
                <td>{TYPES_AVIS[t.famille]}</td>
                <td>
                  {[t.definitif ? 'définitive' : 'non définitive', t.famille === 'FA' ? (t.confirmable ? 'le candidat confirme' : 'sans confirmation') : null, t.mail ? `mail ${MAILS[t.mail as keyof typeof MAILS] ?? t.mail}` : 'sans mail']
                    .filter(Boolean)
                    .join(' · ')}
                </td>
                <td>
                  <Stack direction="horizontal" gap={2} className="flex-wrap">
                    <Button size="sm" variant="outline-primary" onClick={() => setEdition(t.id)}>
                      Modifier « {t.libelle} »
                    </Button>
                    {!t.modele && (
                      <Button size="sm" variant="outline-danger" disabled={suppression.isPending} onClick={() => suppression.mutate({ params: { path: { id: t.id }, ...siVersion(t.version) } })}>
                        Supprimer « {t.libelle} »
                      </Button>
                    )}
                  </Stack>
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
            <FormulaireType key={`${enEdition.id}-${enEdition.version}`} type={enEdition} onFait={() => setEdition(null)} />
          </Card.Body>
        </Card>
      )}
      <h3 className="h5">Nouveau type de décision</h3>
      <FormulaireType />
    </Section>
  );
}

/** Creates a type, or changes one (its code and family never change; a model's labels only). */
function FormulaireType({ type, onFait }: { type?: TypeDecision; onFait?: () => void }) {
  const { cle, apresCreation, apresModification } = useApresEnregistrement(recharger, onFait);
  const [famille, setFamille] = useState<Schemas['TypeAvis']>(type?.famille ?? 'FA');
  const creation = $api.useMutation('post', '/api/parametrage/types-decision', apresCreation);
  const modification = $api.useMutation('put', '/api/parametrage/types-decision/{id}', apresModification);
  const erreur = type ? modification.error : creation.error;
  const regles = !type?.modele;
  return (
    <Form
      key={cle}
      noValidate
      aria-label={type ? `Modifier le type « ${type.libelle} »` : 'Nouveau type de décision'}
      onSubmit={(e) => {
        const v = lireFormulaire(e);
        const body: Schemas['TypeDecisionInput'] = {
          code: type?.code ?? v.code,
          libelle: v.libelle,
          libelleEn: v.libelleEn || null,
          famille,
          ...(regles
            ? {
                definitif: ouiNon(v.definitif),
                confirmable: famille === 'FA' ? ouiNon(v.confirmable) : undefined,
                ...(v.mail === '' ? {} : { mail: v.mail === 'AUCUN' ? null : v.mail }),
                actif: v.actif === 'on',
              }
            : {}),
        };
        if (type) modification.mutate({ params: { path: { id: type.id }, ...siVersion(type.version) }, body });
        else creation.mutate({ body });
      }}
    >
      <Probleme erreur={erreur} />
      {creation.isSuccess && <Succes>Type de décision « {creation.data.libelle} » créé : les gestionnaires peuvent le choisir dans la famille {TYPES_AVIS[creation.data.famille]}.</Succes>}
      <Row>
        <Col md={4}>
          {type ? (
            <p>
              Code : <strong>{type.code}</strong> · famille : <strong>{TYPES_AVIS[type.famille]}</strong>
            </p>
          ) : (
            <ChampGestion nom="code" libelle="Code" aide="Lettres, chiffres, - et _ ; ne change plus ensuite." erreur={erreur} required />
          )}
        </Col>
        {!type && (
          <Col md={4}>
            <ChampGestion nom="famille" libelle="Famille d’avis" options={TYPES_AVIS} defaultValue={famille} onChange={(f) => setFamille(f as Schemas['TypeAvis'])} erreur={erreur} required />
          </Col>
        )}
      </Row>
      <Row>
        <Col md={6}>
          <ChampGestion nom="libelle" libelle="Libellé (ce que lit le candidat)" defaultValue={type?.libelle} erreur={erreur} required />
        </Col>
        <Col md={6}>
          <ChampGestion nom="libelleEn" libelle="Libellé en anglais" defaultValue={type?.libelleEn ?? ''} aide="Vide : le libellé français." erreur={erreur} />
        </Col>
      </Row>
      {regles && (
        <Row>
          <Col md={4}>
            <ChampGestion nom="definitif" libelle="Décision définitive" options={COMME_LE_MODELE} defaultValue={type ? String(type.definitif) : ''} aide="Définitive : la lettre d’admission ou de refus l’accompagne." erreur={erreur} />
          </Col>
          {famille === 'FA' && (
            <Col md={4}>
              <ChampGestion nom="confirmable" libelle="Le candidat confirme ou se désiste" options={COMME_LE_MODELE} defaultValue={type ? String(type.confirmable) : ''} erreur={erreur} />
            </Col>
          )}
          <Col md={4}>
            <ChampGestion nom="mail" libelle="Mail envoyé à la publication" options={{ '': type ? 'Inchangé' : 'Celui de la famille', AUCUN: 'Aucun mail', ...MAILS }} defaultValue={type ? (type.mail ?? 'AUCUN') : ''} erreur={erreur} />
          </Col>
          <Col md={12}>
            <Form.Check className="mb-3" id={`actif-${type?.id ?? 'nouveau'}`} name="actif" defaultChecked={type?.actif ?? true} label="Proposé pour les nouveaux avis" />
          </Col>
        </Row>
      )}
      <Stack direction="horizontal" gap={2}>
        <Button type="submit" disabled={creation.isPending || modification.isPending}>
          {type ? 'Enregistrer le type' : 'Créer le type de décision'}
        </Button>
        {onFait && (
          <Button variant="outline-secondary" onClick={onFait}>
            Annuler
          </Button>
        )}
      </Stack>
    </Form>
  );
}

function Motifs() {
  const motifs = $api.useQuery('get', '/api/candidatures/motifs-avis');
  const [cle, setCle] = useState(0);
  const creation = $api.useMutation('post', '/api/parametrage/motifs-avis', {
    onSuccess: () => {
      setCle(cle + 1);
      void recharger();
    },
  });
  return (
    <Section titre="Motifs de refus">
      <p>Les motifs qu’un avis défavorable peut donner. Un motif déjà donné ne se supprime pas : désactivez-le.</p>
      {motifs.isPending && <Chargement />}
      <Probleme erreur={motifs.error} />
      {motifs.data && (
        <Table responsive size="sm">
          <caption className="visually-hidden">Motifs de refus</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Libellé</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {motifs.data.map((m) => (
              <LigneMotif key={`${m.id}-${m.version}`} motif={m} />
            ))}
          </tbody>
        </Table>
      )}
      <h3 className="h5">Nouveau motif</h3>
      <Form
        key={cle}
        noValidate
        aria-label="Nouveau motif de refus"
        onSubmit={(e) => {
          const v = lireFormulaire(e);
          creation.mutate({ body: { code: v.code, libelle: v.libelle } });
        }}
      >
        <Probleme erreur={creation.error} />
        {creation.isSuccess && <Succes>Motif « {creation.data.libelle} » créé.</Succes>}
        <Row>
          <Col md={4}>
            <ChampGestion nom="code" libelle="Code du motif" erreur={creation.error} required />
          </Col>
          <Col md={8}>
            <ChampGestion nom="libelle" libelle="Libellé du motif" erreur={creation.error} required />
          </Col>
        </Row>
        <Button type="submit" disabled={creation.isPending}>
          Créer le motif
        </Button>
      </Form>
    </Section>
  );
}

/** A motif: renamed in place, deactivated or reactivated, deleted when no avis gives it. */
function LigneMotif({ motif }: { motif: Motif }) {
  const modification = $api.useMutation('put', '/api/parametrage/motifs-avis/{id}', { onSuccess: () => void recharger() });
  const suppression = $api.useMutation('delete', '/api/parametrage/motifs-avis/{id}', { onSuccess: () => void recharger() });
  const params = { path: { id: motif.id }, ...siVersion(motif.version) };
  return (
    <tr>
      <th scope="row">
        {motif.code} {!motif.actif && <Badge bg="secondary">désactivé</Badge>}
      </th>
      <td>
        <Form
          noValidate
          aria-label={`Renommer le motif ${motif.code}`}
          onSubmit={(e) => {
            const v = lireFormulaire(e);
            modification.mutate({ params, body: { libelle: v.libelle, actif: motif.actif } });
          }}
        >
          <Stack direction="horizontal" gap={2} className="align-items-start">
            <ChampGestion nom="libelle" libelle={`Libellé du motif ${motif.code}`} defaultValue={motif.libelle} erreur={modification.error} className="mb-1 flex-grow-1" required />
            <Button type="submit" size="sm" variant="outline-primary" className="mt-4" disabled={modification.isPending}>
              Renommer
            </Button>
          </Stack>
        </Form>
        <Probleme erreur={modification.error ?? suppression.error} />
      </td>
      <td>
        <Stack direction="horizontal" gap={2} className="flex-wrap">
          <Button size="sm" variant="outline-secondary" disabled={modification.isPending} onClick={() => modification.mutate({ params, body: { libelle: motif.libelle, actif: !motif.actif } })}>
            {motif.actif ? 'Désactiver' : 'Réactiver'} {motif.code}
          </Button>
          <Button size="sm" variant="outline-danger" disabled={suppression.isPending} onClick={() => suppression.mutate({ params })}>
            Supprimer {motif.code}
          </Button>
        </Stack>
      </td>
    </tr>
  );
}
