import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import type { Schemas } from '@client';
import { $api, api } from '../commun/api';
import { Cadre } from '../commun/Champ';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';
import { Section } from '../gestion/Section';
import { ouvrirDansUnOnglet } from '../gestion/telechargement';
import { derniereModification, TYPES_LETTRE } from './lettres';
import { LettresCommission, libelleCommission, useCommissions } from './LettresCommission';
import { LettresEtablissement } from './LettresEtablissement';
import { LANGUES, relire } from './outils';

type TexteDiplome = Schemas['TypeDiplomeLettreDto'];

const relireTextes = () => relire('/api/lettres/types-diplome');

/** The reference data's types de diplôme (public, one page: a few dozen). */
function useTypesDiplome() {
  return $api.useQuery('get', '/api/referentiels/types-diplome', { params: { query: { limit: 200 } } }, { staleTime: 300_000 });
}

/**
 * The letters of admission and refusal (issue 17, « Letters »; scolarité centrale, admin): the institution's block,
 * a paragraph per type de diplôme, a commission's own settings, and a preview with sample data in a new tab.
 */
export default function Lettres() {
  return (
    <Page titre="Lettres">
      <p>Les lettres d’admission et de refus que reçoivent les candidats, en français ou en anglais selon leur langue. Ouvrez un aperçu pour voir l’effet de vos réglages.</p>
      <LettresEtablissement />
      <TextesTypesDiplome />
      <LettresCommission />
      <Apercu />
    </Page>
  );
}

function TextesTypesDiplome() {
  const textes = $api.useQuery('get', '/api/lettres/types-diplome');
  const types = useTypesDiplome();
  const [cle, setCle] = useState(0);
  const creation = $api.useMutation('put', '/api/lettres/types-diplome/{code}', {
    onSuccess: () => {
      setCle(cle + 1);
      return relireTextes();
    },
  });
  const sansTexte = (types.data?.items ?? []).filter((t) => !textes.data?.some((x) => x.typeDiplome === t.code));
  return (
    <Section titre="Textes par type de diplôme">
      <p>Un paragraphe que les lettres des formations de ce type de diplôme impriment (un type sans texte n’en imprime aucun).</p>
      {(textes.isPending || types.isPending) && <Chargement />}
      <Probleme erreur={textes.error ?? types.error} />
      {textes.data?.length === 0 && <p>Aucun texte pour l’instant.</p>}
      {textes.data?.map((t) => <TexteDiplome key={`${t.typeDiplome}-${t.updatedAt}`} texte={t} />)}
      {types.data && (
        <>
          <h3 className="h5">Texte d’un autre type de diplôme</h3>
          <Form
            key={cle}
            noValidate
            aria-label="Texte d’un autre type de diplôme"
            onSubmit={(e) => {
              const v = lireFormulaire(e);
              creation.mutate({ params: { path: { code: v.typeDiplome } }, body: { texte: v.texte, ...(v.texteEn ? { texteEn: v.texteEn } : {}) } });
            }}
          >
            <Probleme erreur={creation.error} />
            {creation.isSuccess && <Succes>Texte du type de diplôme « {creation.data.libelle} » enregistré.</Succes>}
            <ChampGestion nom="typeDiplome" libelle="Type de diplôme" options={Object.fromEntries(sansTexte.map((t) => [t.code, `${t.libelle} (${t.code})`]))} erreur={creation.error} required />
            <ChampsTexte erreur={creation.error} />
            <Button type="submit" disabled={creation.isPending || sansTexte.length === 0}>
              Enregistrer le texte
            </Button>
          </Form>
        </>
      )}
    </Section>
  );
}

/** The French paragraph (required) and its English version. */
function ChampsTexte({ texte, erreur }: { texte?: TexteDiplome; erreur: unknown }) {
  return (
    <Row>
      <Col md={6}>
        <ChampGestion nom="texte" libelle="Texte en français" lignes={4} defaultValue={texte?.texte} erreur={erreur} required />
      </Col>
      <Col md={6}>
        <ChampGestion nom="texteEn" libelle="Texte en anglais" lignes={4} defaultValue={texte?.texteEn ?? ''} aide="Vide : le texte français." erreur={erreur} />
      </Col>
    </Row>
  );
}

function TexteDiplome({ texte: t }: { texte: TexteDiplome }) {
  const path = { code: t.typeDiplome };
  const modification = $api.useMutation('put', '/api/lettres/types-diplome/{code}', { onSuccess: () => relireTextes() });
  const suppression = $api.useMutation('delete', '/api/lettres/types-diplome/{code}', { onSuccess: () => relireTextes() });
  return (
    <Card className="mb-3">
      <Card.Body>
        <h3 className="h5">
          {t.libelle} ({t.typeDiplome})
        </h3>
        <p className="small text-body-secondary">{derniereModification(t.updatedBy, t.updatedAt, '')}</p>
        <Form
          noValidate
          aria-label={`Texte du type de diplôme ${t.libelle}`}
          onSubmit={(e) => {
            const v = lireFormulaire(e);
            modification.mutate({ params: { path }, body: { texte: v.texte, ...(v.texteEn ? { texteEn: v.texteEn } : {}) } });
          }}
        >
          <Probleme erreur={modification.error ?? suppression.error} />
          {modification.isSuccess && <Succes>Texte du type de diplôme « {t.libelle} » enregistré.</Succes>}
          <ChampsTexte texte={t} erreur={modification.error} />
          <Stack direction="horizontal" gap={2} className="flex-wrap">
            <Button type="submit" disabled={modification.isPending}>
              Enregistrer le texte « {t.libelle} »
            </Button>
            <Button variant="outline-danger" disabled={suppression.isPending} onClick={() => suppression.mutate({ params: { path } })}>
              Retirer le texte « {t.libelle} »
            </Button>
          </Stack>
        </Form>
      </Card.Body>
    </Card>
  );
}

/** A letter with sample data and the current settings, opened in a new tab (the API wants the session's token). */
function Apercu() {
  const { triees } = useCommissions();
  const types = useTypesDiplome();
  const [erreur, setErreur] = useState<unknown>(null);
  return (
    <Section titre="Aperçu">
      <Form
        noValidate
        aria-label="Aperçu d’une lettre"
        onSubmit={(e) => {
          const v = lireFormulaire(e);
          const query = {
            type: v.type as keyof typeof TYPES_LETTRE,
            langue: v.langue as keyof typeof LANGUES,
            ...(v.commissionId ? { commissionId: Number(v.commissionId) } : {}),
            ...(v.typeDiplome ? { typeDiplome: v.typeDiplome } : {}),
          };
          setErreur(null);
          void ouvrirDansUnOnglet(() => api.GET('/api/lettres/apercu.pdf', { params: { query }, parseAs: 'blob' })).then(setErreur);
        }}
      >
        <Probleme erreur={erreur} />
        <Row>
          <Col md={6} lg={3}>
            <ChampGestion nom="type" libelle="Lettre" options={TYPES_LETTRE} erreur={erreur} required />
          </Col>
          <Col md={6} lg={3}>
            <ChampGestion nom="langue" libelle="Langue" options={LANGUES} erreur={erreur} required />
          </Col>
          <Col md={6} lg={3}>
            {/* Not ChampGestion's options: an object would put the numeric ids first, in their order. */}
            <Cadre nom="commissionId" libelle="Commission" erreur={erreur}>
              {(attributs) => (
                <Form.Select {...attributs}>
                  <option value="">Une commission d’exemple</option>
                  {triees.map((c) => (
                    <option key={c.id} value={c.id}>
                      {libelleCommission(c)}
                    </option>
                  ))}
                </Form.Select>
              )}
            </Cadre>
          </Col>
          <Col md={6} lg={3}>
            <ChampGestion nom="typeDiplome" libelle="Type de diplôme" options={{ '': 'Aucun', ...Object.fromEntries((types.data?.items ?? []).map((t) => [t.code, t.libelle])) }} erreur={erreur} />
          </Col>
        </Row>
        <Button type="submit">Ouvrir l’aperçu (PDF)</Button>
      </Form>
    </Section>
  );
}
